/** One of the citizen's dossiers: its result and signed documents, status, due date, timeline, supplement, withdrawal, rating, documents. */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ActionPanel } from '../dossier/ActionPanel.tsx';
import { Documents } from '../dossier/Documents.tsx';
import { DossierFacts } from '../dossier/DossierFacts.tsx';
import { FormDataView } from '../dossier/FormDataView.tsx';
import { SignedDocuments } from '../dossier/SignedDocuments.tsx';
import { PaymentPanel } from '../dossier/PaymentPanel.tsx';
import { Timeline } from '../dossier/Timeline.tsx';
import { useDossier } from '../dossier/useDossier.ts';
import { ErrorBox, Loading, PageHeader } from '../ui/Feedback.tsx';

export default function MyDossier() {
  const { code = '' } = useParams();
  const { t } = useTranslation(['citizen', 'dossier']);
  const s = useDossier(code);
  if (s.loading) return <Loading />;
  const d = s.dossier;
  if (!d) return <ErrorBox error={s.error} />;
  const supplement = d.statusCode === 5 ? [...d.history].reverse().find((h) => h.action === 'request_supplement') : undefined;

  return (
    <article className="dossier-page">
      <PageHeader title={t('mine.dossierTitle', { code: d.code })}>
        <p><Link to="/me/dossiers">{t('mine.back')}</Link> · <Link to={`/dossiers/${d.code}/receipt`}>{t('mine.receipt')}</Link></p>
      </PageHeader>
      {supplement && (
        <div className="alert alert-warning" role="status">
          <p><strong>{t('mine.supplementAsked')}</strong></p>
          {Array.isArray(supplement.data?.items) && <ul>{(supplement.data.items as string[]).map((i) => <li key={i}>{i}</li>)}</ul>}
          {typeof supplement.data?.reason === 'string' && <p>{supplement.data.reason}</p>}
        </div>
      )}
      {d.statusCode === 10 && !d.rating && <p className="alert alert-info">{t('mine.pleaseRate')}</p>}
      <PaymentPanel code={d.code} officer={false} />
      <SignedDocuments code={d.code} />
      <div className="two-col">
        <div>
          <ActionPanel dossier={d} procedure={s.procedure} act={s.act} conflict={s.conflict} reload={s.reload} done={s.done} officer={false} />
          <DossierFacts dossier={d} />
        </div>
        <div>
          <Timeline dossier={d} />
        </div>
      </div>
      <section className="card" aria-labelledby="fd-title">
        <h2 id="fd-title">{t('dossier.formData')}</h2>
        <FormDataView schema={s.procedure?.eform} data={d.formData} />
      </section>
      <Documents dossier={d} procedure={s.procedure} />
    </article>
  );
}
