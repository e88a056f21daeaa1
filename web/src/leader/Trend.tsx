/** Twelve months up to the period: volumes (bars) and shares (lines), charted and as a table. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TableWrap } from '../ui/TableWrap.tsx';
import { Chart, type ChartOption } from './Chart.tsx';
import { count, monthLabel, share } from './format.ts';
import type { Month } from './types.ts';

const COLORS = { received: '#1f5aa6', settled: '#2e8b57', late: '#c0392b', onTime: '#2e8b57', online: '#8a4fbf' };

export function Trend({ months }: { months: Month[] }) {
  const { t, i18n } = useTranslation('leader');
  const lang = i18n.language;
  const labels = months.map((m) => monthLabel(m.month, lang));
  const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
  const volume = useMemo<ChartOption>(() => ({
    animation: false,
    color: [COLORS.received, COLORS.settled, COLORS.late],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 12, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('ioc.trend.received'), type: 'bar', data: months.map((m) => m.received) },
      { name: t('ioc.trend.settled'), type: 'bar', data: months.map((m) => m.settled) },
      { name: t('ioc.trend.late'), type: 'line', data: months.map((m) => m.late), symbolSize: 6 },
    ],
  }), [months, lang]); // eslint-disable-line react-hooks/exhaustive-deps
  const rates = useMemo<ChartOption>(() => ({
    animation: false,
    color: [COLORS.onTime, COLORS.online],
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v} %` : '—') },
    legend: { top: 0 },
    grid: { left: 48, right: 12, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    series: [
      { name: t('ioc.trend.onTimeRate'), type: 'line', data: months.map((m) => pct(m.onTimeRate)), connectNulls: true, symbolSize: 6 },
      { name: t('ioc.trend.onlineShare'), type: 'line', data: months.map((m) => pct(m.onlineShare)), connectNulls: true, symbolSize: 6 },
    ],
  }), [months, lang]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <section className="card" aria-labelledby="ioc-trend-title">
      <h2 id="ioc-trend-title">{t('ioc.trend.title')}</h2>
      <div className="ioc-charts">
        <figure>
          <figcaption>{t('ioc.trend.volume')}</figcaption>
          <Chart option={volume} label={t('ioc.trend.volume')} />
        </figure>
        <figure>
          <figcaption>{t('ioc.trend.rates')}</figcaption>
          <Chart option={rates} label={t('ioc.trend.rates')} />
        </figure>
      </div>
      <details>
        <summary>{t('ioc.trend.table')}</summary>
        <TableWrap label={t('ioc.trend.table')}>
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{t('ioc.trend.monthCol')}</th><th scope="col">{t('ioc.trend.received')}</th><th scope="col">{t('ioc.trend.settled')}</th>
                <th scope="col">{t('ioc.trend.late')}</th><th scope="col">{t('ioc.trend.onTimeRate')}</th><th scope="col">{t('ioc.trend.onlineShare')}</th>
              </tr>
            </thead>
            <tbody>
              {months.map((m, i) => (
                <tr key={m.month}>
                  <th scope="row">{labels[i]}</th><td>{count(m.received, lang)}</td><td>{count(m.settled, lang)}</td><td>{count(m.late, lang)}</td>
                  <td>{share(m.onTimeRate, lang)}</td><td>{share(m.onlineShare, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </details>
    </section>
  );
}
