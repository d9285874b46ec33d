// The native menu as data: a pure function of language, platform and actions, so its labels,
// accelerators and clicks are tested without Electron. Roles give the standard behaviour (and, on
// macOS, the system's own wording).
import type { MenuItemConstructorOptions } from 'electron';
import type { Lang } from './shared/ipc-contract';
import { LANGUAGE_NAMES, translate, type MessageKey } from './shared/strings';

export interface MenuActions {
  open(): void;
  export(): void;
  about(): void;
  setLanguage(lang: Lang): void;
  openKnowledgeSupport(): void;
}

export interface MenuInput {
  lang: Lang;
  platform: NodeJS.Platform;
  actions: MenuActions;
}

const LANGUAGES = ['sv', 'en'] as const satisfies readonly Lang[];

export function buildMenuTemplate({ lang, platform, actions }: MenuInput): MenuItemConstructorOptions[] {
  const t = (key: MessageKey): string => translate(lang, key);
  const isMac = platform === 'darwin';

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
