// Renders a report pack's rapport.pptx and rapport.docx to PNG pages, to look at them as PowerPoint and
// Word users will see them: LibreOffice (headless) turns each into PDF, poppler's pdftoppm the PDF into
// PNG. Outside `npm test`, and never in the app; on Debian: apt-get install libreoffice-impress
// libreoffice-writer poppler-utils.
// Run: npx tsx scripts/render-office.ts PACK-DIR [OUT-DIR]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

const [pack, outArg] = process.argv.slice(2);
if (!pack) {
  console.error('Användning: npx tsx scripts/render-office.ts RAPPORTMAPP [UTMAPP]');
  process.exit(2);
}
const out = path.resolve(outArg ?? path.join(pack, 'rendered'));

function run(command: string, args: readonly string[]): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 });
  if (result.error) {
    console.error(`${command} kunde inte startas (${result.error.message}): installera LibreOffice och poppler-utils.`);
    process.exit(1);
  }
  if (result.status !== 0) {
    console.error(`${command} avslutades med ${result.signal ?? String(result.status)}.`);
    process.exit(1);
  }
}

for (const [file, prefix, dpi] of [['rapport.pptx', 'slide', '80'], ['rapport.docx', 'page', '60']] as const) {
  // Each file to its own folder: both would be rapport.pdf.
  const dir = path.join(out, prefix);
  mkdirSync(dir, { recursive: true });
  run('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(pack, file)]);
  run('pdftoppm', ['-r', dpi, '-png', path.join(dir, 'rapport.pdf'), path.join(dir, prefix)]);
  console.log(`${file}: ${readdirSync(dir).filter((name) => name.endsWith('.png')).length} sidor i ${dir}`);
}
