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
import { useApi } from '../ui/useApi.ts';

interface Issued { id: string; title: string }
/** The server's judgement (GET /dossiers/{code}/certified-copies): may this officer certify, and what is certified. */
interface Certification { certifiable: boolean; reason: string | null; copies: { fileId: string; documentId: string; title: string }[] }

export function CertifyCopies({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation('desk');
  const { user } = useSession();
  const [issued, setIssued] = useState<Record<string, Issued>>({});
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();
  const asks = can(user, 'counter_intake') && dossier.files.length > 0;
  const state = useApi((signal) => (asks ? api<Certification>(`/dossiers/${encodeURIComponent(dossier.code)}/certified-copies`, { signal }) : Promise.resolve(null)), [dossier.code, asks]);
  if (!state.data?.certifiable) return null;
  const certified = new Map(state.data.copies.map((c) => [c.fileId, { id: c.documentId, title: c.title }]));

  async function certify(fileId: string) {
    setBusy(fileId);
    setError(undefined);
    try {
      const doc = await api<Issued>(`/dossiers/${encodeURIComponent(dossier.code)}/certified-copies`, { body: { fileId } });
      setIssued((m) => ({ ...m, [fileId]: doc }));
    } catch (err) {
      setError(err);
      // Certified meanwhile (another tab, a reload): show the copy the server has.
      state.reload();
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
          const done = issued[f.fileId] ?? certified.get(f.fileId);
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
