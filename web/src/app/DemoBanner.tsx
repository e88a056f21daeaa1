/** On every page of a demo installation (`GET /meta` says `environment: "demo"`): this is sample data. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { ApiBody } from '../api/types.ts';

type Meta = ApiBody<'/api/v1/meta'>;
let cached: Promise<Meta | null> | undefined;

/** The installation's meta, asked once per page load (null when the server does not answer). */
export function loadMeta(): Promise<Meta | null> {
  cached ??= api<Meta>('/meta').catch(() => null);
  return cached;
}

export function DemoBanner() {
  const { t } = useTranslation();
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    let live = true;
    void loadMeta().then((m) => live && setDemo(m?.environment === 'demo'));
    return () => {
      live = false;
    };
  }, []);
  if (!demo) return null;
  return (
    <div className="demo-banner no-print" role="note" aria-label={t('app.demoLabel')} data-testid="demo-banner">
      <div className="container">
        <strong>{t('app.demoLabel')}</strong> — {t('app.demoBanner')}
      </div>
    </div>
  );
}
