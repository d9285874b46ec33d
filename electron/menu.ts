// The native menu as data: a pure function of language, platform and actions, so its labels,
// accelerators and clicks are tested without Electron. Roles give the standard behaviour (and, on
// macOS, the system's own wording).
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { Lang } from './shared/ipc-contract';
import { LANGUAGE_NAMES, translate, type MainMessageKey } from './strings';

export interface MenuActions {
  open(): void;
  saveWorkspace(): void;
  saveWorkspaceAs(): void;
  openWorkspace(): void;
  /** Arkiv → Senaste arbetsytor → a file: its path, which only main ever sees. */
  openRecent(filePath: string): void;
  export(): void;
  about(): void;
  setLanguage(lang: Lang): void;
  openKnowledgeSupport(): void;
}

export interface MenuInput {
  lang: Lang;
  platform: NodeJS.Platform;
  actions: MenuActions;
  /** The recent workspaces, most recent first (electron/recent-files.ts keeps at most ten). */
  recent: readonly string[];
}

const LANGUAGES = ['sv', 'en'] as const satisfies readonly Lang[];

/** Never more than this many recent items, whatever the caller passes. */
export const MAX_RECENT_ITEMS = 10;

/**
 * The labels of the recent files: base names, with the folder's name added where two files share
 * one. A single `&` marks a keyboard mnemonic in Electron's menus, so a literal one is doubled.
 */
export function recentLabels(paths: readonly string[]): string[] {
  const names = paths.map((filePath) => path.basename(filePath));
  return names.map((name, index) => {
    const shared = names.filter((other) => other === name).length > 1;
    const label = shared ? `${name} (${path.basename(path.dirname(paths[index] ?? ''))})` : name;
    return label.replaceAll('&', '&&');
  });
}

export function buildMenuTemplate({ lang, platform, actions, recent }: MenuInput): MenuItemConstructorOptions[] {
  const t = (key: MainMessageKey): string => translate(lang, key);
  const isMac = platform === 'darwin';

  const shown = recent.slice(0, MAX_RECENT_ITEMS);
  const labels = recentLabels(shown);
  const recentItems: MenuItemConstructorOptions[] =
    shown.length === 0
      ? [{ label: t('menuRecentEmpty'), enabled: false }]
      : shown.map((filePath, index) => ({ label: labels[index], click: () => actions.openRecent(filePath) }));

  // macOS users expect the app menu first, and Quit in it rather than in the File menu.
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: t('appName'),
          submenu: [
            { role: 'about', label: t('menuAbout') },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit', label: t('menuQuit') },
          ],
        },
      ]
    : [];
  const quit: MenuItemConstructorOptions[] = isMac
    ? []
    : [{ type: 'separator' }, { role: 'quit', label: t('menuQuit'), accelerator: 'CmdOrCtrl+Q' }];

  return [
    ...appMenu,
    {
      label: t('menuFile'),
      submenu: [
        { label: t('menuOpen'), accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
        { type: 'separator' },
        { label: t('menuOpenWorkspace'), accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.openWorkspace() },
        { label: t('menuRecent'), submenu: recentItems },
        { label: t('menuSaveWorkspace'), accelerator: 'CmdOrCtrl+S', click: () => actions.saveWorkspace() },
        { label: t('menuSaveWorkspaceAs'), accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.saveWorkspaceAs() },
        { type: 'separator' },
        { label: t('menuExport'), accelerator: 'CmdOrCtrl+E', click: () => actions.export() },
        ...quit,
      ],
    },
    {
      label: t('menuEdit'),
      submenu: [
        { role: 'undo', label: t('menuUndo') },
        { role: 'redo', label: t('menuRedo') },
        { type: 'separator' },
        { role: 'cut', label: t('menuCut') },
        { role: 'copy', label: t('menuCopy') },
        { role: 'paste', label: t('menuPaste') },
        { role: 'selectAll', label: t('menuSelectAll') },
      ],
    },
    {
      // Deliberately no reload or devtools items: a reload drops every loaded table, and devtools
      // have no place in a release build.
      label: t('menuView'),
      submenu: [
        {
          label: t('menuLanguage'),
          submenu: LANGUAGES.map((code) => ({
            label: LANGUAGE_NAMES[code],
            type: 'radio' as const,
            checked: code === lang,
            click: () => actions.setLanguage(code),
          })),
        },
        { type: 'separator' },
        { role: 'resetZoom', label: t('menuResetZoom') },
        { role: 'zoomIn', label: t('menuZoomIn') },
        { role: 'zoomOut', label: t('menuZoomOut') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('menuFullscreen') },
      ],
    },
    ...(isMac ? [{ role: 'windowMenu' } as const] : []),
    {
      label: t('menuHelp'),
      role: 'help',
      submenu: [
        { label: t('menuAbout'), click: () => actions.about() },
        { label: t('menuKnowledgeSupport'), click: () => actions.openKnowledgeSupport() },
      ],
    },
  ];
}
