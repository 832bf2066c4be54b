// electron-builder's afterPack hook: flips the packed Electron binary's fuses (@electron/fuses) before
// it is signed or wrapped in an installer: no running as Node, no NODE_OPTIONS or inspect arguments,
// cookies encrypted, the app loaded only from its asar, and that asar's integrity checked.
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/** The fuses and their states, by name: the packaging test reads them back from the packed binary. */
export const fuses = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
};

/** The packed binary electron-builder made for the platform. */
function binaryOf(context) {
  const { electronPlatformName, appOutDir, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return path.join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3 };
  for (const [name, on] of Object.entries(fuses)) config[FuseV1Options[name]] = on;
  await flipFuses(binaryOf(context), config);
}
