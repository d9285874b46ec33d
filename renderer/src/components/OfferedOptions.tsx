// The options a multiple-choice question offered. A Forms export holds only the options someone ticked,
// so an option nobody chose would vanish; the user marks what the questionnaire offered (one click for
// a whole section of the catalogue), and an offered option nobody chose then counts as 0 of N.
import { METHODS, RECOMMENDATION_IDS, RECOMMENDATIONS, type RecommendationId } from '../domain/methods';
import { useI18n } from '../i18n/i18n';

interface Props {
  column: string;
  /** Catalogue ids the file's answers already name: offered by definition. */
  seen: ReadonlySet<string>;
  offered: readonly string[];
  onChange: (offered: string[]) => void;
}

export function OfferedOptions({ column, seen, offered, onChange }: Props) {
  const { lang, t } = useI18n();
  const chosen = new Set(offered);
  const set = (ids: Iterable<string>) => onChange(METHODS.map((m) => m.id).filter((id) => new Set(ids).has(id) && !seen.has(id)));
  const sections = RECOMMENDATION_IDS.map((id) => ({ id, methods: METHODS.filter((m) => m.recommendation === id) })).filter((s) => s.methods.length > 0);
  const sectionName = (id: RecommendationId) => (lang === 'sv' ? RECOMMENDATIONS[id].name : RECOMMENDATIONS[id].nameEn);
  return (
    <details className="offered">
      <summary>{t('offeredHeading', { column })}</summary>
      <p className="muted">{t('offeredHint')}</p>
      <p className="offered-actions">
        <button type="button" className="ghost" onClick={() => set(METHODS.map((m) => m.id))}>
          {t('offeredAddAll')}
        </button>
        <button type="button" className="ghost" onClick={() => set([])} disabled={offered.length === 0}>
          {t('offeredClear')}
        </button>
      </p>
      {sections.map((section) => (
        <fieldset key={section.id} className="offered-section">
          <legend>
            {sectionName(section.id)}{' '}
            <button
              type="button"
              className="link"
              aria-label={t('offeredAddSection', { section: sectionName(section.id) })}
              onClick={() => set([...offered, ...section.methods.map((m) => m.id)])}
            >
              {t('offeredAddGroup')}
            </button>
          </legend>
          {section.methods.map((m) => (
            <label key={m.id} className="check">
              <input
                type="checkbox"
                checked={seen.has(m.id) || chosen.has(m.id)}
                disabled={seen.has(m.id)}
                onChange={(e) => set(e.target.checked ? [...offered, m.id] : offered.filter((id) => id !== m.id))}
              />
              {lang === 'sv' ? m.name : m.nameEn}
            </label>
          ))}
        </fieldset>
      ))}
    </details>
  );
}
