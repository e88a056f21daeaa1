/**
 * The generic counter form: serves every procedure, above all those without an e-form (e.g. certified
 * copies): the applicant, the components checklist (received as original, copy or certified copy, how
 * many copies, each component's scan) and notes.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Component } from '../api/types.ts';
import { Uploads, type UploadItem } from '../dossier/Uploads.tsx';

export const FORMS = ['original', 'copy', 'certified_copy'] as const;
export type ComponentForm = (typeof FORMS)[number];
export interface ChecklistRow {
  received: boolean;
  form: ComponentForm;
  copies: number;
}
export interface GenericValues {
  fullName: string;
  idNumber: string;
  phone: string;
  address: string;
  notes: string;
}

/** How the generic counter form's fields read on the dossier page (a schema for FormDataView). */
export function genericSchema(t: (key: string) => string) {
  const title = (key: string) => ({ type: 'string', title: t(key), description: t(key) });
  return {
    type: 'object',
    properties: {
      applicantName: title('intake.generic.name'), applicantIdNumber: title('intake.generic.idNumber'), applicantPhone: title('intake.generic.phone'),
      address: title('intake.generic.address'), communeCode: title('intake.generic.commune'), notes: title('intake.generic.notes'),
    },
  };
}

export function initialChecklist(components: Component[]): Record<string, ChecklistRow> {
  return Object.fromEntries(components.map((c) => [c.code, { received: c.required, form: c.originals > 0 ? 'original' : 'copy', copies: Math.max(1, c.originals || c.copies || 1) }]));
}

const shortName = (name: string) => {
  const first = name.split(/[.;]\s/)[0] ?? name;
  return first.length > 140 ? `${first.slice(0, 137)}…` : first;
};

/** Required components neither ticked as received nor scanned. */
export function missingComponents(components: Component[], checklist: Record<string, ChecklistRow>, items: UploadItem[]): Component[] {
  return components.filter((c) => c.required && !checklist[c.code]?.received && !items.some((i) => i.componentCode === c.code && i.status === 'done'));
}

interface Props {
  components: Component[];
  items: UploadItem[];
  onItems(update: (items: UploadItem[]) => UploadItem[]): void;
  checklist: Record<string, ChecklistRow>;
  onChecklist(next: Record<string, ChecklistRow>): void;
  showMissing: boolean;
  onSubmit(values: GenericValues): void;
  children: ReactNode;
}

export function GenericCounterForm({ components, items, onItems, checklist, onChecklist, showMissing, onSubmit, children }: Props) {
  const { t } = useTranslation(['desk', 'dossier']);
  const [v, setV] = useState<GenericValues>({ fullName: '', idNumber: '', phone: '', address: '', notes: '' });
  const field = (k: keyof GenericValues, label: string, opts: { required?: boolean; inputMode?: 'numeric' | 'tel'; autoComplete?: string; pattern?: string; maxLength?: number } = {}) => (
    <div className="field">
      <label htmlFor={`cf-${k}`}>{label}{opts.required && <span aria-hidden="true"> *</span>}</label>
      <input id={`cf-${k}`} value={v[k]} required={opts.required} inputMode={opts.inputMode} autoComplete={opts.autoComplete} pattern={opts.pattern} maxLength={opts.maxLength}
        onChange={(e) => setV({ ...v, [k]: e.target.value })} />
    </div>
  );
  const row = (code: string, patch: Partial<ChecklistRow>) => onChecklist({ ...checklist, [code]: { ...checklist[code]!, ...patch } });
  const missing = missingComponents(components, checklist, items);

  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit({ ...v, fullName: v.fullName.trim(), idNumber: v.idNumber.trim() });
  }

  return (
    <form onSubmit={submit} noValidate={false}>
      <section className="card" aria-labelledby="cf-applicant">
        <h2 id="cf-applicant">{t('intake.generic.applicant')}</h2>
        <p className="hint">{t('intake.generic.lead')}</p>
        {field('fullName', t('intake.generic.name'), { required: true, autoComplete: 'off', maxLength: 100 })}
        {field('idNumber', t('intake.generic.idNumber'), { required: true, inputMode: 'numeric', pattern: '[0-9]{9,12}', maxLength: 12 })}
        {field('phone', t('intake.generic.phone'), { inputMode: 'tel', pattern: '[0-9+ .\\-]{8,15}', maxLength: 15 })}
        {field('address', t('intake.generic.address'), { maxLength: 300 })}
      </section>
      <section className="card" aria-labelledby="cf-components">
        <h2 id="cf-components">{t('intake.generic.components')}</h2>
        <ul className="checklist">
          {components.map((c) => {
            const r = checklist[c.code]!;
            return (
              <li key={c.code} className="checklist-row">
                <label className="check">
                  <input type="checkbox" id={`cl-${c.code}-received`} checked={r.received} onChange={(e) => row(c.code, { received: e.target.checked })} />
                  {' '}{t('intake.generic.received')}: {shortName(c.name)}
                </label>
                <div className="checklist-fields">
                  <div className="field">
                    <label htmlFor={`cl-${c.code}-form`}>{t('intake.generic.form')}</label>
                    <select id={`cl-${c.code}-form`} value={r.form} disabled={!r.received} onChange={(e) => row(c.code, { form: e.target.value as ComponentForm })}>
                      {FORMS.map((f) => <option key={f} value={f}>{t(`intake.generic.forms.${f}`)}</option>)}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`cl-${c.code}-copies`}>{t('intake.generic.copies')}</label>
                    <input id={`cl-${c.code}-copies`} type="number" min={1} max={50} inputMode="numeric" value={r.copies} disabled={!r.received}
                      onChange={(e) => row(c.code, { copies: Math.min(50, Math.max(1, Number(e.target.value) || 1)) })} />
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
        <h3>{t('intake.documents')}</h3>
        <Uploads components={components} items={items} onChange={onItems} grouped={false} />
        {showMissing && missing.length > 0 && <p className="field-error" role="alert">{t('intake.generic.missing')}</p>}
      </section>
      <div className="card">
        <div className="field">
          <label htmlFor="cf-notes">{t('intake.generic.notes')}</label>
          <textarea id="cf-notes" rows={3} maxLength={1000} value={v.notes} onChange={(e) => setV({ ...v, notes: e.target.value })} />
        </div>
        {children}
      </div>
    </form>
  );
}
