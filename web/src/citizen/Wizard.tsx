/**
 * Online submission: the e-form, the documents, a review, then the dossier and its receipt. The step is
 * in the address (`?step=files`), so Back and Forward move between steps; what was typed and uploaded is
 * kept as a draft in the tab (eform/draft.ts), so a reload or Back/Forward returns to it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ErrorSchema } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, ApiError, newKey } from '../api/client.ts';
import type { Dossier, Procedure } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { EForm } from '../eform/EForm.tsx';
import { serverErrors } from '../eform/localize.ts';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../eform/draft.ts';
import { ErrorBox, Loading, PageHeader } from '../ui/Feedback.tsx';
import { useApi } from '../ui/useApi.ts';
import { Review } from './Review.tsx';
import { fileRefs, missingRequired, Uploads, type UploadItem } from '../dossier/Uploads.tsx';

type Step = 'form' | 'files' | 'review';
const STEPS: Step[] = ['form', 'files', 'review'];
type Data = Record<string, unknown>;

const stepOf = (value: string | null): Step => (STEPS as string[]).includes(value ?? '') ? (value as Step) : 'form';

export default function Wizard() {
  const { code = '' } = useParams();
  const { t } = useTranslation(['citizen', 'dossier', 'portal']);
  const { user } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const step = stepOf(params.get('step'));
  const storeKey = draftKey(user?.userId ?? 'anonymous', code);
  const draft = useMemo(() => loadDraft(storeKey), [storeKey]);
  const key = useRef(draft?.key ?? newKey('online'));
  const [data, setData] = useState<Data>(draft?.data ?? {});
  const [items, setItems] = useState<UploadItem[]>(draft?.files ?? []);
  const [formDone, setFormDone] = useState(draft?.formDone ?? false);
  const [showMissing, setShowMissing] = useState(false);
  const [formErrors, setFormErrors] = useState<ErrorSchema<Data>>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submitted = useRef(false);
  const proc = useApi(async (signal) => {
    const p = await api<Procedure>(`/procedures/${encodeURIComponent(code)}`, { signal });
    const props = p.eform?.properties ?? {};
    // From the account, where the form asks for it and nothing was typed there yet.
    const known: Data = {
      ...('applicantName' in props && user ? { applicantName: user.fullName } : {}),
      ...('applicantIdNumber' in props && user ? { applicantIdNumber: user.username } : {}),
      ...('applicantPhone' in props && user?.phone ? { applicantPhone: user.phone } : {}),
    };
    setData((d) => ({ ...known, ...Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined && v !== '')) }));
    return p;
  }, [code]);

  // The draft follows every change; it is gone once the dossier is submitted.
  useEffect(() => {
    if (!submitted.current) saveDraft(storeKey, { data, files: items, key: key.current, formDone });
  }, [storeKey, data, items, formDone]);

  // A step reached through the address (Back, Forward, reload) needs the steps before it.
  const p0 = proc.data;
  useEffect(() => {
    if (!p0 || step === 'form') return;
    if (!formDone) setParams({}, { replace: true });
    else if (step === 'review' && missingRequired(p0.components, items).length) setParams({ step: 'files' }, { replace: true });
  }, [p0, step, formDone, items, setParams]);

  // Each step starts at the top of the page, read from its beginning (an error sent back to a step stays shown).
  const first = useRef(true);
  const keepError = useRef(false);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!keepError.current) setError(undefined);
    keepError.current = false;
    document.getElementById('main')?.focus();
  }, [step]);

  if (proc.loading) return <Loading />;
  const p = proc.data;
  if (!p) return <ErrorBox error={proc.error} />;
  if (!p.eform || !p.onlineLevel) {
    return <section className="card"><PageHeader title={p.name} /><p className="alert alert-info">{t('procedure.notOnline')}</p></section>;
  }

  const go = (s: Step) => setParams(s === 'form' ? {} : { step: s });
  const uploading = items.some((i) => i.status === 'uploading');

  async function submit(p: Procedure) {
    setBusy(true);
    setError(undefined);
    try {
      const d = await api<Dossier>('/dossiers', {
        body: { procedureCode: p.code, formData: data, files: fileRefs(items) },
        headers: { 'idempotency-key': key.current },
      });
      submitted.current = true;
      clearDraft(storeKey);
      navigate(`/dossiers/${d.code}/receipt?submitted=1`, { replace: true });
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.type === 'invalid-form') {
        setFormErrors(serverErrors(err.errors) as ErrorSchema<Data>);
        keepError.current = true;
        go('form');
      } else if (err instanceof ApiError && err.type === 'missing-components') {
        setShowMissing(true);
        keepError.current = true;
        go('files');
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
            onSubmit={(d) => { setData(d); setFormErrors(undefined); setFormDone(true); go('files'); }}>
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
