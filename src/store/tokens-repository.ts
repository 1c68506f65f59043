import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database } from './database.ts';
import type { TokenRecord, TokenRole, TokensRepository } from './store.ts';
import { isoTimestamp } from './timestamps.ts';

interface TokenRow {
  id: string;
  role: TokenRole;
  region: string | null;
  name: string | null;
  created_at: Date;
}

const TOKEN_PREFIX = 'gi_';
const REGION_CODE = /^\d{6}$/;

export class TokenInputError extends Error {
  override readonly name = 'TokenInputError';
}

/** What is stored instead of a token: its SHA-256, hex. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function tokensRepository(db: Database): TokensRepository {
  return {
    async create({ role, region, name }) {
      if (role === 'city' && (region === null || !REGION_CODE.test(region))) {
        throw new TokenInputError('A city token needs a 6-digit region code, e.g. 510100');
      }
      // 510000 would reach every 51xxxx site: the whole province, a province token in disguise.
      if (role === 'city' && region!.endsWith('0000')) {
        throw new TokenInputError(
          'A city token needs a city or county code (e.g. 510100), not a province code',
        );
      }
      if (role === 'province' && region !== null) {
        throw new TokenInputError('A province token reaches every site and takes no region');
      }
      const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
      const [row] = await db.query<TokenRow>(
        `INSERT INTO api_tokens (id, token_hash, role, region, name) VALUES ($1, $2, $3, $4, $5)
         RETURNING id, role, region, name, created_at`,
        [randomUUID(), tokenHash(token), role, region, name],
      );
      return { token, record: toTokenRecord(row!) };
    },
    async verify(token) {
      if (!token.startsWith(TOKEN_PREFIX)) return undefined;
      const [row] = await db.query<TokenRow>(
        'SELECT id, role, region, name, created_at FROM api_tokens WHERE token_hash = $1',
        [tokenHash(token)],
      );
      return row && toTokenRecord(row);
    },
    async list() {
      const rows = await db.query<TokenRow>(
        'SELECT id, role, region, name, created_at FROM api_tokens ORDER BY created_at, id',
      );
      return rows.map(toTokenRecord);
    },
    async revoke(id) {
      const rows = await db.query('DELETE FROM api_tokens WHERE id = $1 RETURNING id', [id]);
      return rows.length > 0;
    },
  };
}

function toTokenRecord(row: TokenRow): TokenRecord {
  return {
    id: row.id,
    role: row.role,
    region: row.region,
    name: row.name,
    createdAt: isoTimestamp(row.created_at),
  };
}
