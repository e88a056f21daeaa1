/**
 * Form 05 — the processing control sheet (Phiếu kiểm soát quá trình giải quyết hồ sơ): who handed
 * the dossier to whom, when, and whether each step finished within its allowance.
 */
import { useTranslation } from 'react-i18next';
import type { Dossier, HistoryEntry } from '../api/types.ts';
import { formatDateTime } from '../ui/format.ts';
import { TableWrap } from '../ui/TableWrap.tsx';

/** On time or late: an entry that ends a step is compared with that step's deadline. */
function timing(h: HistoryEntry, prev: HistoryEntry | undefined): 'early' | 'on_time' | 'late' | null {
  const due = prev?.stepDueAt;
  if (!due || !prev || prev.stepId === null) return null;
  if (h.stepId === prev.stepId && h.stepStartedAt === prev.stepStartedAt) return null;
  const at = Date.parse(h.at);
  const dueMs = Date.parse(due);
  if (at > dueMs) return 'late';
  return at < dueMs - 3_600_000 ? 'early' : 'on_time';
}

export function Form05({ dossier }: { dossier: Dossier }) {
  const { t, i18n } = useTranslation('dossier');
  return (
    <section className="card" aria-labelledby="form05-title">
      <h2 id="form05-title">{t('form05.title')}</h2>
      <p className="muted">{t('form05.lead', { code: dossier.code })}</p>
      <TableWrap label={t('form05.title')}>
        <table className="table form05 responsive">
          <caption className="visually-hidden">{t('form05.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('form05.no')}</th>
              <th scope="col">{t('form05.at')}</th>
              <th scope="col">{t('form05.by')}</th>
              <th scope="col">{t('form05.content')}</th>
              <th scope="col">{t('form05.stepDue')}</th>
              <th scope="col">{t('form05.result')}</th>
            </tr>
          </thead>
          <tbody>
            {dossier.history.map((h, i) => {
              const r = timing(h, dossier.history[i - 1]);
              return (
                <tr key={h.seq}>
                  <td data-label={t('form05.no')}>{h.seq}</td>
                  <td data-label={t('form05.at')}>{formatDateTime(h.at, i18n.language)}</td>
                  <td data-label={t('form05.by')}>{h.actorName}{h.actorTitle && <><br /><span className="muted">{h.actorTitle}</span></>}{h.unitName && <><br /><span className="muted">{h.unitName}</span></>}</td>
                  <td data-label={t('form05.content')}>{t(`actionNames.${h.action}`, { defaultValue: h.action })}{h.note && h.note !== t(`actionNames.${h.action}`, { lng: 'vi' }) && <><br /><span className="muted">{h.note}</span></>}</td>
                  <td data-label={t('form05.stepDue')}>{formatDateTime(h.stepDueAt, i18n.language)}</td>
                  <td data-label={t('form05.result')}>{r ? <span className={`badge timing-${r}`}>{t(`form05.timing.${r}`)}</span> : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
