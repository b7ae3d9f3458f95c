import { FuseV1Options, FuseVersion } from '@electron/fuses';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinaryStatus, electronVersion, MISSING_BINARY_MESSAGE, ROOT } from '../../electron/scripts/electron-binary.mjs';
import { keepingDirectory, nativeBindingPath } from '../../electron/scripts/electron-native.mjs';
import { electronExecutable, fuseConfig, FUSES } from '../../electron/scripts/fuses.mjs';

describe('electronBinaryStatus', () => {
  it('reports a skipped download, where require("electron") throws', () => {
    const status = electronBinaryStatus({
      locate: () => {
        throw new Error('Electron failed to install correctly');
      },
    });
    expect(status).toEqual({ ok: false, reason: 'Electron failed to install correctly' });
  });

  it('reports a binary path that is not on disk', () => {
    const status = electronBinaryStatus({ locate: () => '/nowhere/electron', exists: () => false });
    expect(status).toEqual({ ok: false, reason: '/nowhere/electron does not exist' });
  });

  it('reports a binary that is there, with the installed version', () => {
    const status = electronBinaryStatus({ locate: () => '/opt/electron/electron', exists: () => true });
    expect(status).toEqual({ ok: true, path: '/opt/electron/electron', version: electronVersion() });
    expect(electronVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('agrees with this machine', () => {
    const status = electronBinaryStatus();
    if (status.ok) expect(path.isAbsolute(status.path)).toBe(true);
    else expect(status.reason).not.toBe('');
  });

  it('explains a missing binary in one line', () => {
    expect(MISSING_BINARY_MESSAGE).not.toContain('\n');
    expect(MISSING_BINARY_MESSAGE).toContain('npm run web');
  });
});

describe('nativeBindingPath', () => {
  it('keys the Electron build by Electron, platform, CPU and better-sqlite3 version, outside node_modules', () => {
    const file = nativeBindingPath({ root: '/repo', electronVersion: '41.7.1', sqliteVersion: '12.11.1', platform: 'linux', arch: 'x64' });
    expect(file).toBe(path.join('/repo', '.cache', 'electron-native', 'electron-41.7.1-linux-x64', 'better-sqlite3-12.11.1', 'better_sqlite3.node'));
    expect(nativeBindingPath({ electronVersion: '41.7.1', sqliteVersion: '12.11.1' }).startsWith(path.join(ROOT, '.cache'))).toBe(true);
  });
});

describe('keepingDirectory', () => {
  function tmpBuild(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyplan-keep-'));
    fs.mkdirSync(path.join(dir, 'build', 'Release'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'build', 'Release', 'better_sqlite3.node'), 'node-abi');
    return dir;
  }

  it('puts the Node build back after a rebuild replaced it', () => {
    const dir = tmpBuild();
    const build = path.join(dir, 'build');
    const result = keepingDirectory(build, () => {
      fs.writeFileSync(path.join(build, 'Release', 'better_sqlite3.node'), 'electron-abi');
      fs.writeFileSync(path.join(build, 'stray.o'), '');
      return 7;
    });
    expect(result).toBe(7);
    expect(fs.readFileSync(path.join(build, 'Release', 'better_sqlite3.node'), 'utf8')).toBe('node-abi');
    expect(fs.existsSync(path.join(build, 'stray.o'))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('puts it back when the rebuild fails halfway', () => {
    const dir = tmpBuild();
    const build = path.join(dir, 'build');
    expect(() =>
      keepingDirectory(build, () => {
        fs.rmSync(build, { recursive: true });
        throw new Error('rebuild failed');
      }),
    ).toThrow('rebuild failed');
    expect(fs.readFileSync(path.join(build, 'Release', 'better_sqlite3.node'), 'utf8')).toBe('node-abi');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('just runs when there is nothing to keep', () => {
    expect(keepingDirectory(path.join(os.tmpdir(), 'keyplan-no-such-dir'), () => 'ran')).toBe('ran');
  });
});

describe('fuses', () => {
  it('closes every door to running other code', () => {
    expect(FUSES).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('sets every fuse this version of @electron/fuses knows', () => {
    const known = Object.values(FuseV1Options).filter((v) => typeof v === 'number');
    expect(Object.keys(FUSES).map(Number).sort()).toEqual([...known].sort());
  });

  it('re-signs ad hoc only on macOS', () => {
    expect(fuseConfig('darwin')).toMatchObject({ version: FuseVersion.V1, resetAdHocDarwinSignature: true });
    expect(fuseConfig('linux').resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig('win32').resetAdHocDarwinSignature).toBe(false);
  });

  it('finds the Electron executable in each platform layout', () => {
    const where = { appOutDir: '/dist/x', productFilename: 'Keyplan', executableName: 'keyplan' };
    expect(electronExecutable({ ...where, platform: 'linux' })).toBe(path.join('/dist/x', 'keyplan'));
    expect(electronExecutable({ ...where, platform: 'win32' })).toBe(path.join('/dist/x', 'Keyplan.exe'));
    expect(electronExecutable({ ...where, platform: 'darwin' })).toBe(path.join('/dist/x', 'Keyplan.app'));
    expect(electronExecutable({ ...where, platform: 'mas' })).toBe(path.join('/dist/x', 'Keyplan.app'));
  });
});
