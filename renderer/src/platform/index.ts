import { createElectronPlatform } from './electron-platform';
import type { Platform } from './platform';
import { createWebPlatform } from './web-platform';

export type { Platform, PickedFile } from './platform';
export { PlatformError, pickedFromFileList } from './platform';

/** Electron when the preload has exposed its API, the web otherwise. */
export function detectPlatform(): Platform {
  return window.metodkartan ? createElectronPlatform(window.metodkartan) : createWebPlatform();
}
