// The main process's words: the native menu, the file dialogs and the error boxes it shows itself.
// The renderer's words live with the renderer (renderer/src/i18n/); a language switch changes both.
import type { Lang } from './shared/ipc-contract';

const sv = {
  appName: 'Metodkartan',
  menuFile: 'Arkiv',
  menuOpen: 'Öppna…',
  menuExport: 'Exportera…',
  menuSaveWorkspace: 'Spara arbetsyta',
  menuSaveWorkspaceAs: 'Spara arbetsyta som…',
  menuOpenWorkspace: 'Öppna arbetsyta…',
  menuRecent: 'Senaste arbetsytor',
  menuRecentEmpty: 'Inga senaste arbetsytor',
  errorRecentMissing: '{file} finns inte längre och har tagits bort ur listan.',
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
  errorTitle: 'Filen kunde inte läsas in',
  errorTooLarge: '{file}: filen är för stor ({size}). Största tillåtna storlek är {max}.',
  errorSelectionTooLarge: 'Filerna du valde är tillsammans {size}, mer än de {max} som kan öppnas på en gång. Öppna dem några i taget.',
  errorRead: '{file}: filen kunde inte läsas.',
} as const;

export type MainMessageKey = keyof typeof sv;

const en: Record<MainMessageKey, string> = {
  appName: 'Metodkartan',
  menuFile: 'File',
  menuOpen: 'Open…',
  menuExport: 'Export…',
  menuSaveWorkspace: 'Save workspace',
  menuSaveWorkspaceAs: 'Save workspace as…',
  menuOpenWorkspace: 'Open workspace…',
  menuRecent: 'Recent workspaces',
  menuRecentEmpty: 'No recent workspaces',
  errorRecentMissing: '{file} no longer exists and has been removed from the list.',
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
  errorTitle: 'The file could not be loaded',
  errorTooLarge: '{file}: the file is too large ({size}). The largest allowed size is {max}.',
  errorSelectionTooLarge: 'The files you chose are {size} together, more than the {max} that can be opened at once. Open a few at a time.',
  errorRead: '{file}: the file could not be read.',
};

export const MESSAGES: Record<Lang, Record<MainMessageKey, string>> = { sv, en };

/** Fills the `{placeholders}`; numbers in the language's own format. An unknown placeholder stays visible. */
export function translate(lang: Lang, key: MainMessageKey, params: Record<string, string | number> = {}): string {
  const numbers = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 2 });
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}


/** The knowledge support the Hjälp menu links to: the only external URL the app knows. */
export const KNOWLEDGE_SUPPORT_URL =
  'https://www.socialstyrelsen.se/kunskapsstod-och-regler/omraden/barn-och-familj/';

export const LANGUAGE_NAMES: Record<Lang, string> = { sv: 'Svenska', en: 'English' };
