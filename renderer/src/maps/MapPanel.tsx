// Beside the map: the legend, and the units ranked by value as bars, linked to the map both ways
// (ChoroplethMap.tsx): the row of the unit under the pointer or the focus on the map is marked and
// scrolled into view, and a row under the pointer or the focus marks its unit on the map. The ranking
// is one stop for Tab (a roving tabindex, as the map): the arrow keys, Home and End move between rows,
// Enter or Space (or a click) selects the unit, as a click on the map does.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import type { LegendItem, MapFeature, MapLevel } from './choropleth';

export function MapLegend({ title, items }: { title: string; items: readonly LegendItem[] }) {
  const id = useId();
  return (
    <div className="map-legend">
      <h4 id={id}>{title}</h4>
      <ul className="choropleth-legend" aria-labelledby={id}>
        {items.map((item, i) => (
          <li key={i}>
            <span aria-hidden="true" className="choropleth-swatch" style={{ background: item.colour }} />
            {item.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface RankedUnit {
  id: string;
  name: string;
  value: number;
  colour: string;
  /** 1 for the highest; equal values share a rank (1, 2, 2, 4). */
  rank: number;
}

const SWEDISH = new Intl.Collator('sv');

/** The units with a value, highest first (equal values by name), and how many have none. */
export function rankUnits(features: readonly Pick<MapFeature, 'id' | 'name' | 'value' | 'colour'>[]): { ranked: RankedUnit[]; without: number } {
  const valued = features.filter((f): f is typeof f & { value: number } => f.value !== null);
  const sorted = [...valued].sort((a, b) => b.value - a.value || SWEDISH.compare(a.name, b.name));
  const ranked: RankedUnit[] = [];
  sorted.forEach((f, i) => {
    const previous = ranked[i - 1];
    const rank = previous && previous.value === f.value ? previous.rank : i + 1;
    ranked.push({ id: f.id, name: f.name, value: f.value, colour: f.colour, rank });
  });
  return { ranked, without: features.length - valued.length };
}

export interface MapRankingProps {
  level: MapLevel;
  features: readonly MapFeature[];
  format: (v: number, code?: string) => string;
  noDataLabel: string;
  /** The value a full bar stands for (1 for shares); else the highest value. */
  scaleMax?: number;
  selected: string | null;
  /** The unit under the pointer or the focus, on the map or here. */
  highlighted: string | null;
  onHover: (code: string | null) => void;
  onFocusRow: (code: string | null) => void;
  onSelect?: (code: string) => void;
}

export function MapRanking(props: MapRankingProps) {
  const { level, features, format, selected, highlighted, onHover, onFocusRow, onSelect } = props;
  const { t } = useI18n();
  const headingId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const [focusedRow, setFocusedRow] = useState<string | null>(null);
  const { ranked, without } = useMemo(() => rankUnits(features), [features]);
  const max = props.scaleMax ?? Math.max(0, ...ranked.map((unit) => unit.value));
  const tabStop = [focusedRow, selected, ranked[0]?.id].find((code) => code && ranked.some((unit) => unit.id === code));

  // The row of the unit marked on the map comes into view in the list (the list scrolls, not the page).
  useEffect(() => {
    const list = listRef.current;
    const row = highlighted ? list?.querySelector<HTMLElement>(`[data-code="${highlighted}"]`) : null;
    if (!list || !row) return;
    if (row.offsetTop < list.scrollTop) list.scrollTop = row.offsetTop;
    else if (row.offsetTop + row.offsetHeight > list.scrollTop + list.clientHeight) list.scrollTop = row.offsetTop + row.offsetHeight - list.clientHeight;
  }, [highlighted]);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, at: number) => {
    const target =
      event.key === 'ArrowDown' ? ranked[Math.min(at + 1, ranked.length - 1)] : event.key === 'ArrowUp' ? ranked[Math.max(at - 1, 0)] : event.key === 'Home' ? ranked[0] : event.key === 'End' ? ranked.at(-1) : undefined;
    if (!target) return;
    event.preventDefault();
    listRef.current?.querySelector<HTMLButtonElement>(`[data-code="${target.id}"]`)?.focus();
  };

  return (
    <section className="map-ranking" aria-labelledby={headingId}>
      <h4 id={headingId}>{t(level === 'county' ? 'mapRankingCounties' : 'mapRankingMunicipalities')}</h4>
      <ol ref={listRef} className="map-ranking-list" aria-labelledby={headingId} onMouseLeave={() => onHover(null)} data-testid="map-ranking">
        {ranked.map((unit, i) => (
          <li key={unit.id} className={unit.id === highlighted ? 'is-highlighted' : undefined}>
            <button
              type="button"
              className="map-ranking-row"
              data-code={unit.id}
              tabIndex={unit.id === tabStop ? 0 : -1}
              aria-pressed={unit.id === selected}
              onClick={onSelect ? () => onSelect(unit.id) : undefined}
              onMouseEnter={() => onHover(unit.id)}
              onFocus={() => {
                setFocusedRow(unit.id);
                onFocusRow(unit.id);
              }}
              onBlur={() => onFocusRow(null)}
              onKeyDown={(event) => onKeyDown(event, i)}
            >
              {/* Named by what it shows, "1 Stockholms län 76 %": the spaces between the parts are for the name. */}
              <span className="map-ranking-rank">{unit.rank}</span>{' '}
              <span className="map-ranking-name">{unit.name}</span>{' '}
              <span className="map-ranking-bar" aria-hidden="true">
                <span style={{ width: `${max > 0 ? Math.max(0, Math.min(1, unit.value / max)) * 100 : 0}%`, background: unit.colour }} />
              </span>{' '}
              <span className="map-ranking-value">{format(unit.value, unit.id)}</span>
            </button>
          </li>
        ))}
      </ol>
      {without > 0 && (
        <p className="map-ranking-rest">{t(level === 'county' ? 'mapRankingRestCounties' : 'mapRankingRestMunicipalities', { n: without, label: props.noDataLabel })}</p>
      )}
    </section>
  );
}
