/**
 * Form 01 — the receipt and appointment slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả, Circular
 * 01/2018/TT-VPCP), printable on A4 by the print stylesheet.
 */
import { useTranslation } from 'react-i18next';
import type { Dossier, Procedure } from '../api/types.ts';
import { vnParts } from '../ui/format.ts';

const RECEPTION = ['receive', 'register_counter'];

export function Form01({ dossier: d, procedure: p }: { dossier: Dossier; procedure: Procedure | undefined }) {
  const { t, i18n } = useTranslation('portal');
  const en = i18n.language === 'en';
  const desk = en ? d.deskAgency.nameEn : d.deskAgency.name;
  const when = (iso: string) => t('form01.when', vnParts(iso));
  const receiver = d.history.find((h) => RECEPTION.includes(h.action));
  const channel = p?.channels.find((c) => c.channel === d.channel) ?? p?.channels[0];
  // The counter's checklist says how each component was received and how many copies.
  const checklist = new Map((d.components ?? []).map((c) => [c.componentCode, c]));
  const components = (p?.components ?? []).filter((c) => checklist.has(c.code) || d.files.some((f) => f.componentCode === c.code));
  const kindOf = (c: { code: string; originals: number }) => {
    const form = checklist.get(c.code)?.form;
    if (form) return form === 'certified_copy' ? t('form01.certifiedCopy') : form === 'original' ? t('form01.original') : t('form01.copy');
    return d.channel === 'online' ? t('form01.electronic') : c.originals ? t('form01.original') : t('form01.copy');
  };
  const str = (k: string) => (typeof d.formData[k] === 'string' ? (d.formData[k] as string) : '');

  return (
    <article className="form01 paper" aria-labelledby="form01-title">
      <header className="paper-head">
        <div>
          <p className="upper">{desk}</p>
          <p className="small">{t('form01.deskUnit')}</p>
        </div>
        <div>
          <p className="upper strong">{t('form01.nation')}</p>
          <p className="strong underline">{t('form01.motto')}</p>
        </div>
      </header>
      <p className="form-no">{t('form01.number')}</p>
      <h2 id="form01-title" className="paper-title">{t('form01.title')}</h2>
      <p className="center">{t('form01.code')}: <strong className="dossier-code">{d.code}</strong></p>

      <p>{t('form01.deskReceives', { desk })}</p>
      <p>{t('form01.from')}: <strong>{d.applicant.name}</strong></p>
      <p>{t('form01.idNumber')}: {d.applicant.idNumber}</p>
      {str('address') && <p>{t('form01.address')}: {str('address')}</p>}
      <p>{t('form01.phone')}: {str('applicantPhone') || '—'}{str('applicantEmail') && <> · {t('form01.email')}: {str('applicantEmail')}</>}</p>
      <p>{t('form01.request')}: <strong>{d.procedure.name}</strong></p>

      <h3>{t('form01.components')}</h3>
      <table className="table paper-table">
        <thead><tr><th scope="col">{t('form01.no')}</th><th scope="col">{t('form01.document')}</th><th scope="col">{t('form01.kind')}</th><th scope="col">{t('form01.quantity')}</th></tr></thead>
        <tbody>
          {components.map((c, i) => (
            <tr key={c.code}>
              <td>{i + 1}</td>
              <td>{c.name}</td>
              <td>{kindOf(c)}</td>
              <td>{checklist.get(c.code)?.copies ?? d.files.filter((f) => f.componentCode === c.code).length}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ol className="paper-list" start={2}>
        <li>{t('form01.sets')}</li>
        <li>{t('form01.timeLimit')}: {channel?.workingDays != null ? t('procedure.days', { count: channel.workingDays }) : (channel?.timeText ?? '—')}</li>
        <li>{t('form01.receivedAt')}: {d.receivedAt ? when(d.receivedAt) : t('form01.submittedOnline', { when: when(d.submittedAt) })}</li>
        <li>{t('form01.returnAt')}: <strong>{d.dueAt ? when(d.dueAt) : t('form01.dueOnReception')}</strong></li>
        <li>{t('form01.returnPlace')}: {desk}</li>
      </ol>
      <div className="signatures">
        <div><p className="strong upper">{t('form01.applicantSign')}</p><p className="small">{t('form01.signHint')}</p><p className="sign-name">{d.applicant.name}</p></div>
        <div><p className="strong upper">{t('form01.receiverSign')}</p><p className="small">{t('form01.signHint')}</p><p className="sign-name">{receiver?.actorName ?? ''}</p></div>
      </div>
    </article>
  );
}
