// Small multiples: the same bars for several counties side by side, on one scale (0–100 %), so a pilot
// lead compares counties at a glance. The user picks the counties and the set of methods.
import { useState } from 'react';
import { BAR } from '../export/palette';
import { ShareBars } from '../charts/ShareBars';
import type { Row } from '../db/engine';
import { methodById } from '../domain/methods';
import { useI18n } from '../i18n/i18n';
import { methodName, RECOMMENDED_TYPES } from '../shaping/specs';

const MAX_COUNTIES = 6;
type MethodSet = 'recommended' | 'tools';

function inSet(id: string, set: MethodSet): boolean {
  const method = methodById(id);
  if (!method) return false;
  return set === 'tools' ? method.kind === 'tool' : RECOMMENDED_TYPES.includes(method.recommendation);
}

export function CountyMultiples({ shares }: { shares: readonly Row[] }) {
  const { lang, t } = useI18n();
  const counties = [...new Map(shares.map((r) => [String(r.county_code), String(r.county_name)]))];
  const totals = new Map<string, number>();
  for (const r of shares) totals.set(String(r.county_code), Math.max(totals.get(String(r.county_code)) ?? 0, Number(r.units_total)));
  // At first the counties with the most responding units.
  const largest = [...counties].sort((a, b) => (totals.get(b[0]) ?? 0) - (totals.get(a[0]) ?? 0)).slice(0, 4).map(([code]) => code);
  const [picked, setPicked] = useState<string[] | null>(null);
  const [set, setSet] = useState<MethodSet>('recommended');
  const chosen = (picked ?? largest).filter((code) => totals.has(code));
  const toggle = (code: string) => {
    const next = chosen.includes(code) ? chosen.filter((c) => c !== code) : [...chosen, code].slice(-MAX_COUNTIES);
    setPicked(next);
  };
  return (
    <section className="chart multiples" aria-labelledby="multiples-title">
      <h3 id="multiples-title">{t('multiplesHeading')}</h3>
      <p className="question">{t(set === 'tools' ? 'multiplesQuestionTools' : 'multiplesQuestion')}</p>
      <div className="multiples-controls">
        <label>
          {t('multiplesSet')}{' '}
          <select value={set} onChange={(e) => setSet(e.target.value as MethodSet)} data-testid="multiples-set">
            <option value="recommended">{t('multiplesRecommended')}</option>
            <option value="tools">{t('multiplesTools')}</option>
          </select>
        </label>
        <fieldset>
          <legend>{t('multiplesPick', { max: MAX_COUNTIES })}</legend>
          {counties.map(([code, name]) => (
            <label key={code} className="inline">
              <input type="checkbox" checked={chosen.includes(code)} onChange={() => toggle(code)} /> {name.replace(/ län$/, '')}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="multiples-grid">
        {chosen.map((code) => {
          const rows = shares.filter((r) => r.county_code === code && inSet(String(r.method_id), set));
          const name = counties.find(([c]) => c === code)?.[1] ?? code;
          return (
            <figure key={code} className="multiple" data-testid={`multiple-${code}`}>
              <figcaption>
                <strong>{name}</strong> <span className="muted">{t('unitsN', { total: totals.get(code) ?? 0 })}</span>
              </figcaption>
              <ShareBars
                label={`${name}: ${t(set === 'tools' ? 'multiplesQuestionTools' : 'multiplesQuestion')}`}
                bars={rows.map((r) => ({
                  id: String(r.method_id),
                  label: methodName(String(r.method_id), lang),
                  share: Number(r.share),
                  n: Number(r.units_using),
                  total: Number(r.units_total),
                  colour: set === 'tools' ? BAR.tool : BAR.recommended,
                }))}
              />
            </figure>
          );
        })}
      </div>
    </section>
  );
}
