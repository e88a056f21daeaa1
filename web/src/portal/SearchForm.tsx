import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../ui/useApi.ts';
import { agencyKinds, fields } from '../api/catalog.ts';

export interface SearchValues {
  q: string;
  field: string;
  agency: string;
  level: string;
  online: string;
}

export function SearchForm({ values, onSearch }: { values: SearchValues; onSearch: (v: SearchValues) => void }) {
  const { t, i18n } = useTranslation('portal');
  const [v, setV] = useState(values);
  const [more, setMore] = useState(Boolean(values.field || values.agency || values.level || values.online));
  useEffect(() => setV(values), [values.q, values.field, values.agency, values.level, values.online]); // eslint-disable-line react-hooks/exhaustive-deps
  const fieldList = useApi(() => fields(), []);
  const kinds = useApi(() => agencyKinds(), []);
  const en = i18n.language === 'en';

  function submit(e: FormEvent) {
    e.preventDefault();
    onSearch(v);
  }
  const select = (name: keyof SearchValues, label: string, options: [string, string][]) => (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} value={v[name]} onChange={(e) => {
        const next = { ...v, [name]: e.target.value };
        setV(next);
        onSearch(next);
      }}>
        <option value="">{t('home.any')}</option>
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
    </div>
  );

  return (
    <form role="search" className="search-form" onSubmit={submit} aria-label={t('home.searchLabel')}>
      <div className="search-row">
        <label htmlFor="q" className="visually-hidden">{t('home.searchLabel')}</label>
        <input id="q" type="search" name="q" value={v.q} placeholder={t('home.searchPlaceholder')} autoComplete="off"
          onChange={(e) => setV({ ...v, q: e.target.value })} aria-describedby="q-hint" />
        <button type="submit" className="btn btn-accent">{t('home.search')}</button>
      </div>
      <p id="q-hint" className="hint on-dark">{t('home.searchHint')}</p>
      <button type="button" className="link-button on-dark" aria-expanded={more} aria-controls="filters" onClick={() => setMore(!more)}>
        {more ? t('home.hideFilters') : t('home.showFilters')}
      </button>
      <div id="filters" className="filters" hidden={!more}>
        {select('field', t('home.field'), (fieldList.data ?? []).map((f) => [f.code, f.name]))}
        {select('agency', t('home.agency'), (kinds.data ?? []).map((k) => [k.kind, k.agency ? (en ? k.agency.name_en : k.agency.name) : t(`agencyKinds.${k.kind}`)]))}
        {select('level', t('home.level'), [['province', t('levels.province')], ['commune', t('levels.commune')]])}
        {select('online', t('home.online'), [['full', t('online.full')], ['partial', t('online.partial')], ['none', t('online.none')]])}
      </div>
    </form>
  );
}
