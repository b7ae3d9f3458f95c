// @ts-check
/**
 * electron-builder's afterPack hook: flips the Electron fuses (see fuses.mjs) in the freshly packed
 * app. afterPack runs before code signing, which is what fuses require.
 */
import { flipFuses } from '@electron/fuses';
import { electronExecutable, fuseConfig } from './fuses.mjs';

/** @param {import('electron-builder').AfterPackContext} context */
export default async function afterPack(context) {
  const { appOutDir, electronPlatformName: platform, packager } = context;
  const executable = electronExecutable({
    appOutDir,
    platform,
    productFilename: packager.appInfo.productFilename,
    executableName: 'executableName' in packager ? String(packager.executableName) : packager.appInfo.productFilename,
  });
  console.log(`  • flipping Electron fuses  file=${executable}`);
  await flipFuses(executable, fuseConfig(platform));
}
