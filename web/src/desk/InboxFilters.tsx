import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface Filters {
  status: string;
  due: string;
  procedure: string;
  code: string;
}

const OPEN_STATUSES = [1, 2, 4, 5, 6, 7, 9];

export function InboxFilters({ value, onApply }: { value: Filters; onApply(f: Filters): void }) {
  const { t } = useTranslation('desk');
  const [f, setF] = useState(value);
  const [more, setMore] = useState(() => Boolean(value.status || value.due || value.procedure) || window.matchMedia('(min-width: 700px)').matches);
  useEffect(() => setF(value), [value.status, value.due, value.procedure, value.code]); // eslint-disable-line react-hooks/exhaustive-deps

  function submit(e: FormEvent) {
    e.preventDefault();
    onApply(f);
  }
  return (
    <form className="card filters-bar" onSubmit={submit} role="search" aria-label={t('inbox.filters')}>
      <div className="field">
        <label htmlFor="ib-code">{t('inbox.code')}</label>
        <input id="ib-code" type="search" value={f.code} placeholder={t('inbox.codePlaceholder')} onChange={(e) => setF({ ...f, code: e.target.value })} />
      </div>
      <button type="button" className="link-button more-filters" aria-expanded={more} aria-controls="ib-more" onClick={() => setMore(!more)}>
        {more ? t('inbox.fewer') : t('inbox.more')}
      </button>
      <div id="ib-more" className="more-fields" hidden={!more}>
        <div className="field">
          <label htmlFor="ib-status">{t('inbox.status')}</label>
          <select id="ib-status" value={f.status} onChange={(e) => setF({ ...f, status: e.target.value })}>
            <option value="">{t('inbox.allOpen')}</option>
            {OPEN_STATUSES.map((s) => <option key={s} value={s}>{t(`statuses.${s}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ib-due">{t('inbox.due')}</label>
          <select id="ib-due" value={f.due} onChange={(e) => setF({ ...f, due: e.target.value })}>
            <option value="">{t('inbox.anyDue')}</option>
            <option value="soon">{t('deadline.nearing_due')}</option>
            <option value="overdue">{t('deadline.overdue')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="ib-proc">{t('inbox.procedure')}</label>
          <input id="ib-proc" value={f.procedure} placeholder="1.001193" onChange={(e) => setF({ ...f, procedure: e.target.value })} />
        </div>
      </div>
      <div className="filters-actions">
        <button type="submit" className="btn btn-primary">{t('inbox.apply')}</button>
        <button type="button" className="btn" onClick={() => onApply({ status: '', due: '', procedure: '', code: '' })}>{t('inbox.clear')}</button>
      </div>
    </form>
  );
}
