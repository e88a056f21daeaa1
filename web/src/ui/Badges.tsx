/** Status and deadline badges: colour plus text (never colour alone). */
import { useTranslation } from 'react-i18next';
import type { DeadlineState, StatusName } from '../api/types.ts';

export function StatusBadge({ code, name }: { code: number; name: StatusName }) {
  const { i18n } = useTranslation();
  const text = i18n.language === 'en' ? name.en : name.vi;
  return <span className={`badge status-${code}`}>{text}</span>;
}

export function DeadlineBadge({ state }: { state: DeadlineState | null | undefined }) {
  const { t } = useTranslation();
  if (!state) return null;
  return <span className={`badge deadline-${state}`}>{t(`deadline.${state}`)}</span>;
}
