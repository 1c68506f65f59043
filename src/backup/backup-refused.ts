/** A backup or restore that was not done: what was wrong and what to do, for the operator. */
export class BackupRefused extends Error {
  override readonly name = 'BackupRefused';
}
