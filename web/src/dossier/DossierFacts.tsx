/** The dossier's heading facts: procedure, status, dates, deadline state and agencies. */
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../api/types.ts';
import { DeadlineBadge, StatusBadge } from '../ui/Badges.tsx';
import { formatDateTime } from '../ui/format.ts';

export function DossierFacts({ dossier: d }: { dossier: Dossier }) {
  const { t, i18n } = useTranslation('dossier');
  const en = i18n.language === 'en';
  return (
    <section className="card facts-card" aria-label={t('dossier.summary')}>
      <p className="status-line">
        <StatusBadge code={d.statusCode} name={d.statusName} />
        <DeadlineBadge state={d.deadlineState} />
        {d.rescheduled && <span className="badge">{t('dossier.rescheduled')}</span>}
      </p>
      <dl className="facts">
        <div className="fact"><dt>{t('dossier.procedure')}</dt><dd>{d.procedure.name}</dd></div>
        <div className="fact"><dt>{t('dossier.applicant')}</dt><dd>{d.applicant.name}</dd></div>
        <div className="fact"><dt>{t('dossier.channel')}</dt><dd>{t(`channels.${d.channel}`)}</dd></div>
        <div className="fact"><dt>{t('dossier.submittedAt')}</dt><dd>{formatDateTime(d.submittedAt, i18n.language)}</dd></div>
        <div className="fact"><dt>{t('dossier.receivedAt')}</dt><dd>{formatDateTime(d.receivedAt, i18n.language)}</dd></div>
        <div className="fact"><dt>{t('dossier.dueAt')}</dt><dd className="due">{d.dueAt ? formatDateTime(d.dueAt, i18n.language) : t('dossier.dueOnReception')}</dd></div>
        <div className="fact"><dt>{t('dossier.desk')}</dt><dd>{en ? d.deskAgency.nameEn : d.deskAgency.name}</dd></div>
        <div className="fact"><dt>{t('dossier.handling')}</dt><dd>{en ? d.handlingAgency.nameEn : d.handlingAgency.name}</dd></div>
        {d.rating && <div className="fact"><dt>{t('dossier.rating')}</dt><dd>{t(`ratings.${d.rating}`)}</dd></div>}
      </dl>
    </section>
  );
}
