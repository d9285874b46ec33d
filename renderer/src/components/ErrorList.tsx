import type { LoadError } from '../app/workspace-state';
import { useI18n } from '../i18n/i18n';

export function ErrorList({ errors, onDismiss }: { errors: LoadError[]; onDismiss: (id: number) => void }) {
  const { lang, t } = useI18n();
  if (errors.length === 0) return null;
  return (
    <div className="errors" role="alert">
      {errors.map(({ id, message }) => (
        <div className={message.notice ? 'error notice' : 'error'} key={id}>
          <div>
            <strong>{t(message.notice ?? 'errorTitle')}</strong>
            <p>{t(message.key, message.params(lang))}</p>
          </div>
          <button type="button" className="ghost" onClick={() => onDismiss(id)}>
            {t('dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
