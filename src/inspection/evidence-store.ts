import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Where evidence files (screenshots) go. Paths it returns are what findings cite. */
export interface EvidenceStore {
  /** Stores `bytes` as `name` for a site; returns the path to cite, relative to the store's root. */
  save(siteId: string, name: string, bytes: Uint8Array): Promise<string>;
}

/** Evidence files under `root` (the sweep's output folder): `evidence/<siteId>/<name>`. */
export function fileEvidenceStore(root: string): EvidenceStore {
  return {
    async save(siteId, name, bytes) {
      const relative = join('evidence', siteId, name);
      const path = join(root, relative);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
      return relative;
    },
  };
}
