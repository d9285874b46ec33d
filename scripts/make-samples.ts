// Writes the shell's small sample exports in data-samples/, byte for byte as the real tools write
// them: a Netigate-style CSV (semicolon, Windows-1252, decimal comma) and a Microsoft Forms XLSX.
// Synthetic data. Run: npx tsx scripts/make-samples.ts
import { writeFile } from 'node:fs/promises';
import writeExcelFile from 'write-excel-file/node';
import { encodeWindows1252 } from '../test/fixtures/encode-windows-1252';

// Unit, county, responding staff, KOMET, FFT, MST, SAVRY, share of staff trained (%), comment
const UNITS: [string, string, number, string, string, string, string, number, string][] = [
  ['Falu kommun', 'Dalarnas län', 14, 'Ja', 'Ja', 'Nej', 'Ja', 42.5, ''],
  ['Borlänge kommun', 'Dalarnas län', 11, 'Ja', 'Nej', 'Nej', 'Nej', 18, ''],
  ['Västerås stad', 'Västmanlands län', 23, 'Ja', 'Ja', 'Ja', 'Ja', 61.3, 'MST köps från region'],
  ['Mörbylånga kommun', 'Kalmar län', 6, 'Nej', 'Nej', 'Nej', 'Nej', 0, 'Köper FFT – via avtalssamverkan'],
  ['Stockholms stad – Skarpnäcks stadsdelsförvaltning', 'Stockholms län', 19, 'Ja', 'Ja', 'Ja', 'Ja', 55, '“KOMET 12-18” och BSFT'],
  ['Skärholmens sdf', 'Stockholms län', 17, 'Ja', 'Nej', 'Nej', 'Ja', 25, ''],
  ['Enskede-Årsta-Vantörs stadsdelsförvaltning', 'Stockholms län', 31, 'Ja', 'Ja', 'Nej', 'Ja', 33.3, ''],
  ['Region Gotland', 'Gotlands län', 9, 'Nej', 'Ja', 'Nej', 'Nej', 12.5, ''],
  ['Östersunds kommun', 'Jämtlands län', 12, 'Ja', 'Nej', 'Nej', 'Ja', 40, ''],
  ['Huddinge kommun', 'Stockholms län', 26, 'Ja', 'Ja', 'Ja', 'Ja', 48.1, ''],
  ['Gällivare kommun', 'Norrbottens län', 5, 'Nej', 'Nej', 'Nej', 'Nej', 0, 'Inga manualbaserade insatser'],
  ['Örebro kommun', 'Örebro län', 28, 'Ja', 'Ja', 'Nej', 'Ja', 57.9, ''],
];

function decimalComma(n: number): string {
  return String(n).replace('.', ',');
}

async function writeCsv(): Promise<void> {
  const header = 'Kommun/stadsdel;Län;Antal svarande;Insatser: KOMET;Insatser: FFT;Insatser: MST;Bedömning: SAVRY;Andel utbildade (%);Kommentar';
  const lines = UNITS.map(([unit, county, staff, komet, fft, mst, savry, share, comment]) =>
    [unit, county, staff, komet, fft, mst, savry, decimalComma(share), comment.includes(';') ? `"${comment}"` : comment].join(';'),
  );
  // Windows line endings, no BOM: what "Spara som CSV" on a Swedish Windows machine produces.
  await writeFile('data-samples/methods-survey-sample.csv', encodeWindows1252([header, ...lines].join('\r\n') + '\r\n'));
}

async function writeXlsx(): Promise<void> {
  const question = 'Vilka av följande insatser har ni använt för barn 6–17 år under 2022/23?';
  const header = ['ID', 'Starttid', 'Slutförandetid', 'E-post', 'Namn', 'Kommun', question];
  const rows = UNITS.map(([unit, , , komet, fft, mst], i) => {
    const started = new Date(Date.UTC(2023, 9, 2 + i, 8, 15));
    const finished = new Date(started.getTime() + 11 * 60_000);
    const methods = [komet === 'Ja' ? 'KOMET' : '', fft === 'Ja' ? 'FFT' : '', mst === 'Ja' ? 'MST' : '', 'Stödsamtal till ungdomar']
      .filter(Boolean)
      .map((m) => `${m};`)
      .join('');
    return [
      { value: i + 1 },
      { value: started, format: 'yyyy-mm-dd hh:mm' },
      { value: finished, format: 'yyyy-mm-dd hh:mm' },
      { value: 'anonymous' },
      { value: '' },
      { value: unit },
      { value: methods },
    ];
  });
  await writeExcelFile([header.map((value) => ({ value, fontWeight: 'bold' as const })), ...rows]).toFile(
    'data-samples/methods-survey-sample.xlsx',
  );
}

await writeCsv();
await writeXlsx();
