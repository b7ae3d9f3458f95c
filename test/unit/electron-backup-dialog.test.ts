/** The desktop app's save dialog for "Back up now": its options and how its answer is read. */
import { describe, expect, it } from 'vitest';
import { backupDialogOptions, chosenBackupPath } from '../../electron/main/backup-dialog';

describe('backup save dialog', () => {
  it('suggests the new name in backups/, with the translated title and .db files', () => {
    expect(backupDialogOptions('/data/backups/keyplan-20261124T035007Z-manual.db', '保存数据库备份')).toEqual({
      title: '保存数据库备份',
      defaultPath: '/data/backups/keyplan-20261124T035007Z-manual.db',
      filters: [{ name: 'Keyplan', extensions: ['db'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    expect(backupDialogOptions('/x.db', undefined)).not.toHaveProperty('title');
  });

  it('reads a cancelled dialog as null and adds .db to a name typed without an extension', () => {
    expect(chosenBackupPath({ canceled: true, filePath: '/a/b.db' })).toBeNull();
    expect(chosenBackupPath({ canceled: false, filePath: '' })).toBeNull();
    expect(chosenBackupPath({ canceled: false })).toBeNull();
    expect(chosenBackupPath({ canceled: false, filePath: '/a/copy' })).toBe('/a/copy.db');
    expect(chosenBackupPath({ canceled: false, filePath: '/a/copy.sqlite' })).toBe('/a/copy.sqlite');
  });
});
