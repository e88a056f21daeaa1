/** One input of an action form, by kind. */
import { useTranslation } from 'react-i18next';
import type { Component } from '../api/types.ts';
import { Uploads, type UploadItem } from './Uploads.tsx';
import { amountDigits, formatAmount, MAX_AMOUNT_DIGITS, RATINGS, RETURN_METHODS, type FieldSpec } from './actionFields.ts';

export type FieldValue = string | UploadItem[];
export interface FieldValues {
  [name: string]: FieldValue;
}
export type SetField = (name: string, value: FieldValue | ((old: FieldValue | undefined) => FieldValue)) => void;

interface Props {
  action: string;
  spec: FieldSpec;
  values: FieldValues;
  set: SetField;
  components: Component[];
}

export function ActionField({ action, spec, values, set, components }: Props) {
  const { t, i18n } = useTranslation('dossier');
  const id = `af-${action}-${spec.name}`;
  const label = t(`actionFields.${spec.name}`);
  const value = typeof values[spec.name] === 'string' ? (values[spec.name] as string) : '';
  const common = { id, name: spec.name, required: spec.required, 'aria-describedby': `${id}-hint` };
  const hint = <small id={`${id}-hint`} className="hint">{t(`actionFields.${spec.name}Hint`, { defaultValue: '' })}</small>;

  switch (spec.kind) {
    case 'rating':
      return (
        <fieldset className="field rating">
          <legend>{label}</legend>
          {RATINGS.map((r) => (
            <label key={r} className="choice">
              <input type="radio" name={`${id}`} value={r} required={spec.required} checked={value === r} onChange={() => set(spec.name, r)} />
              {t(`ratings.${r}`)}
            </label>
          ))}
        </fieldset>
      );
    case 'returnMethod':
      return (
        <fieldset className="field rating" aria-describedby={`${id}-hint`}>
          <legend>{label}</legend>
          {RETURN_METHODS.map((m) => (
            <label key={m} className="choice">
              <input type="radio" name={`${id}`} value={m} checked={value === m} onChange={() => set(spec.name, m)} />
              {t(`returnMethods.${m}`)}
            </label>
          ))}
          {hint}
        </fieldset>
      );
    case 'files':
      return (
        <fieldset className="field">
          <legend>{label}</legend>
          <Uploads grouped={false} components={components.map((c) => ({ ...c, required: false }))} items={(values[spec.name] as UploadItem[] | undefined) ?? []}
            onChange={(update) => set(spec.name, (old) => update((old as UploadItem[] | undefined) ?? []))} />
        </fieldset>
      );
    case 'text':
    case 'lines':
      return (
        <div className="field">
          <label htmlFor={id}>{label}{spec.required && <span aria-hidden="true" className="req"> *</span>}</label>
          <textarea {...common} rows={spec.kind === 'lines' ? 4 : 3} maxLength={2000} value={value} onChange={(e) => set(spec.name, e.target.value)} />
          {hint}
        </div>
      );
    case 'amount':
      // Any whole number of đồng: typed as digits, shown with thousands separators (8.000, 50.000).
      return (
        <div className="field">
          <label htmlFor={id}>{label}{spec.required && <span aria-hidden="true" className="req"> *</span>}</label>
          <input {...common} type="text" inputMode="numeric" autoComplete="off" maxLength={MAX_AMOUNT_DIGITS + 4}
            value={formatAmount(value, i18n.language)} onChange={(e) => set(spec.name, amountDigits(e.target.value))} />
          {hint}
        </div>
      );
    default:
      return (
        <div className="field">
          <label htmlFor={id}>{label}{spec.required && <span aria-hidden="true" className="req"> *</span>}</label>
          <input {...common} type={spec.kind === 'datetime' ? 'datetime-local' : 'text'} value={value} onChange={(e) => set(spec.name, e.target.value)} />
          {hint}
        </div>
      );
  }
}
