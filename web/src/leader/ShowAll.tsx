/** Long tables show their first rows; a button shows the rest (and hides them again). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function useShowAll<T>(items: T[], first: number) {
  const [all, setAll] = useState(false);
  return { shown: all ? items : items.slice(0, first), all, toggle: () => setAll(!all), more: items.length > first, total: items.length };
}

export function ShowAllButton({ state, controls }: { state: ReturnType<typeof useShowAll>; controls: string }) {
  const { t } = useTranslation('leader');
  if (!state.more) return null;
  return (
    <button type="button" className="btn btn-ghost" aria-expanded={state.all} aria-controls={controls} onClick={state.toggle}>
      {state.all ? t('ioc.tables.showFewer') : t('ioc.tables.showAll', { count: state.total })}
    </button>
  );
}
