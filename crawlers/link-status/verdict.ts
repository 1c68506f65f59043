import type { AddressRefusal, BotChallenge, LinkStatus } from '../artifacts.ts';

/**
 * The verdict on an answer that is not a busy server's (429/503 are judged where retries happen):
 * a bot challenge, or a request not made because its address is refused, says nothing about the link
 * (unverified); an error code, a soft 404 or any status outside 2xx means the reader gets nothing
 * useful (broken).
 */
export function verdictOf(
  status: number | string,
  found: { softNotFound?: { evidence: string }; challenge?: BotChallenge; refused?: AddressRefusal },
): LinkStatus['verdict'] {
  if (found.challenge || found.refused) return 'unverified';
  if (typeof status === 'string' || found.softNotFound) return 'broken';
  return status >= 200 && status < 300 ? 'ok' : 'broken';
}
