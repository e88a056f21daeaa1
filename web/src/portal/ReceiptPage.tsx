/** The receipt of a dossier (form 01) with print; shown after online submission and counter intake. */
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import type { Dossier, Procedure } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { ErrorBox, Loading, PageHeader } from '../ui/Feedback.tsx';
import { useApi } from '../ui/useApi.ts';
import { Form01 } from './Form01.tsx';

export default function ReceiptPage() {
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation('portal');
  const { user } = useSession();
  const loaded = useApi(async (signal) => {
    const d = await api<Dossier>(`/dossiers/${encodeURIComponent(code)}`, { signal });
    const p = await api<Procedure>(`/procedures/${encodeURIComponent(d.procedure.code)}?version=${d.procedure.version ?? ''}`, { signal }).catch(() => undefined);
    return { d, p };
  }, [code]);
  if (loaded.loading) return <Loading />;
  if (!loaded.data) return <ErrorBox error={loaded.error} />;
  const { d, p } = loaded.data;
  const back = user?.kind === 'officer' ? `/desk/dossiers/${d.code}` : `/me/dossiers/${d.code}`;

  return (
    <section className="receipt">
      <div className="no-print">
        <PageHeader title={t('receipt.title')} />
        {params.get('submitted') && (
          <div className="alert alert-success" role="status">
            <p><strong>{t('receipt.submitted')}</strong></p>
            <p>{t('receipt.codeIs')} <strong className="dossier-code" data-testid="dossier-code">{d.code}</strong></p>
            <p>{t('receipt.next')}</p>
          </div>
        )}
        {params.get('registered') && (
          <div className="alert alert-success" role="status">
            <p><strong>{t('receipt.registered')}</strong> <span className="dossier-code" data-testid="dossier-code">{d.code}</span></p>
          </div>
        )}
        <div className="actions-bar">
          <button type="button" className="btn btn-primary" onClick={() => window.print()}>{t('receipt.print')}</button>
          <Link className="btn" to={back}>{t('receipt.open')}</Link>
        </div>
        <p className="hint">{t('receipt.printHint')}</p>
      </div>
      <Form01 dossier={d} procedure={p} />
    </section>
  );
}
