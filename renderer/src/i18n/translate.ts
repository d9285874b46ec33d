// Looks a message up in the language's catalogue and fills it in. The catalogues are sv.ts and en.ts.
import type { Lang } from '../../../electron/shared/ipc-contract';
import { en } from './en';
import type { Plural } from './plural';
import { sv } from './sv';

export type MessageKey = keyof typeof sv;
export type Message = string | Plural;
export type Messages = Record<MessageKey, Message>;

export const MESSAGES: Record<Lang, Messages> = { sv, en };

export const LANGUAGE_NAMES: Record<Lang, string> = { sv: 'Svenska', en: 'English' };

const LOCALE: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };
const NUMBER_FORMAT: Record<Lang, Intl.NumberFormat> = {
  sv: new Intl.NumberFormat(LOCALE.sv, { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat(LOCALE.en, { maximumFractionDigits: 2 }),
};
const PLURAL_RULES: Record<Lang, Intl.PluralRules> = {
  sv: new Intl.PluralRules(LOCALE.sv),
  en: new Intl.PluralRules(LOCALE.en),
};

/** The text of a message; for a plural, the form its count asks for (the `other` form without a count). */
function template(lang: Lang, message: Message, params: Record<string, string | number>): string {
  if (typeof message === 'string') return message;
  const count = params[message.count];
  const form = typeof count === 'number' ? PLURAL_RULES[lang].select(count) : 'other';
  return message.forms[form] ?? message.forms.other;
}

/**
 * Fills the `{placeholders}`; numbers in the language's own format (Swedish: 1 234,5). An unknown
 * placeholder stays visible, so a missing parameter shows on screen instead of vanishing.
 */
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return template(lang, MESSAGES[lang][key], params).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? NUMBER_FORMAT[lang].format(value) : value;
  });
}
