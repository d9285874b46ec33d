// Stands in for write-excel-file's zipToArrayBuffer in the app's build (see vite.config.ts): that one
// deflates large parts in a Worker made from a blob: URL, which the app's CSP (worker-src 'self')
// rightly refuses, and fflate then never settles. A data table is small: zipping it at once is quick.
import { zipSync } from 'fflate';

export default function zipToArrayBuffer(files: Record<string, Uint8Array>): Promise<ArrayBuffer> {
  const zipped = zipSync(files);
  return Promise.resolve(zipped.buffer.slice(zipped.byteOffset, zipped.byteOffset + zipped.byteLength) as ArrayBuffer);
}
