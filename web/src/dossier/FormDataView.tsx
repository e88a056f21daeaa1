/** E-form data as a definition list, labelled from the procedure's schema in the UI language. */
import { useTranslation } from 'react-i18next';
import type { JsonSchema } from '../api/types.ts';

function label(name: string, p: JsonSchema | undefined, lang: string): string {
  if (!p) return name;
  return (lang === 'en' ? p.description : undefined) ?? p.title ?? name;
}

function display(value: unknown, p: JsonSchema | undefined, yes: string, no: string, lang: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (p?.format === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(`${value}T00:00:00Z`));
  }
  const option = p?.oneOf?.find((o) => o.const === value);
  if (option?.title) return option.title;
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function FormDataView({ schema, data }: { schema: JsonSchema | null | undefined; data: Record<string, unknown> }) {
  const { t, i18n } = useTranslation('dossier');
  const props = schema?.properties ?? {};
  const known = Object.keys(props);
  const required = schema?.required ?? [];
  const names = [
    ...known.filter((n) => n.startsWith('applicant') || n === 'address' || n === 'communeCode'),
    ...required.filter((n) => !n.startsWith('applicant') && n !== 'address' && n !== 'communeCode'),
    ...known.filter((n) => !required.includes(n) && !n.startsWith('applicant') && n !== 'address' && n !== 'communeCode'),
    ...Object.keys(data).filter((n) => !known.includes(n)),
  ].filter((n, i, all) => all.indexOf(n) === i && data[n] !== undefined);
  const order = ['applicantName', 'applicantIdNumber', 'applicantPhone', 'applicantEmail', 'address', 'communeCode'];
  names.sort((a, b) => (order.includes(a) ? order.indexOf(a) : 99) - (order.includes(b) ? order.indexOf(b) : 99));

  if (names.length === 0) return <p className="muted">{t('dossier.noFormData')}</p>;
  return (
    <dl className="facts">
      {names.map((n) => (
        <div key={n} className="fact">
          <dt>{label(n, props[n], i18n.language)}</dt>
          <dd>{display(data[n], props[n], t('common.yes'), t('common.no'), i18n.language)}</dd>
        </div>
      ))}
    </dl>
  );
}
