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
  /** Valid, but the browser refused to store it for lack of space: nothing was written (BackupError.space says how much). */
  'backup-no-space',
] as const;
export type BackupErrorCode = (typeof backupErrorCodes)[number];

/** The room a restore needs, in bytes, and the room the browser says is left (when it says: StorageManager.estimate). */
export interface RestoreSpace {
  needed: number;
  available?: number;
}

export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    readonly code: BackupErrorCode,
    readonly fileName: string,
    /** The field path (backup.json › tables.assessments.3.answers…) or the evidence entry at fault. */
    readonly path?: string,
    /** With 'backup-no-space'. */
    readonly space?: RestoreSpace,
  ) {
    super(`${fileName}: ${code}${path ? ` (${path})` : ''}`);
  }
}
