/** Why a backup file was refused; kept apart from backup.ts so that the error mapper loads neither zod nor fflate. */
export const backupErrorCodes = [
  'backup-not-zip',
  'backup-manifest-missing',
  'backup-invalid',
  'backup-newer',
  'backup-evidence-missing',
  'backup-evidence-corrupt',
  /** Made with the passphrase lock on: restoring it needs the passphrase that was in use then. */
  'backup-locked',
] as const;
export type BackupErrorCode = (typeof backupErrorCodes)[number];

export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    readonly code: BackupErrorCode,
    readonly fileName: string,
    /** The field path (backup.json › tables.assessments.3.answers…) or the evidence entry at fault. */
    readonly path?: string,
  ) {
    super(`${fileName}: ${code}${path ? ` (${path})` : ''}`);
  }
}
