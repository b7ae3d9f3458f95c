/**
 * The save dialog of "Back up now" in the desktop app (pure: the options and the answer; main
 * shows it). The backend refuses an existing file whatever the dialog said (a backup never
 * replaces a file), so the dialog's own "replace?" question cannot lead to an overwrite.
 */
import path from 'node:path';

export interface BackupDialogOptions {
  title?: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
  properties: ('createDirectory' | 'showOverwriteConfirmation')[];
}

export function backupDialogOptions(suggested: string, title: string | undefined): BackupDialogOptions {
  const opts: BackupDialogOptions = {
    defaultPath: suggested,
    filters: [{ name: 'Keyplan', extensions: ['db'] }],
    // Linux asks before replacing only when told to; the backend refuses an existing file anyway
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  if (title) opts.title = title;
  return opts;
}

/** The path chosen in the dialog, or null when cancelled (with `.db` added when no extension was typed). */
export function chosenBackupPath(result: { canceled: boolean; filePath?: string }): string | null {
  if (result.canceled || !result.filePath) return null;
  return path.extname(result.filePath) ? result.filePath : `${result.filePath}.db`;
}
