// The app's tabs: the files, then the analyses. Arrow keys move between tabs, as in any tab list.
import type { KeyboardEvent } from 'react';
import type { MessageKey } from '../i18n/translate';
import { useI18n } from '../i18n/i18n';

interface Props<T extends string> {
  tabs: readonly T[];
  labels: Record<T, MessageKey>;
  current: T;
  onChange: (tab: T) => void;
}

export function ViewTabs<T extends string>({ tabs, labels, current, onChange }: Props<T>) {
  const { t } = useI18n();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = tabs[(tabs.indexOf(current) + step + tabs.length) % tabs.length]!;
    onChange(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <nav className="tabs" aria-label={t('viewsLabel')}>
      <div role="tablist" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab}
            id={`tab-${tab}`}
            type="button"
            role="tab"
            aria-selected={tab === current}
            aria-controls={`panel-${tab}`}
            tabIndex={tab === current ? 0 : -1}
            onClick={() => onChange(tab)}
          >
            {t(labels[tab])}
          </button>
        ))}
      </div>
    </nav>
  );
}
