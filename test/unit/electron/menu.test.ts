import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { Lang } from '../../../electron/shared/ipc-contract';
import { LANGUAGE_NAMES, translate, type MessageKey } from '../../../electron/shared/strings';
import { buildMenuTemplate, type MenuActions } from '../../../electron/menu';

function actions(): { [K in keyof MenuActions]: ReturnType<typeof vi.fn<MenuActions[K]>> } {
  return {
    open: vi.fn(),
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
  const t = (key: MessageKey) => translate(lang, key);
  const template = buildMenuTemplate({ lang, platform: 'win32', actions: actions() });

  it('has the four top-level menus, labelled in the language', () => {
    expect(template.map((item) => item.label)).toEqual([t('menuFile'), t('menuEdit'), t('menuView'), t('menuHelp')]);
  });

  it('labels every item it names from strings.ts', () => {
    const file = submenuOf(byLabel(template, t('menuFile')));
    expect(file.map((item) => item.label ?? item.type)).toEqual([t('menuOpen'), t('menuExport'), 'separator', t('menuQuit')]);
    const help = submenuOf(byLabel(template, t('menuHelp')));
    expect(help.map((item) => item.label)).toEqual([t('menuAbout'), t('menuKnowledgeSupport')]);
    const language = submenuOf(byLabel(submenuOf(byLabel(template, t('menuView'))), t('menuLanguage')));
    expect(language.map((item) => item.label)).toEqual([LANGUAGE_NAMES.sv, LANGUAGE_NAMES.en]);
  });
});

describe('menu behaviour', () => {
  it('has the accelerators of Arkiv', () => {
    const file = submenuOf(buildMenuTemplate({ lang: 'sv', platform: 'linux', actions: actions() })[0]);
    expect(file.map((item) => item.accelerator)).toEqual(['CmdOrCtrl+O', 'CmdOrCtrl+E', undefined, 'CmdOrCtrl+Q']);
    expect(file[3]?.role).toBe('quit');
  });

  it('fires the action of each item', () => {
    const fired = actions();
    const items = flatten(buildMenuTemplate({ lang: 'sv', platform: 'linux', actions: fired }));
    click(byLabel(items, 'Öppna…'));
    expect(fired.open).toHaveBeenCalledOnce();
    click(byLabel(items, 'Exportera…'));
    expect(fired.export).toHaveBeenCalledOnce();
    click(byLabel(items, 'Om Metodkartan'));
    expect(fired.about).toHaveBeenCalledOnce();
    click(byLabel(items, 'Socialstyrelsens kunskapsstöd'));
    expect(fired.openKnowledgeSupport).toHaveBeenCalledOnce();
    click(byLabel(items, 'English'));
    expect(fired.setLanguage).toHaveBeenCalledExactlyOnceWith('en');
  });

  it.each(['sv', 'en'] as const)('checks the radio item of the current language (%s)', (lang) => {
    const items = flatten(buildMenuTemplate({ lang, platform: 'linux', actions: actions() }));
    const radios = items.filter((item) => item.type === 'radio');
    expect(radios.map((item) => [item.label, item.checked])).toEqual([
      [LANGUAGE_NAMES.sv, lang === 'sv'],
      [LANGUAGE_NAMES.en, lang === 'en'],
    ]);
  });

  it('uses roles for editing, zoom and full screen', () => {
    const roles = flatten(buildMenuTemplate({ lang: 'sv', platform: 'linux', actions: actions() })).map((item) => item.role);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']) {
      expect(roles).toContain(role);
    }
  });

  it.each(['darwin', 'win32', 'linux'] as const)('has no reload or devtools item on %s', (platform) => {
    const items = flatten(buildMenuTemplate({ lang: 'en', platform, actions: actions() }));
    const roles = items.map((item) => item.role?.toLowerCase());
    for (const role of ['reload', 'forcereload', 'toggledevtools']) expect(roles).not.toContain(role);
    expect(items.map((item) => item.accelerator)).not.toContain('CmdOrCtrl+Shift+I');
    expect(items.map((item) => item.label ?? '').join(' ')).not.toMatch(/reload|devtools|developer/i);
  });

  it('prepends the app menu on macOS and moves Quit into it', () => {
    const template = buildMenuTemplate({ lang: 'sv', platform: 'darwin', actions: actions() });
    const appMenu = submenuOf(template[0]);
    expect(template[0]?.label).toBe('Metodkartan');
    expect(appMenu.map((item) => item.role ?? item.type)).toEqual(['about', 'separator', 'hide', 'hideOthers', 'unhide', 'separator', 'quit']);
    expect(submenuOf(byLabel(template, 'Arkiv')).map((item) => item.role)).not.toContain('quit');
    expect(template.map((item) => item.role)).toContain('windowMenu');
  });

  it('has no app menu outside macOS', () => {
    const template = buildMenuTemplate({ lang: 'sv', platform: 'win32', actions: actions() });
    expect(template[0]?.label).toBe('Arkiv');
    expect(template.map((item) => item.role)).not.toContain('windowMenu');
  });
});
