/** Period (month, quarter or year) and, for the province's administrators, the agency to look at. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '../api/types.ts';
import { periodParts, type PeriodKind as Kind } from './format.ts';

export interface FilterValue {
  period: string;
  /** '' = the whole province. */
  agencyId: string;
}

function format(kind: Kind, year: number, n: number): string {
  if (kind === 'quarter') return `${year}-Q${n}`;
  if (kind === 'month') return `${year}-${String(n).padStart(2, '0')}`;
  return String(year);
}

export function Filters({ value, agencies, onApply }: { value: FilterValue; agencies: Agency[] | null; onApply: (v: FilterValue) => void }) {
  const { t, i18n } = useTranslation('leader');
  const start = periodParts(value.period);
  const [kind, setKind] = useState<Kind>(start.kind);
  const [year, setYear] = useState(start.year);
  const [n, setN] = useState(start.n);
  const [agencyId, setAgencyId] = useState(value.agencyId);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 4 }, (_, i) => thisYear - i);
  if (!years.includes(year)) years.push(year);

  function submit(e: FormEvent) {
    e.preventDefault();
    onApply({ period: format(kind, year, kind === 'quarter' ? Math.min(n, 4) : n), agencyId });
  }

  const name = (a: Agency) => (i18n.language === 'en' ? a.name_en : a.name);
  return (
    <form className="ioc-filters card" onSubmit={submit} aria-label={t('ioc.filters')}>
      <div>
        <label htmlFor="ioc-kind">{t('ioc.periodKind')}</label>
        <select id="ioc-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {(['month', 'quarter', 'year'] as const).map((k) => <option key={k} value={k}>{t(`ioc.kinds.${k}`)}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="ioc-year">{t('ioc.year')}</label>
        <select id="ioc-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </div>
      {kind !== 'year' && (
        <div>
          <label htmlFor="ioc-n">{kind === 'month' ? t('ioc.month') : t('ioc.quarter')}</label>
          <select id="ioc-n" value={kind === 'quarter' ? Math.min(n, 4) : n} onChange={(e) => setN(Number(e.target.value))}>
            {Array.from({ length: kind === 'month' ? 12 : 4 }, (_, i) => i + 1).map((i) => (
              <option key={i} value={i}>{kind === 'month' ? t('ioc.monthN', { n: i }) : t('ioc.quarterN', { n: i })}</option>
            ))}
          </select>
        </div>
      )}
      {agencies && (
        <div className="ioc-agency">
          <label htmlFor="ioc-agency">{t('ioc.agency')}</label>
          <select id="ioc-agency" value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
            <option value="">{t('ioc.allProvince')}</option>
            {[...agencies].sort((a, b) => name(a).localeCompare(name(b), i18n.language)).map((a) => <option key={a.id} value={a.id}>{name(a)}</option>)}
          </select>
        </div>
      )}
      <div className="ioc-apply">
        <button type="submit" className="btn btn-primary">{t('ioc.show')}</button>
      </div>
    </form>
  );
}
