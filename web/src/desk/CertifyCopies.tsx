/**
 * Electronic certified copies at the counter (chứng thực bản sao điện tử từ bản chính): for a dossier of
 * a certified-copy procedure, the counter officer who saw the original certifies each scan as a true
 * copy; the server signs it (officer, then the agency's seal) and it reaches the applicant's documents.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { documentPdfUrl } from '../api/documents.ts';
import type { Dossier } from '../api/types.ts';
import { can, useSession } from '../auth/session.tsx';
import { ErrorBox } from '../ui/Feedback.tsx';

/** A request for certified copies: the counter reception's record says so (the server decides). */
const isCertification = (d: Dossier) => d.history.some((h) => h.action === 'register_counter' && (h.data as { certification?: unknown } | null)?.certification === true);
const CLOSED = new Set([3, 8]);

interface Issued { id: string; title: string }

export function CertifyCopies({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation('desk');
  const { user } = useSession();
  const [issued, setIssued] = useState<Record<string, Issued>>({});
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();
  if (!isCertification(dossier) || CLOSED.has(dossier.statusCode) || !can(user, 'counter_intake') || !dossier.files.length) return null;

  async function certify(fileId: string) {
    setBusy(fileId);
    setError(undefined);
    try {
      const doc = await api<Issued>(`/dossiers/${encodeURIComponent(dossier.code)}/certified-copies`, { body: { fileId } });
      setIssued((m) => ({ ...m, [fileId]: doc }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section className="card" aria-labelledby="cc-title">
      <h2 id="cc-title">{t('certify.title')}</h2>
      <p className="hint">{t('certify.lead')}</p>
      <ul className="documents">
        {dossier.files.map((f, i) => {
          const done = issued[f.fileId];
          return (
            <li key={`${f.fileId}-${i}`}>
              <p className="meta"><span>{f.name ?? f.componentCode}</span>{typeof f.pages === 'number' && <span>{t('certify.pages', { count: f.pages })}</span>}</p>
              {done
                ? <p><span className="badge ok">{t('certify.done')}</span>{' '}<a href={documentPdfUrl(dossier.code, done.id)}>{t('certify.open')}</a></p>
                : <button type="button" className="btn btn-small btn-primary" disabled={busy !== undefined} onClick={() => certify(f.fileId)}>
                    {busy === f.fileId ? t('certify.working') : t('certify.action', { name: f.name ?? f.componentCode })}
                  </button>}
            </li>
          );
        })}
      </ul>
      <ErrorBox error={error} />
    </section>
  );
}
