/**
 * The verification report in words: the verdict and its reasons, the document (registered by this
 * system or not), each signature (who, when, correct, trusted, revoked) and the dossier's public summary.
 */
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { verifyPageUrl, type SignatureReport, type VerifyReport as Report } from '../api/documents.ts';
import { formatDateTime } from '../ui/format.ts';

function Check({ ok, yes, no }: { ok: boolean; yes: string; no: string }) {
  return <li className={ok ? 'check-ok' : 'check-bad'}><span aria-hidden="true">{ok ? '✔ ' : '✘ '}</span>{ok ? yes : no}</li>;
}

function Signature({ s }: { s: SignatureReport }) {
  const { t, i18n } = useTranslation('dossier');
  const when = s.timestamp?.genTime ?? s.claimedSigningTime;
  const who = [s.signer?.title, s.signer?.organization].filter(Boolean).join(' · ');
  return (
    <li>
      <p><strong>{s.signer?.commonName ?? '—'}</strong>{who && <><br /><span className="muted">{who}</span></>}</p>
      <dl className="facts">
        <div className="fact">
          <dt>{t('verification.signedAt')}</dt>
          <dd>{formatDateTime(when, i18n.language)}{s.timestamp && <> {t('verification.timestamped')}</>}</dd>
        </div>
      </dl>
      <ul className="checks">
        <Check ok={s.digestMatches && s.signatureValid} yes={t('verification.signatureOk')} no={t('verification.signatureBad')} />
        <Check ok={s.chainTrusted} yes={t('verification.chainOk')} no={t('verification.chainBad')} />
        <li className={s.revocation === 'good' ? 'check-ok' : s.revocation === 'unknown' ? '' : 'check-bad'}>{t(`verification.revocation.${s.revocation}`)}</li>
      </ul>
    </li>
  );
}

export const VerifyReport = forwardRef<HTMLElement, { report: Report; fileName: string }>(function VerifyReport({ report: r, fileName }, ref) {
  const { t, i18n } = useTranslation('dossier');
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const doc = r.document;
  const d = r.dossier;
  return (
    <section className="card verify-report" aria-labelledby="report-title" tabIndex={-1} ref={ref}>
      <h2 id="report-title">{t('verification.report')}</h2>
      <p className="muted">{t('verification.checkedFile', { name: fileName })}</p>
      <div className={r.valid ? 'verdict verdict-ok' : 'verdict verdict-bad'}>
        <h3>{r.valid ? t('verification.valid') : t('verification.invalid')}</h3>
        <p>{r.valid ? t('verification.validLead') : t('verification.invalidLead')}</p>
        {r.problems.length > 0 && <ul>{r.problems.map((p, i) => <li key={`${p.code}-${i}`}>{p[lang]}</li>)}</ul>}
      </div>

      <h3>{t('verification.document')}</h3>
      <p className={doc ? 'check-ok' : 'check-bad'}>{doc ? t('verification.registered') : t('verification.notRegistered')}</p>
      {!doc && r.claimedDocumentId && <p>{t('verification.claimed', { id: r.claimedDocumentId })}</p>}
      {doc && !doc.current && <p>{t('verification.earlier')}</p>}
      {doc?.status === 'superseded' && <p className="check-bad">{t('verification.superseded')}</p>}
      {doc?.status === 'signed' && <p>{t('verification.notIssued')}</p>}
      <dl className="facts">
        {doc && (
          <>
            <div className="fact"><dt>{t('verification.docTitle')}</dt><dd>{doc.title}</dd></div>
            <div className="fact"><dt>{t('verification.kind')}</dt><dd>{doc.kindName[lang]}</dd></div>
            <div className="fact"><dt>{t('verification.issuedAt')}</dt><dd>{formatDateTime(doc.issuedAt, i18n.language)}</dd></div>
            <div className="fact"><dt>{t('verification.documentId')}</dt><dd><code>{doc.id}</code></dd></div>
          </>
        )}
        <div className="fact">
          <dt>{t('verification.intact')}</dt>
          <dd className={r.intact ? 'check-ok' : 'check-bad'}>{r.intact ? t('verification.intactYes') : t('verification.intactNo')}</dd>
        </div>
      </dl>

      <h3>{t('verification.signatures')} ({r.signatures.length})</h3>
      {r.signatures.length === 0
        ? <p>{t('verification.noSignatures')}</p>
        : <ol className="sig-list">{r.signatures.map((s) => <Signature key={s.index} s={s} />)}</ol>}

      {d && (
        <>
          <h3>{t('verification.dossier')}</h3>
          <dl className="facts">
            <div className="fact"><dt>{t('verification.dossierCode')}</dt><dd className="dossier-code">{d.code}</dd></div>
            <div className="fact"><dt>{t('verification.procedure')}</dt><dd>{d.procedure.name}</dd></div>
            <div className="fact"><dt>{t('verification.status')}</dt><dd>{d.statusName[lang]}</dd></div>
            {d.handlingAgency && <div className="fact"><dt>{t('verification.agency')}</dt><dd>{d.handlingAgency.name}</dd></div>}
          </dl>
        </>
      )}
      {doc && <p><a href={verifyPageUrl(doc.id)}>{t('verification.details')}</a></p>}
    </section>
  );
});
