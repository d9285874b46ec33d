import { describe, expect, it } from 'vitest';
import {
  findTemplate,
  loadPreferences,
  localMethodId,
  localMethods,
  rememberedUnits,
  savePreferences,
  withMethodChoice,
  withTemplate,
  withUnitChoice,
} from '../../../renderer/src/app/preferences';
import { matchMethod } from '../../../renderer/src/domain/methods';
import { shapeFromRoles } from '../../../renderer/src/domain/shape-detect';
import { matchUnit } from '../../../renderer/src/domain/units';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

describe('preferences', () => {
  it('recognises next month’s export by its header, whatever the case and spacing', () => {
    const storage = memoryStorage();
    const template = {
      signature: '',
      madeFrom: 'netigate-2023-10.csv',
      options: { encoding: 'windows-1252' as const },
      roles: { Kommun: { role: 'unit' as const } },
    };
    const prefs = withTemplate(loadPreferences(storage), { ...template, signature: 'kommun\u241finsatser: komet' });
    savePreferences(prefs, storage);
    const found = findTemplate(loadPreferences(storage), ['Kommun', 'Insatser:  KOMET ']);
    expect(found?.madeFrom).toBe('netigate-2023-10.csv');
    expect(findTemplate(loadPreferences(storage), ['Kommun', 'Insatser: FFT'])).toBeNull();
  });

  it('reads a template saved before statistics files were read as such: its `population` is the value', () => {
    const storage = memoryStorage();
    storage.setItem('metodkartan.preferences.v1', JSON.stringify({ templates: [{ signature: 'kommun\u241ffolkmängd 0–17 år', madeFrom: 'befolkning.csv', options: {}, roles: { Kommun: { role: 'unit' }, 'Folkmängd 0–17 år': { role: 'population' } } }] }));
    expect(findTemplate(loadPreferences(storage), ['Kommun', 'Folkmängd 0–17 år'])?.roles).toEqual({ Kommun: { role: 'unit' }, 'Folkmängd 0–17 år': { role: 'value' } });
  });

  it('remembers a unit choice so the same name matches next time, in any spelling of case', () => {
    const name = 'Norra Storstockholms kommunalförbund';
    expect(matchUnit(name).status).not.toBe('matched');
    const prefs = withUnitChoice(loadPreferences(memoryStorage()), name, { municipalityCode: '0180', district: null });
    const again = matchUnit(name.toUpperCase(), rememberedUnits(prefs));
    expect(again.status === 'matched' && again.unit.municipalityCode).toBe('0180');
  });

  it('maps an unknown method to a catalogue entry or a local method', () => {
    let prefs = withMethodChoice(loadPreferences(memoryStorage()), 'Föräldraskap i Sverige', localMethodId('Föräldraskap i Sverige'));
    prefs = withMethodChoice(prefs, 'Funktionell familjeterapi enligt Alexander', 'fft');
    expect(matchMethod('Föräldraskap i Sverige', localMethods(prefs))).toBe(localMethodId('Föräldraskap i Sverige'));
    expect(matchMethod('Funktionell familjeterapi enligt Alexander', localMethods(prefs))).toBe('fft');
    expect(matchMethod('Funktionell familjeterapi enligt Alexander')).toBeNull();
  });

  it('survives a damaged entry by starting afresh', () => {
    const storage = memoryStorage();
    storage.setItem('metodkartan.preferences.v1', '{not json');
    expect(loadPreferences(storage)).toEqual({ templates: [], units: {}, methods: {} });
  });
});

describe('shapeFromRoles', () => {
  it.each([
    [{ a: { role: 'unit' }, b: { role: 'method' }, c: { role: 'count' } }, 'usage'],
    [{ a: { role: 'unit' }, b: { role: 'method' }, c: { role: 'trained' }, d: { role: 'staff' } }, 'training'],
    [{ a: { role: 'unit' }, b: { role: 'method-choices' } }, 'survey-multi'],
    [{ a: { role: 'unit' }, b: { role: 'method-flag', methodName: 'b' } }, 'survey-wide'],
    [{ a: { role: 'unit' }, b: { role: 'ignore' } }, 'unknown'],
    [{ a: { role: 'unit' }, b: { role: 'unit' }, c: { role: 'method-choices' } }, 'unknown'],
  ] as const)('%j → %s', (roles, shape) => {
    expect(shapeFromRoles(roles)).toBe(shape);
  });
});
