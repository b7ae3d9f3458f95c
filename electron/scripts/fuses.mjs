// @ts-check
/**
 * Electron fuses for the packaged app: switches compiled into the Electron binary that turn off
 * ways to run code other than ours. Flipped by after-pack.mjs, before signing.
 */
import path from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/** @type {Readonly<Record<FuseV1Options, boolean>>} */
export const FUSES = {
  // ELECTRON_RUN_AS_NODE=1 would turn the signed app into a general-purpose Node.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and localStorage encrypted with the OS keychain key.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS=--require evil.js would inject code into main.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect would open a debugger into main.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Refuse an app.asar whose header hash differs from the one recorded at build (macOS, Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Load only resources/app.asar, never a loose resources/app folder dropped beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The renderer comes from app://keyplan/, so file:// needs none of its historical extra powers.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/**
 * The Electron executable inside an unpacked build, where the fuse wire lives.
 * @param {{ appOutDir: string, platform: string, productFilename: string, executableName: string }} where
 *   `executableName` is the Linux file name (electron-builder's linux.executableName);
 *   macOS and Windows use the product file name.
 */
export function electronExecutable({ appOutDir, platform, productFilename, executableName }) {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${productFilename}.exe`);
    default:
      return path.join(appOutDir, executableName);
  }
}

/**
 * The configuration for @electron/fuses. Flipping fuses breaks a macOS binary's ad-hoc signature,
 * which Apple Silicon refuses to run, so macOS builds are re-signed ad hoc (the real signature, if
 * any, comes after).
 * @param {string} platform
 * @returns {import('@electron/fuses').FuseV1Config}
 */
export function fuseConfig(platform) {
  return {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: platform === 'darwin' || platform === 'mas',
    ...FUSES,
  };
}
