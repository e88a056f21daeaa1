/**
 * One signed document (a result, a form the agency sealed): its title, kind, date and signers, a
 * download of the signed PDF and a link to its public verification page. `children` adds facts
 * (the citizen's document store names the procedure and the dossier).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { documentPdfUrl, pdfName, verifyPageUrl, type SignedDocument } from '../api/documents.ts';
import { formatDate } from '../ui/format.ts';
import './documents.css';

/** Who signed, once each: the leader by name, the agency by its seal (its name). */
export function signerNames(doc: SignedDocument): string[] {
  return [...new Set(doc.signers.map((s) => s.name))];
}

export function DocumentCard({ doc, code, issuedAt, level = 3, children }: {
  doc: SignedDocument; code: string; issuedAt: string | undefined; level?: 2 | 3; children?: ReactNode;
}) {
  const { t, i18n } = useTranslation('dossier');
  const Heading = level === 2 ? 'h2' : 'h3';
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <article className={doc.kind === 'result' ? 'signed-doc is-result' : 'signed-doc'}>
      <Heading className="signed-doc-title">{doc.title}</Heading>
      <p className="meta">
        {doc.kind === 'result' && <span className="badge result-badge">{t('signedDocs.result')}</span>}
        <span>{doc.kindName[lang]}</span>
      </p>
      <dl className="facts">
        {children}
        <div className="fact"><dt>{t('signedDocs.issuedAt')}</dt><dd>{formatDate(issuedAt, i18n.language)}</dd></div>
        <div className="fact"><dt>{t('signedDocs.signedBy')}</dt><dd>{signerNames(doc).map((n) => <span key={n} className="signer">{n}</span>)}</dd></div>
      </dl>
      <p className="doc-actions">
        <a className={doc.kind === 'result' ? 'btn btn-primary btn-small' : 'btn btn-outline btn-small'} href={documentPdfUrl(code, doc.id)} download={pdfName(doc.title)}
          aria-label={t('signedDocs.downloadOf', { title: doc.title })}>{t('signedDocs.download')}</a>
        {/* The verification page is the server's (the QR code's target), not a route of this application. */}
        <a className="btn btn-outline btn-small" href={verifyPageUrl(doc.id)} aria-label={t('signedDocs.verifyOf', { title: doc.title })}>
          {t('signedDocs.verify')}
        </a>
      </p>
    </article>
  );
}
