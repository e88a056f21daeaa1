/**
 * "Xác thực giấy tờ": anyone uploads a signed PDF and reads the verification report in words
 * (POST /api/v1/verify; nothing is stored). Reachable from the menu and from the QR code's page.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { verifyPdf, type VerifyReport as Report } from '../api/documents.ts';
import { ErrorBox, PageHeader } from '../ui/Feedback.tsx';
import { VerifyReport } from './VerifyReport.tsx';
import '../dossier/documents.css';

const NOT_PDF = new Set(['unsupported-file-type', 'unsupported-media-type']);

export default function VerifyDocument() {
  const { t, i18n } = useTranslation(['portal', 'dossier']);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ name: string; report: Report }>();
  const [error, setError] = useState<unknown>();
  const reportRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (done) reportRef.current?.focus();
  }, [done]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file || busy) return;
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      setDone({ name: file.name, report: await verifyPdf(file, i18n.language) });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const notPdf = error instanceof ApiError && NOT_PDF.has(error.type);
  return (
    <section>
      <PageHeader title={t('verification.title')}>
        <p className="lead">{t('verification.lead')}</p>
      </PageHeader>
      <form className="card verify-form" onSubmit={submit}>
        <label htmlFor="verify-file">{t('verification.file')}</label>
        <span id="verify-file-hint" className="hint">{t('verification.fileHint')}</span>
        <input id="verify-file" name="file" type="file" accept="application/pdf,.pdf" required aria-describedby="verify-file-hint"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <button type="submit" className="btn btn-primary" disabled={busy} aria-busy={busy}>{t('verification.submit')}</button>
        {busy && <p className="muted" role="status">{t('verification.checking')}</p>}
      </form>
      {notPdf ? <p className="alert alert-error" role="alert">{t('verification.notPdf')}</p> : <ErrorBox error={error} />}
      {done && <VerifyReport ref={reportRef} report={done.report} fileName={done.name} />}
    </section>
  );
}
