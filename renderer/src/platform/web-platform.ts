import type { Platform, PickedFile } from './platform';
import { pickedFromFileList } from './platform';

const ACCEPT = '.csv,.tsv,.txt,.tab,.xlsx,.xlsm,.parquet,.json,.ndjson,.jsonl';

export function createWebPlatform(doc: Document = document): Platform {
  return {
    kind: 'web',
    pickFiles() {
      return new Promise<PickedFile[]>((resolve) => {
        const input = doc.createElement('input');
        input.type = 'file';
        input.multiple = true;
        input.accept = ACCEPT;
        input.addEventListener('change', () => resolve(input.files ? pickedFromFileList(input.files) : []), { once: true });
        input.addEventListener('cancel', () => resolve([]), { once: true });
        input.click();
      });
    },
    async saveFile(suggestedName, bytes) {
      // A download link: the browser's own save flow, nothing leaves the machine.
      const url = URL.createObjectURL(new Blob([bytes.slice().buffer]));
      const link = doc.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return true;
    },
    async copyImage(png) {
      // The async clipboard API: granted to the focused page in a secure context; rejects otherwise.
      // slice(): a copy on a plain ArrayBuffer, as Blob's type requires (png may view a SharedArrayBuffer).
      const blob = new Blob([png.slice()], { type: 'image/png' });
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
    },
    setLanguage() {
      // No native menu on the web.
    },
    onFilesOpened() {
      return () => {};
    },
    onMenuCommand() {
      return () => {};
    },
  };
}
