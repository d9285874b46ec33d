import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { Lang } from '../../../electron/shared/ipc-contract';
import { LANGUAGE_NAMES, translate, type MainMessageKey } from '../../../electron/strings';
import { buildMenuTemplate, MAX_RECENT_ITEMS, recentLabels, type MenuActions } from '../../../electron/menu';

function actions(): { [K in keyof MenuActions]: ReturnType<typeof vi.fn<MenuActions[K]>> } {
  return {
    open: vi.fn(),
    saveWorkspace: vi.fn(),
    saveWorkspaceAs: vi.fn(),
    openWorkspace: vi.fn(),
    openRecent: vi.fn(),
    export: vi.fn(),
    about: vi.fn(),
    setLanguage: vi.fn(),
    openKnowledgeSupport: vi.fn(),
  };
}

function submenuOf(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  const submenu = item?.submenu;
  if (!Array.isArray(submenu)) throw new Error(`no submenu in ${item?.label ?? item?.role}`);
  return submenu;
}

function byLabel(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const item = items.find((candidate) => candidate.label === label);
  if (item === undefined) throw new Error(`no item ${label}`);
  return item;
}

/** Every item at every depth. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function click(item: MenuItemConstructorOptions): void {
  // Electron passes the item, window and event; the actions take none of them.
  (item.click as (() => void) | undefined)?.();
}

describe.each(['sv', 'en'] as const)('menu in %s', (lang: Lang) => {
  const t = (key: MainMessageKey) => translate(lang, key);
  const template = buildMenuTemplate({ lang, platform: 'win32', actions: actions(), recent: [] });

  it('has the four top-level menus, labelled in the language', () => {
    expect(template.map((item) => item.label)).toEqual([t('menuFile'), t('menuEdit'), t('menuView'), t('menuHelp')]);
  });

  it('labels every item it names from strings.ts', () => {
    const file = submenuOf(byLabel(template, t('menuFile')));
    expect(file.map((item) => item.label ?? item.type)).toEqual([
      t('menuOpen'),
      'separator',
      t('menuOpenWorkspace'),
      t('menuRecent'),
      t('menuSaveWorkspace'),
      t('menuSaveWorkspaceAs'),
      'separator',
      t('menuExport'),
      'separator',
      t('menuQuit'),
    ]);
    expect(submenuOf(byLabel(file, t('menuRecent')))).toEqual([{ label: t('menuRecentEmpty'), enabled: false }]);
    const help = submenuOf(byLabel(template, t('menuHelp')));
    expect(help.map((item) => item.label)).toEqual([t('menuAbout'), t('menuKnowledgeSupport')]);
    const language = submenuOf(byLabel(submenuOf(byLabel(template, t('menuView'))), t('menuLanguage')));
    expect(language.map((item) => item.label)).toEqual([LANGUAGE_NAMES.sv, LANGUAGE_NAMES.en]);
  });
});

describe('menu behaviour', () => {
  it('has the accelerators of Arkiv', () => {
    const file = submenuOf(buildMenuTemplate({ lang: 'sv', platform: 'linux', actions: actions(), recent: [] })[0]);
    expect(file.map((item) => item.accelerator)).toEqual([
      'CmdOrCtrl+O',
      undefined,
      'CmdOrCtrl+Shift+O',
      undefined,
      'CmdOrCtrl+S',
      'CmdOrCtrl+Shift+S',
      undefined,
      'CmdOrCtrl+E',
      undefined,
      'CmdOrCtrl+Q',
    ]);
    expect(file.at(-1)?.role).toBe('quit');
  });

  it('fires the action of each item', () => {
    const fired = actions();
    const items = flatten(buildMenuTemplate({ lang: 'sv', platform: 'linux', actions: fired, recent: [] }));
    click(byLabel(items, 'Öppna…'));
    expect(fired.open).toHaveBeenCalledOnce();
    click(byLabel(items, 'Exportera…'));
    expect(fired.export).toHaveBeenCalledOnce();
    click(byLabel(items, 'Spara arbetsyta'));
    expect(fired.saveWorkspace).toHaveBeenCalledOnce();
    click(byLabel(items, 'Spara arbetsyta som…'));
    expect(fired.saveWorkspaceAs).toHaveBeenCalledOnce();
    click(byLabel(items, 'Öppna arbetsyta…'));
    expect(fired.openWorkspace).toHaveBeenCalledOnce();
    click(byLabel(items, 'Om Metodkartan'));
    expect(fired.about).toHaveBeenCalledOnce();
    click(byLabel(items, 'Socialstyrelsens kunskapsstöd'));
    expect(fired.openKnowledgeSupport).toHaveBeenCalledOnce();
    click(byLabel(items, 'English'));
    expect(fired.setLanguage).toHaveBeenCalledExactlyOnceWith('en');
  });

  it.each(['sv', 'en'] as const)('checks the radio item of the current language (%s)', (lang) => {
    const items = flatten(buildMenuTemplate({ lang, platform: 'linux', actions: actions(), recent: [] }));
    const radios = items.filter((item) => item.type === 'radio');
    expect(radios.map((item) => [item.label, item.checked])).toEqual([
      [LANGUAGE_NAMES.sv, lang === 'sv'],
      [LANGUAGE_NAMES.en, lang === 'en'],
    ]);
  });

  it('uses roles for editing, zoom and full screen', () => {
    const roles = flatten(buildMenuTemplate({ lang: 'sv', platform: 'linux', actions: actions(), recent: [] })).map((item) => item.role);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']) {
      expect(roles).toContain(role);
    }
  });

  it.each(['darwin', 'win32', 'linux'] as const)('has no reload or devtools item on %s', (platform) => {
    const items = flatten(buildMenuTemplate({ lang: 'en', platform, actions: actions(), recent: [] }));
    const roles = items.map((item) => item.role?.toLowerCase());
    for (const role of ['reload', 'forcereload', 'toggledevtools']) expect(roles).not.toContain(role);
    expect(items.map((item) => item.accelerator)).not.toContain('CmdOrCtrl+Shift+I');
    expect(items.map((item) => item.label ?? '').join(' ')).not.toMatch(/reload|devtools|developer/i);
  });

  it('prepends the app menu on macOS and moves Quit into it', () => {
    const template = buildMenuTemplate({ lang: 'sv', platform: 'darwin', actions: actions(), recent: [] });
    const appMenu = submenuOf(template[0]);
    expect(template[0]?.label).toBe('Metodkartan');
    expect(appMenu.map((item) => item.role ?? item.type)).toEqual(['about', 'separator', 'hide', 'hideOthers', 'unhide', 'separator', 'quit']);
    expect(submenuOf(byLabel(template, 'Arkiv')).map((item) => item.role)).not.toContain('quit');
    expect(template.map((item) => item.role)).toContain('windowMenu');
  });

  it('has no app menu outside macOS', () => {
    const template = buildMenuTemplate({ lang: 'sv', platform: 'win32', actions: actions(), recent: [] });
    expect(template[0]?.label).toBe('Arkiv');
    expect(template.map((item) => item.role)).not.toContain('windowMenu');
  });
});

describe('Senaste arbetsytor', () => {
  function recentMenu(recent: readonly string[], fired = actions(), lang: Lang = 'sv'): MenuItemConstructorOptions[] {
    const file = submenuOf(buildMenuTemplate({ lang, platform: 'win32', actions: fired, recent })[0]);
    return submenuOf(byLabel(file, translate(lang, 'menuRecent')));
  }

  it.each(['sv', 'en'] as const)('shows a disabled placeholder when empty (%s)', (lang) => {
    expect(recentMenu([], actions(), lang)).toEqual([{ label: translate(lang, 'menuRecentEmpty'), enabled: false }]);
  });

  it('lists the files by base name, most recent first, each opening its own path', () => {
    const fired = actions();
    const items = recentMenu(['/home/anna/Dokument/Kartläggning 2024.metodkartan', '/home/anna/b.metodkartan'], fired);
    expect(items.map((item) => item.label)).toEqual(['Kartläggning 2024.metodkartan', 'b.metodkartan']);
    expect(items.every((item) => item.enabled !== false && item.accelerator === undefined)).toBe(true);
    click(items[1] ?? {});
    expect(fired.openRecent).toHaveBeenCalledExactlyOnceWith('/home/anna/b.metodkartan');
    click(items[0] ?? {});
    expect(fired.openRecent).toHaveBeenLastCalledWith('/home/anna/Dokument/Kartläggning 2024.metodkartan');
  });

  it('shows at most ten, whatever it is given', () => {
    expect(MAX_RECENT_ITEMS).toBe(10);
    const paths = Array.from({ length: 14 }, (_, index) => `/d/${index}.metodkartan`);
    expect(recentMenu(paths).map((item) => item.label)).toEqual(paths.slice(0, 10).map((_, index) => `${index}.metodkartan`));
  });

  it('adds the folder to names two files share', () => {
    expect(recentLabels(['/a/jobb/x.metodkartan', '/a/hem/x.metodkartan', '/a/y.metodkartan'])).toEqual([
      'x.metodkartan (jobb)',
      'x.metodkartan (hem)',
      'y.metodkartan',
    ]);
  });

  it('doubles an ampersand so it is shown rather than taken for a mnemonic', () => {
    expect(recentLabels(['/d/Barn & unga.metodkartan'])).toEqual(['Barn && unga.metodkartan']);
  });

  it('puts no path in any label', () => {
    const labels = recentMenu(['/home/anna/hemligt/a.metodkartan']).map((item) => item.label ?? '');
    expect(labels.join(' ')).not.toContain('/');
  });
});
