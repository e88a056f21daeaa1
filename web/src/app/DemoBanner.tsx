/** On every page of a demo installation (`GET /meta` says `environment: "demo"`): this is sample data. */
import { useTranslation } from 'react-i18next';
import { useMeta } from '../api/meta.ts';

export function DemoBanner() {
  const { t } = useTranslation();
  const meta = useMeta();
  if (meta?.environment !== 'demo') return null;
  return (
    <div className="demo-banner no-print" role="note" aria-label={t('app.demoLabel')} data-testid="demo-banner">
      <div className="container">
        <strong>{t('app.demoLabel')}</strong> — {t('app.demoBanner')}
      </div>
    </div>
  );
}
