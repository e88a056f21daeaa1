/** Loading indicator, error box (API problems in the UI language) and the page title hook. */
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label ?? t('common.loading')}
    </p>
  );
}

/**
 * The message for an error: the problem's title (known types through i18n, else the server's localized
 * title) and, when the server wrote one for people, its plain detail in the UI language. A developer's
 * detail (English API text: media types, field names, byte counts) is not shown.
 */
export function useErrorText() {
  const { t, i18n } = useTranslation();
  return (err: unknown): string => {
    if (err instanceof ApiError) {
      const key = `problems.${err.type}`;
      const base = i18n.exists(key) ? t(key) : err.title;
      const plain = err.type === 'version-conflict' ? undefined : plainDetail(err, i18n.language);
      return plain && plain !== base ? `${/[.!?…]$/.test(base) ? base : `${base}.`} ${plain}` : base;
    }
    return t('problems.unexpected');
  };
}

/** A problem's detail written for people, in the UI language: `detailVi`/`detailEn`, or an older "Vietnamese / English" detail. */
export function plainDetail(err: ApiError, lang: string): string | undefined {
  const own = lang === 'en' ? err.body.detailEn : err.body.detailVi;
  if (typeof own === 'string' && own) return own;
  if (err.detail && err.detail.split(' / ').length === 2) return localDetail(err.detail, lang);
  return undefined;
}

/** Server field details are often "Vietnamese / English": keep the part in the UI language. */
export function localDetail(detail: string, lang: string): string {
  const parts = detail.split(' / ');
  if (parts.length !== 2) return detail;
  return lang === 'en' ? parts[1]! : parts[0]!;
}

export function ErrorBox({ error, children }: { error: unknown; children?: ReactNode }) {
  const text = useErrorText();
  const { i18n } = useTranslation();
  if (!error) return null;
  const fields = error instanceof ApiError ? error.errors : [];
  return (
    <div className="alert alert-error" role="alert">
      <p>{text(error)}</p>
      {fields.length > 0 && (
        <ul>
          {fields.slice(0, 8).map((f) => <li key={f.pointer + f.detail}>{localDetail(f.detail, i18n.language)}</li>)}
        </ul>
      )}
      {children}
    </div>
  );
}

export function useTitle(title: string | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} — ${t('app.shortName')}` : t('app.title');
  }, [title, t]);
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  useTitle(title);
  return (
    <header className="page-header">
      <h1 id="page-title">{title}</h1>
      {children}
    </header>
  );
}
