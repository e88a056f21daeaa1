/**
 * Counter intake of a paper dossier: procedure, applicant, e-form (or the generic counter form when
 * the procedure has none), scans; then form 01 to print.
 */
import { useRef, useState } from 'react';
import type { ErrorSchema } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, ApiError, newKey } from '../api/client.ts';
import type { Dossier, Procedure } from '../api/types.ts';
import { EForm } from '../eform/EForm.tsx';
import { serverErrors } from '../eform/localize.ts';
import { fileRefs, missingRequired, Uploads, type UploadItem } from '../dossier/Uploads.tsx';
import { ErrorBox, Loading, PageHeader } from '../ui/Feedback.tsx';
import { useApi } from '../ui/useApi.ts';
import { ProcedurePicker } from './ProcedurePicker.tsx';
import { GenericCounterForm, initialChecklist, missingComponents, type ChecklistRow, type GenericValues } from './GenericCounterForm.tsx';

type Data = Record<string, unknown>;

export default function CounterIntake() {
  const { t } = useTranslation(['desk', 'dossier']);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const code = params.get('procedure') ?? '';
  const key = useRef(newKey('counter'));
  const [channel, setChannel] = useState<'direct' | 'postal'>('direct');
  const [data, setData] = useState<Data>({});
  const [items, setItems] = useState<UploadItem[]>([]);
  const [checklist, setChecklist] = useState<Record<string, ChecklistRow>>({});
  const [showMissing, setShowMissing] = useState(false);
  const [formErrors, setFormErrors] = useState<ErrorSchema<Data>>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const proc = useApi((signal) => (code ? api<Procedure>(`/procedures/${encodeURIComponent(code)}`, { signal }) : Promise.resolve(undefined)), [code]);
  const p = proc.data;
  const rows = p && Object.keys(checklist).length === 0 && p.components.length ? initialChecklist(p.components) : checklist;

  async function send(body: Record<string, unknown>) {
    setBusy(true);
    try {
      const d = await api<Dossier>('/dossiers/counter', { body, headers: { 'idempotency-key': key.current } });
      navigate(`/dossiers/${d.code}/receipt?registered=1`);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.type === 'invalid-form') setFormErrors(serverErrors(err.errors) as ErrorSchema<Data>);
      if (err instanceof ApiError && err.type === 'missing-components') setShowMissing(true);
    } finally {
      setBusy(false);
    }
  }

  /** The generic counter form: the applicant, the components checklist with scans, notes. */
  async function registerGeneric(p: Procedure, v: GenericValues) {
    setError(undefined);
    if (missingComponents(p.components, rows, items).length) {
      setShowMissing(true);
      return;
    }
    await send({
      procedureCode: p.code, channel,
      applicant: { idNumber: v.idNumber, fullName: v.fullName, ...(v.phone.trim() && { phone: v.phone.trim() }), ...(v.address.trim() && { address: v.address.trim() }) },
      ...(v.notes.trim() && { notes: v.notes.trim() }),
      checklist: Object.entries(rows).filter(([, r]) => r.received).map(([componentCode, r]) => ({ componentCode, form: r.form, copies: r.copies })),
      files: fileRefs(items),
    });
  }

  async function register(p: Procedure, formData: Data) {
    setError(undefined);
    if (missingRequired(p.components, items).length) {
      setShowMissing(true);
      return;
    }
    const name = typeof formData.applicantName === 'string' ? formData.applicantName : '';
    const id = typeof formData.applicantIdNumber === 'string' ? formData.applicantIdNumber : '';
    await send({ procedureCode: p.code, channel, applicant: { idNumber: id, fullName: name }, formData, files: fileRefs(items) });
  }

  const channelChoice = (
    <fieldset className="field">
      <legend>{t('intake.channel')}</legend>
      {(['direct', 'postal'] as const).map((c) => (
        <label key={c} className="choice">
          <input type="radio" name="channel" value={c} checked={channel === c} onChange={() => setChannel(c)} /> {t(`channels.${c}`)}
        </label>
      ))}
    </fieldset>
  );

  return (
    <section>
      <PageHeader title={t('intake.title')} />
      <p className="muted">{t('intake.lead')}</p>
      <ProcedurePicker selected={p} onPick={(c) => { setParams({ procedure: c }); setData({}); setItems([]); setChecklist({}); }} />
      {proc.loading && code && <Loading />}
      <ErrorBox error={proc.error} />
      {p && !p.eform && (
        <GenericCounterForm key={p.code} components={p.components} items={items} onItems={setItems} checklist={rows} onChecklist={setChecklist}
          showMissing={showMissing} onSubmit={(v) => registerGeneric(p, v)}>
          {channelChoice}
          <ErrorBox error={error} />
          <div className="wizard-nav">
            <button type="submit" className="btn btn-primary btn-lg" disabled={busy || items.some((i) => i.status === 'uploading')}>
              {busy ? t('common.working') : t('intake.register')}
            </button>
          </div>
        </GenericCounterForm>
      )}
      {p && p.eform && (
        <>
          <section className="card" aria-labelledby="in-files">
            <h2 id="in-files">{t('intake.documents')}</h2>
            <Uploads components={p.components} items={items} onChange={setItems} showMissing={showMissing} />
          </section>
          <section className="card" aria-labelledby="in-form">
            <h2 id="in-form">{t('intake.form')}</h2>
            {channelChoice}
            <p className="hint">{t('intake.applicantHint')}</p>
            <EForm idPrefix="ci" schema={p.eform} formData={data} onChange={setData} extraErrors={formErrors} onSubmit={(d) => register(p, d)}>
              <ErrorBox error={error} />
              {showMissing && missingRequired(p.components, items).length > 0 && <p className="field-error" role="alert">{t('upload.missingCount', { count: missingRequired(p.components, items).length })}</p>}
              <div className="wizard-nav">
                <button type="submit" className="btn btn-primary btn-lg" disabled={busy || items.some((i) => i.status === 'uploading')}>
                  {busy ? t('common.working') : t('intake.register')}
                </button>
              </div>
            </EForm>
          </section>
        </>
      )}
    </section>
  );
}
