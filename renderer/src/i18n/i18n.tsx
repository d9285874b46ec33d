// The UI language: Swedish by default, English on request, remembered between sessions.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Lang } from '../../../electron/shared/ipc-contract';
import { translate, type MessageKey } from './translate';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  t: Translate;
}

const I18nContext = createContext<I18n>({ lang: 'sv', t: (key, params) => translate('sv', key, params) });

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo<I18n>(() => ({ lang, t: (key, params) => translate(lang, key, params) }), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

const STORAGE_KEY = 'metodkartan.lang';

export function storedLang(storage: Pick<Storage, 'getItem'> = localStorage): Lang {
  return storage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'sv';
}

export function storeLang(lang: Lang, storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(STORAGE_KEY, lang);
}
