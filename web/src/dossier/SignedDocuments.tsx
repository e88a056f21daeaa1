/**
 * A dossier's signed documents for its applicant: the result first (with a note that it can be
 * downloaded), then the forms the agency issued (receipt, control sheet, …), each downloadable.
 */
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { SignedDocument } from '../api/documents.ts';
import { ErrorBox, Loading } from '../ui/Feedback.tsx';
import { useApi } from '../ui/useApi.ts';
import { DocumentCard } from './DocumentCard.tsx';

export function SignedDocuments({ code }: { code: string }) {
  const { t } = useTranslation('dossier');
  const docs = useApi((signal) => api<{ items: SignedDocument[] }>(`/dossiers/${encodeURIComponent(code)}/documents`, { signal }), [code]);
  const items = (docs.data?.items ?? []).filter((d) => d.status === undefined || d.status === 'issued');
  const sorted = [...items.filter((d) => d.kind === 'result'), ...items.filter((d) => d.kind !== 'result')];
  const result = sorted[0]?.kind === 'result';

  return (
    <section className="card" aria-labelledby="signed-title">
      <h2 id="signed-title">{t('signedDocs.title')}</h2>
      {docs.loading && <Loading />}
      <ErrorBox error={docs.error} />
      {result && <p className="alert alert-success">{t('signedDocs.resultReady')}</p>}
      {docs.data && sorted.length === 0 && <p className="muted">{t('signedDocs.none')}</p>}
      <ul className="signed-docs">
        {sorted.map((d) => (
          <li key={d.id}><DocumentCard doc={d} code={code} issuedAt={d.updatedAt ?? d.createdAt} /></li>
        ))}
      </ul>
    </section>
  );
}
