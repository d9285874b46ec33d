// What a statistics file holds, in words, before it joins the analysis: its band, sex and years, the
// regions with values, what every other row is, and whether the rate map may rest on it. The user
// gives the year where the file does not, and may use a population of another band than children
// 0–17 only by choosing it here; the map and the exports then say so.
import type { MessageKey } from '../i18n/translate';
import type { IgnoredRowReason, NoRateReason, StatisticsChoice, StatisticsReading } from '../model/statistics-read';
import { formatNumber } from '../format';
import { useI18n, type Translate } from '../i18n/i18n';

const IGNORED_KEYS: Record<IgnoredRowReason, MessageKey> = {
  footnote: 'statisticsIgnoredFootnote',
  total: 'statisticsIgnoredTotal',
  district: 'statisticsIgnoredDistrict',
  unmatched: 'statisticsIgnoredUnmatched',
  'no-value': 'statisticsIgnoredNoValue',
  breakdown: 'statisticsIgnoredBreakdown',
  duplicate: 'statisticsIgnoredDuplicate',
};

const WHY_KEYS: Record<NoRateReason, MessageKey> = {
  'not-population': 'statisticsWhyNotPopulation',
  'several-measures': 'statisticsWhySeveralMeasures',
  breakdown: 'statisticsWhyBreakdown',
  'ages-unknown': 'statisticsWhyAgesUnknown',
  'sex-unknown': 'statisticsWhySexUnknown',
  'one-sex': 'statisticsWhyOneSex',
  'no-children': 'statisticsWhyNoChildren',
  'not-children': 'statisticsWhyNotChildren',
  'no-year': 'statisticsWhyNoYear',
  projection: 'statisticsWhyProjection',
  'counties-only': 'statisticsWhyCountiesOnly',
};

/** `0-17` → barn 0–17 år; `all` → alla åldrar; `0-19` → 0–19 år. */
function bandWords(band: string | null, t: Translate): string {
  if (band === '0-17') return t('statisticsBandChildren');
  if (band === 'all' || band === null) return t('statisticsBandAll');
  return t('statisticsBand', { band: band.replace('-', '–') });
}

function yearsWords(years: readonly number[], t: Translate): string {
  if (years.length === 0) return t('statisticsNoYear');
  return years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`;
}

interface Props {
  reading: StatisticsReading;
  choice: StatisticsChoice;
  onChoice: (choice: StatisticsChoice) => void;
}

/** What the file holds, its regions and every row's fate, and why it gives no rate of children. */
export function StatisticsLines({ reading }: { reading: StatisticsReading }) {
  const { lang, t } = useI18n();
  const n = (value: number) => formatNumber(value, lang);
  const sex = reading.sex === 'women' ? t('statisticsSexWomen') : reading.sex === 'men' ? t('statisticsSexMen') : '';
  return (
    <>
      <p data-testid="statistics-holds">
        {reading.kind === 'population'
          ? t('statisticsPopulation', { band: bandWords(reading.ageBand, t), sex, years: yearsWords(reading.years, t) })
          : t('statisticsOther', { said: reading.meaning.said })}
      </p>
      <p>{t('statisticsRegions', { municipalities: n(reading.municipalities), counties: n(reading.counties) })}</p>
      <p>{t('statisticsRows', { rows: n(reading.rows), used: n(reading.rows - reading.ignoredRows) })}</p>
      {reading.ignored.length > 0 && (
        <ul data-testid="statistics-ignored">
          {reading.ignored.map((i) => (
            <li key={i.reason}>{t(IGNORED_KEYS[i.reason], { n: n(i.rows), names: reading.unmatched.join(', ') })}</li>
          ))}
        </ul>
      )}
      {reading.noRate !== null && (
        <p className="note" data-testid="statistics-why">
          {t(WHY_KEYS[reading.noRate], { said: reading.meaning.said, band: bandWords(reading.ageBand, t), ages: reading.unknownAges.join(', ') })}
        </p>
      )}
    </>
  );
}

export function StatisticsPanel({ reading, choice, onChoice }: Props) {
  const { t } = useI18n();
  const canRate = reading.noRate === null || reading.noRate === 'not-children';
  const yearNote = { title: 'statisticsYearFromTitle', 'file-name': 'statisticsYearFromFileName' } as const;
  // The year is the user's to give where no column and no header gives it: taken from the title or the file name, or none.
  const yearAsked = reading.kind === 'population' && (reading.yearFrom === null || reading.yearFrom === 'title' || reading.yearFrom === 'file-name' || reading.yearFrom === 'chosen');
  return (
    <section className="statistics" aria-labelledby="statistics-heading" data-testid="statistics-panel">
      <h3 id="statistics-heading">{t('statisticsHeading')}</h3>
      <StatisticsLines reading={reading} />
      {yearAsked && (
        <label className="statistics-year">
          {t('statisticsYear')}
          <input
            type="number"
            min={1900}
            max={2100}
            value={choice.year ?? reading.years[0] ?? ''}
            onChange={(e) => {
              const year = Number(e.target.value);
              onChoice({ ...choice, year: Number.isInteger(year) && year >= 1900 && year <= 2100 ? year : undefined });
            }}
            data-testid="statistics-year"
          />
          {(reading.yearFrom === 'title' || reading.yearFrom === 'file-name') && <span className="muted"> {t(yearNote[reading.yearFrom])}</span>}
        </label>
      )}
      {canRate && (
        <label className="check">
          <input type="checkbox" checked={choice.useForRates ?? reading.useForRates} onChange={(e) => onChoice({ ...choice, useForRates: e.target.checked })} data-testid="statistics-use" />
          {reading.noRate === null ? t('statisticsUseChildren') : t('statisticsUseBand', { band: bandWords(reading.ageBand, t) })}
        </label>
      )}
    </section>
  );
}
