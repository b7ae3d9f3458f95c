import { baseName } from './format';

export type BackupKind = 'daily' | 'manual' | 'beforeRestore' | 'other';

/** What kind of backup a file is, from the name the backend gives it (see backend db/backup.ts). */
export function backupKind(path: string): BackupKind {
  const name = baseName(path);
  if (/-before-restore\.db$/.test(name)) return 'beforeRestore';
  if (/-manual\.db$/.test(name)) return 'manual';
  if (/-\d{8}T\d{6}Z(?:-\d+)?\.db$/.test(name)) return 'daily';
  return 'other';
}
