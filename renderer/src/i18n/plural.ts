/**
 * A message whose words follow a number: "N = 1 enhet", "N = 2 enheter". `count` names the placeholder
 * whose value picks the form, through the language's Intl.PluralRules; `other` is required because
 * every language has it (Swedish and English have `one` and `other` only).
 */
export interface Plural {
  readonly count: string;
  readonly forms: Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;
}

export function plural(count: string, forms: Plural['forms']): Plural {
  return { count, forms };
}
