/** The citizen's view of the processing history: the stages reached and each step, newest last. */
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../api/types.ts';
import { formatDateTime, formatVND } from '../ui/format.ts';

const STAGES: { key: string; reached: (codes: Set<number>) => boolean }[] = [
  { key: 'submitted', reached: () => true },
  { key: 'received', reached: (c) => [2, 4, 9, 10].some((x) => c.has(x)) },
  { key: 'processing', reached: (c) => [4, 9, 10].some((x) => c.has(x)) },
  { key: 'result', reached: (c) => c.has(9) || c.has(10) },
  { key: 'returned', reached: (c) => c.has(10) },
];

export function Timeline({ dossier }: { dossier: Dossier }) {
  const { t, i18n } = useTranslation('dossier');
  const en = i18n.language === 'en';
  const codes = new Set(dossier.history.map((h) => h.statusCode));
  const stopped = [3, 8].includes(dossier.statusCode);
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      {!stopped && (
        <ol className="stages">
          {STAGES.map((s) => {
            const reached = s.reached(codes);
            return (
              <li key={s.key} className={reached ? 'reached' : ''}>
                <span className="dot" aria-hidden="true" />
                <span>{t(`timeline.stages.${s.key}`)}</span>
                <span className="visually-hidden">{reached ? t('timeline.reached') : t('timeline.notYet')}</span>
              </li>
            );
          })}
        </ol>
      )}
      <ol className="timeline">
        {dossier.history.map((h) => (
          <li key={h.seq}>
            <time dateTime={h.at}>{formatDateTime(h.at, i18n.language)}</time>
            <p><strong>{t(`actionNames.${h.action}`, { defaultValue: h.action })}</strong> — {en ? h.statusName.en : h.statusName.vi}</p>
            {h.note && h.note !== t(`actionNames.${h.action}`, { lng: 'vi' }) && <p className="muted">{h.note}</p>}
            {typeof h.data?.reason === 'string' && <p>{t('timeline.reason')}: {h.data.reason}</p>}
            {typeof h.data?.amountVND === 'number' && <p>{t('timeline.amount', { amount: formatVND(h.data.amountVND as number, i18n.language) })}</p>}
            {Array.isArray(h.data?.items) && (
              <ul>{(h.data.items as string[]).map((it) => <li key={it}>{it}</li>)}</ul>
            )}
            {typeof h.data?.dueAt === 'string' && h.action !== 'submit' && (
              <p className="muted">{t('timeline.dueAt', { when: formatDateTime(h.data.dueAt as string, i18n.language) })}</p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
