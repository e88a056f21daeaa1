/** Online submission: the e-form, the documents, a review, then the dossier and its receipt. */
import { useRef, useState } from 'react';
import type { ErrorSchema } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, newKey } from '../api/client.ts';
import type { Dossier, Procedure } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { EForm } from '../eform/EForm.tsx';
import { serverErrors } from '../eform/localize.ts';
import { ErrorBox, Loading, PageHeader } from '../ui/Feedback.tsx';
import { useApi } from '../ui/useApi.ts';
import { Review } from './Review.tsx';
import { fileRefs, missingRequired, Uploads, type UploadItem } from '../dossier/Uploads.tsx';

type Step = 'form' | 'files' | 'review';
const STEPS: Step[] = ['form', 'files', 'review'];
type Data = Record<string, unknown>;

export default function Wizard() {
  const { code = '' } = useParams();
  const { t } = useTranslation(['citizen', 'dossier', 'portal']);
  const { user } = useSession();
  const navigate = useNavigate();
  const key = useRef(newKey('online'));
  const [step, setStep] = useState<Step>('form');
  const [data, setData] = useState<Data>({});
  const [items, setItems] = useState<UploadItem[]>([]);
  const [showMissing, setShowMissing] = useState(false);
  const [formErrors, setFormErrors] = useState<ErrorSchema<Data>>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const proc = useApi(async (signal) => {
    const p = await api<Procedure>(`/procedures/${encodeURIComponent(code)}`, { signal });
    const props = p.eform?.properties ?? {};
    setData({
      ...('applicantName' in props && user ? { applicantName: user.fullName } : {}),
      ...('applicantIdNumber' in props && user ? { applicantIdNumber: user.username } : {}),
    });
    return p;
  }, [code]);

  if (proc.loading) return <Loading />;
  const p = proc.data;
  if (!p) return <ErrorBox error={proc.error} />;
  if (!p.eform || !p.onlineLevel) {
    return <section className="card"><PageHeader title={p.name} /><p className="alert alert-info">{t('procedure.notOnline')}</p></section>;
  }

  const go = (s: Step) => {
    setStep(s);
    setError(undefined);
    document.getElementById('main')?.focus();
  };
  const uploading = items.some((i) => i.status === 'uploading');

  async function submit(p: Procedure) {
    setBusy(true);
    setError(undefined);
    try {
      const d = await api<Dossier>('/dossiers', {
        body: { procedureCode: p.code, formData: data, files: fileRefs(items) },
        headers: { 'idempotency-key': key.current },
      });
      navigate(`/dossiers/${d.code}/receipt?submitted=1`, { replace: true });
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.type === 'invalid-form') {
        setFormErrors(serverErrors(err.errors) as ErrorSchema<Data>);
        setStep('form');
      } else if (err instanceof ApiError && err.type === 'missing-components') {
        setShowMissing(true);
        setStep('files');
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="wizard">
      <PageHeader title={t('wizard.title')}>
        <p className="muted"><Link to={`/procedures/${p.code}`}>{p.name}</Link></p>
      </PageHeader>
      <ol className="stepper" aria-label={t('wizard.progress')}>
        {STEPS.map((s, i) => (
          <li key={s} className={s === step ? 'current' : STEPS.indexOf(step) > i ? 'done' : ''} aria-current={s === step ? 'step' : undefined}>
            <span className="num" aria-hidden="true">{i + 1}</span> {t(`wizard.steps.${s}`)}
          </li>
        ))}
      </ol>
      <ErrorBox error={error} />

      {step === 'form' && (
        <div className="card">
          <EForm schema={p.eform} formData={data} onChange={setData} extraErrors={formErrors}
            onSubmit={(d) => { setData(d); setFormErrors(undefined); go('files'); }}>
            <div className="wizard-nav">
              <Link className="btn" to={`/procedures/${p.code}`}>{t('common.cancel')}</Link>
              <button type="submit" className="btn btn-primary">{t('wizard.next')}</button>
            </div>
          </EForm>
        </div>
      )}

      {step === 'files' && (
        <div className="card">
          <h2>{t('wizard.steps.files')}</h2>
          <p className="muted">{t('wizard.filesLead')}</p>
          <Uploads components={p.components} items={items} onChange={setItems} showMissing={showMissing} />
          <div className="wizard-nav">
            <button type="button" className="btn" onClick={() => go('form')}>{t('wizard.back')}</button>
            <button type="button" className="btn btn-primary" disabled={uploading} onClick={() => {
              if (missingRequired(p.components, items).length) setShowMissing(true);
              else go('review');
            }}>{uploading ? t('upload.wait') : t('wizard.next')}</button>
          </div>
          {showMissing && missingRequired(p.components, items).length > 0 && (
            <p className="field-error" role="alert">{t('upload.missingCount', { count: missingRequired(p.components, items).length })}</p>
          )}
        </div>
      )}

      {step === 'review' && (
        <div className="card">
          <Review procedure={p} data={data} items={items} />
          <div className="wizard-nav">
            <button type="button" className="btn" onClick={() => go('files')}>{t('wizard.back')}</button>
            <button type="button" className="btn btn-primary btn-lg" disabled={busy} onClick={() => submit(p)}>
              {busy ? t('common.working') : t('wizard.submit')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
