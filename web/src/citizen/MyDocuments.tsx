/**
 * "Giấy tờ của tôi": the citizen's personal document store — every signed, issued result of their
 * dossiers, newest first, with the procedure, the dossier, the date, the signers, a download of the
 * signed PDF and the link to its public verification.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../api/client.ts';
import type { MyDocument } from '../api/documents.ts';
import { DocumentCard } from '../dossier/DocumentCard.tsx';
import { ErrorBox, Loading, PageHeader } from '../ui/Feedback.tsx';
import { useApi } from '../ui/useApi.ts';

export default function MyDocuments() {
  const { t } = useTranslation(['citizen', 'dossier']);
  const list = useApi((signal) => api<{ items: MyDocument[] }>('/me/documents', { signal }), []);
  const items = list.data?.items ?? [];

  return (
    <section>
      <PageHeader title={t('myDocs.title')}>
        <p className="lead">{t('myDocs.lead')}</p>
      </PageHeader>
      {list.loading && <Loading />}
      <ErrorBox error={list.error} />
      {list.data && items.length === 0 && <p className="empty">{t('myDocs.none')}</p>}
      <ul className="cards">
        {items.map((d) => (
          <li key={d.id} className="card">
            <DocumentCard doc={d} code={d.dossier.code} issuedAt={d.addedAt} level={2}>
              <div className="fact"><dt>{t('myDocs.procedure')}</dt><dd>{d.dossier.procedure.name}</dd></div>
              <div className="fact">
                <dt>{t('myDocs.dossier')}</dt>
                <dd><Link className="dossier-code" to={`/me/dossiers/${d.dossier.code}`}>{d.dossier.code}</Link></dd>
              </div>
            </DocumentCard>
          </li>
        ))}
      </ul>
    </section>
  );
}
