// Writes build/icon.png (1024 × 1024), the picture electron-builder makes every platform's icon from
// (Windows .ico, macOS .icns, Linux's PNG sizes). A map pin over a grid of shares in the app's palette.
// Run: npx tsx scripts/make-icon.ts
import { writeFile } from 'node:fs/promises';
import { svgToPng } from '../renderer/src/export/png';
import { loadFontFilesNode, loadResvgWasmNode } from './export-assets-node';

const cells = [0.2, 0.45, 0.7, 0.45, 0.7, 0.95, 0.7, 0.95, 0.45]
  .map((share, i) => {
    const [x, y] = [232 + (i % 3) * 196, 300 + Math.floor(i / 3) * 196];
    const shade = Math.round(235 - share * 190);
    return `<rect x="${x}" y="${y}" width="168" height="168" rx="24" fill="rgb(${Math.round(shade * 0.3)},${Math.round(shade * 0.55)},${Math.min(255, shade + 60)})"/>`;
  })
  .join('');
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024" viewBox="0 0 1024 1024">
<rect x="64" y="64" width="896" height="896" rx="200" fill="#0b3a5b"/>
${cells}
<path d="M512 120c-88 0-150 64-150 146 0 104 150 232 150 232s150-128 150-232c0-82-62-146-150-146z" fill="#E69F00" stroke="#ffffff" stroke-width="18"/>
<circle cx="512" cy="262" r="52" fill="#ffffff"/>
</svg>`;
const png = await svgToPng(svg, 1, await loadFontFilesNode(), loadResvgWasmNode);
await writeFile('build/icon.png', png);
console.log(`build/icon.png: ${png.length} bytes`);
