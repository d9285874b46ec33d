// Every user-facing string of the app, Swedish first. The native menu (main) and the renderer both
// read from here, so a language switch changes both. English must have exactly the Swedish keys.
import type { Lang } from './ipc-contract';

const sv = {
  appName: 'Metodkartan',
  tagline: 'Insatser och bedömningsinstrument för barn och unga – sammanställt lokalt, utan nätverk',

  // Native menu
  menuFile: 'Arkiv',
  menuOpen: 'Öppna…',
  menuExport: 'Exportera…',
  menuQuit: 'Avsluta',
  menuEdit: 'Redigera',
  menuView: 'Visa',
  menuLanguage: 'Språk',
  menuHelp: 'Hjälp',
  menuAbout: 'Om Metodkartan',
  menuKnowledgeSupport: 'Socialstyrelsens kunskapsstöd',
  menuUndo: 'Ångra',
  menuRedo: 'Gör om',
  menuCut: 'Klipp ut',
  menuCopy: 'Kopiera',
  menuPaste: 'Klistra in',
  menuSelectAll: 'Markera allt',
  menuResetZoom: 'Normal storlek',
  menuZoomIn: 'Zooma in',
  menuZoomOut: 'Zooma ut',
  menuFullscreen: 'Helskärm',
  dialogTables: 'Tabeller',
  dialogAllFiles: 'Alla filer',

  // Start view
  openFiles: 'Öppna fil…',
  exportCsv: 'Exportera som CSV',
  dropHint: 'Släpp en fil här eller välj Öppna fil…',
  dropFormats: 'CSV, TSV, TXT och Excel (XLSX). Filerna läses bara på den här datorn.',
  dropActive: 'Släpp filen för att läsa in den',
  language: 'Språk',
  loading: 'Läser in {file} …',
  startingEngine: 'Startar databasmotorn …',
  noFiles: 'Ingen fil inläst ännu.',

  // Loaded files and preview
  loadedFiles: 'Inlästa filer',
  rows: 'rader',
  columns: 'kolumner',
  preview: 'Förhandsgranskning',
  previewOf: 'De första {shown} av {total} raderna i {file}',
  columnName: 'Kolumn',
  columnType: 'Datatyp',
  columnsHeading: 'Kolumner och datatyper',
  table: 'Tabell',
  remove: 'Ta bort',
  removeFile: 'Ta bort {file}',
  show: 'Visa',
  details: 'Inläst som {format}, teckenkodning {encoding}',
  detailsFormat: 'Inläst som {format}',
  delimiterSemicolon: 'semikolon',
  delimiterComma: 'komma',
  delimiterTab: 'tabb',
  delimiterPipe: 'lodstreck',
  emptyCell: 'tom',
  dismiss: 'Stäng',
  aboutText: 'Metodkartan {version}. All data stannar på den här datorn.',

  // Errors: plain Swedish, always naming the file
  errorTitle: 'Filen kunde inte läsas in',
  errorUnsupported: '{file}: filtypen stöds inte. Välj en CSV-, TSV-, TXT- eller XLSX-fil.',
  errorEmpty: '{file}: filen är tom.',
  errorNoRows: '{file}: filen har rubriker men inga datarader.',
  errorTooLarge: '{file}: filen är för stor ({size}). Största tillåtna storlek är {max}.',
  errorBinary: '{file}: filen ser inte ut att vara text. Är det rätt fil?',
  errorBadXlsx: '{file}: filen kunde inte öppnas som Excel-arbetsbok. Den kan vara skadad eller ha fel filändelse.',
  errorEncoding: '{file}: teckenkodningen kunde inte avgöras.',
  errorParse: '{file}: innehållet kunde inte tolkas som en tabell ({reason}).',
  errorRead: '{file}: filen kunde inte läsas.',
  errorWrite: 'Filen kunde inte sparas.',
  errorEngine: 'Databasmotorn kunde inte startas. Starta om programmet.',
} as const;

export type MessageKey = keyof typeof sv;
export type Messages = Record<MessageKey, string>;

const en: Messages = {
  appName: 'Metodkartan',
  tagline: 'Interventions and assessment tools for children and youths – compiled locally, without a network',

  menuFile: 'File',
  menuOpen: 'Open…',
  menuExport: 'Export…',
  menuQuit: 'Quit',
  menuEdit: 'Edit',
  menuView: 'View',
  menuLanguage: 'Language',
  menuHelp: 'Help',
  menuAbout: 'About Metodkartan',
  menuKnowledgeSupport: "Socialstyrelsen's knowledge support",
  menuUndo: 'Undo',
  menuRedo: 'Redo',
  menuCut: 'Cut',
  menuCopy: 'Copy',
  menuPaste: 'Paste',
  menuSelectAll: 'Select all',
  menuResetZoom: 'Actual size',
  menuZoomIn: 'Zoom in',
  menuZoomOut: 'Zoom out',
  menuFullscreen: 'Full screen',
  dialogTables: 'Tables',
  dialogAllFiles: 'All files',

  openFiles: 'Open file…',
  exportCsv: 'Export as CSV',
  dropHint: 'Drop a file here or choose Open file…',
  dropFormats: 'CSV, TSV, TXT and Excel (XLSX). Files are read on this computer only.',
  dropActive: 'Drop the file to load it',
  language: 'Language',
  loading: 'Loading {file} …',
  startingEngine: 'Starting the database engine …',
  noFiles: 'No file loaded yet.',

  loadedFiles: 'Loaded files',
  rows: 'rows',
  columns: 'columns',
  preview: 'Preview',
  previewOf: 'The first {shown} of {total} rows in {file}',
  columnName: 'Column',
  columnType: 'Data type',
  columnsHeading: 'Columns and data types',
  table: 'Table',
  remove: 'Remove',
  removeFile: 'Remove {file}',
  show: 'Show',
  details: 'Read as {format}, encoding {encoding}',
  detailsFormat: 'Read as {format}',
  delimiterSemicolon: 'semicolon',
  delimiterComma: 'comma',
  delimiterTab: 'tab',
  delimiterPipe: 'pipe',
  emptyCell: 'empty',
  dismiss: 'Close',
  aboutText: 'Metodkartan {version}. All data stays on this computer.',

  errorTitle: 'The file could not be loaded',
  errorUnsupported: '{file}: this file type is not supported. Choose a CSV, TSV, TXT or XLSX file.',
  errorEmpty: '{file}: the file is empty.',
  errorNoRows: '{file}: the file has headers but no data rows.',
  errorTooLarge: '{file}: the file is too large ({size}). The largest allowed size is {max}.',
  errorBinary: '{file}: the file does not look like text. Is it the right file?',
  errorBadXlsx: '{file}: the file could not be opened as an Excel workbook. It may be damaged or have the wrong extension.',
  errorEncoding: '{file}: the character encoding could not be determined.',
  errorParse: '{file}: the contents could not be read as a table ({reason}).',
  errorRead: '{file}: the file could not be read.',
  errorWrite: 'The file could not be saved.',
  errorEngine: 'The database engine could not be started. Restart the app.',
};

export const MESSAGES: Record<Lang, Messages> = { sv, en };

export const LANGUAGE_NAMES: Record<Lang, string> = { sv: 'Svenska', en: 'English' };

/** Looks up a message and fills its `{placeholders}`; an unknown placeholder stays visible. */
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The knowledge support the Hjälp menu links to: the only external URL the app knows. */
export const KNOWLEDGE_SUPPORT_URL =
  'https://www.socialstyrelsen.se/kunskapsstod-och-regler/omraden/barn-och-familj/';
