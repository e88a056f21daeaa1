import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ProcedureSummary } from '../api/types.ts';

export function OnlineBadge({ level }: { level: ProcedureSummary['onlineLevel'] }) {
  const { t } = useTranslation('portal');
  return <span className={`badge online-${level ?? 'none'}`}>{t(`online.${level ?? 'none'}`)}</span>;
}

export function ProcedureList({ items, compact = false }: { items: ProcedureSummary[]; compact?: boolean }) {
  const { t } = useTranslation('portal');
  return (
    <ul className={compact ? 'cards grid' : 'cards'}>
      {items.map((p) => {
        const days = p.channels.find((c) => c.channel === 'online')?.workingDays ?? p.channels[0]?.workingDays;
        return (
          <li key={p.code} className="card procedure-card">
            <h3><Link to={`/procedures/${p.code}`}>{p.name}</Link></h3>
            <p className="meta">
              <span>{p.fieldName}</span>
              <span>{t(`levels.${p.level}`)}</span>
              {days != null && <span>{t('procedure.days', { count: days })}</span>}
            </p>
            <OnlineBadge level={p.onlineLevel} />
          </li>
        );
      })}
    </ul>
  );
}
