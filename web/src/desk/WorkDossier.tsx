/** The officer's dossier page: facts, allowed actions, form data, documents with preview, form 05. */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ActionPanel } from '../dossier/ActionPanel.tsx';
import { Documents } from '../dossier/Documents.tsx';
import { DossierFacts } from '../dossier/DossierFacts.tsx';
import { Form05 } from '../dossier/Form05.tsx';
import { FormDataView } from '../dossier/FormDataView.tsx';
import { PaymentPanel } from '../dossier/PaymentPanel.tsx';
import { ResultDraft } from '../dossier/ResultDraft.tsx';
import { useDossier } from '../dossier/useDossier.ts';
import { ErrorBox, Loading, PageHeader } from '../ui/Feedback.tsx';
import { CertifyCopies } from './CertifyCopies.tsx';
import { genericSchema } from './GenericCounterForm.tsx';

export default function WorkDossier() {
  const { code = '' } = useParams();
  const { t } = useTranslation(['desk', 'dossier']);
  const s = useDossier(code);
  if (s.loading) return <Loading />;
  const d = s.dossier;
  if (!d) return <ErrorBox error={s.error} />;

  return (
    <article className="dossier-page">
      <PageHeader title={t('work.title', { code: d.code })}>
        <p><Link to="/desk">{t('work.back')}</Link> · <Link to={`/dossiers/${d.code}/receipt`}>{t('work.form01')}</Link></p>
      </PageHeader>
      <div className="two-col">
        <div>
          <ResultDraft dossier={d} />
          <ActionPanel dossier={d} procedure={s.procedure} act={s.act} conflict={s.conflict} reload={s.reload} done={s.done} officer />
          <PaymentPanel code={d.code} officer onChange={s.reload} />
          <DossierFacts dossier={d} />
        </div>
        <div>
          <section className="card" aria-labelledby="fd-title">
            <h2 id="fd-title">{t('dossier.formData')}</h2>
            <FormDataView schema={s.procedure && !s.procedure.eform ? genericSchema(t) as never : s.procedure?.eform} data={d.formData} />
          </section>
          <Documents dossier={d} procedure={s.procedure} />
          <CertifyCopies dossier={d} />
        </div>
      </div>
      <Form05 dossier={d} />
    </article>
  );
}
