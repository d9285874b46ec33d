// What the app remembers between sessions, on this machine only: import templates (recognised by a
// file's header), the user's choices for unit names the register could not settle, local methods.
// Stored in localStorage (the renderer's own profile folder in Electron; nothing is sent anywhere).
import type { ImportOptions } from '../import/import-file';
import { normaliseMethodName } from '../domain/methods';
import type { ColumnRole } from '../domain/shape-detect';
import { normaliseUnitName, type UnitRef } from '../domain/units';

export interface ImportTemplate {
  /** The header, normalised: next month's export from the same tool has the same one. */
  signature: string;
  /** The file the template was made from, shown when it is recognised. */
  madeFrom: string;
  options: ImportOptions;
  roles: Record<string, ColumnRole>;
  /**
   * The wave the user gave `madeFrom` in the mapping view: offered again for a file of that name only
   * (next year's export of the same survey has the same header and its own wave, read from its dates).
   */
  wave?: string;
}

export interface Preferences {
  templates: ImportTemplate[];
  /** Unit names (normalised) → the unit the user picked. */
  units: Record<string, UnitRef>;
  /** Method names (normalised) → catalogue id or a local method's id. */
  methods: Record<string, string>;
}

const KEY = 'metodkartan.preferences.v1';
const EMPTY: Preferences = { templates: [], units: {}, methods: {} };

export function headerSignature(columns: readonly string[]): string {
  return columns.map((c) => c.trim().toLowerCase().replace(/\s+/g, ' ')).join('\u241f');
}

export function loadPreferences(storage: Pick<Storage, 'getItem'> = localStorage): Preferences {
  try {
    const parsed = JSON.parse(storage.getItem(KEY) ?? 'null') as Partial<Preferences> | null;
    return { ...EMPTY, ...parsed };
  } catch {
    // A damaged entry must not stop the app: start afresh rather than fail.
    return EMPTY;
  }
}

export function savePreferences(preferences: Preferences, storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(KEY, JSON.stringify(preferences));
}

export function findTemplate(preferences: Preferences, columns: readonly string[]): ImportTemplate | null {
  const signature = headerSignature(columns);
  const template = preferences.templates.find((t) => t.signature === signature);
  if (!template) return null;
  // Templates saved before statistics files were read as such named the figure `population`.
  const roles = Object.fromEntries(Object.entries(template.roles).map(([column, role]) => [column, (role.role as string) === 'population' ? ({ role: 'value' } as const) : role]));
  return { ...template, roles };
}

export function withTemplate(preferences: Preferences, template: ImportTemplate): Preferences {
  return { ...preferences, templates: [template, ...preferences.templates.filter((t) => t.signature !== template.signature)] };
}

export function withUnitChoice(preferences: Preferences, name: string, ref: UnitRef): Preferences {
  return { ...preferences, units: { ...preferences.units, [normaliseUnitName(name)]: ref } };
}

export function withMethodChoice(preferences: Preferences, name: string, id: string): Preferences {
  return { ...preferences, methods: { ...preferences.methods, [normaliseMethodName(name)]: id } };
}

export function rememberedUnits(preferences: Preferences): Map<string, UnitRef> {
  return new Map(Object.entries(preferences.units));
}

export function localMethods(preferences: Preferences): Map<string, string> {
  return new Map(Object.entries(preferences.methods));
}

/** The id a name added as a local method gets: stable, and never a catalogue id. */
export function localMethodId(name: string): string {
  return `lokal:${normaliseMethodName(name)}`;
}
