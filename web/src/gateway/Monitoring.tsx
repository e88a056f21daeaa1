/** Operational monitoring (GET /gateway/monitoring): totals, traffic and latency over time, the latency histogram, and per client/service rows. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { Chart, type ChartOption } from '../leader/Chart.tsx';
import { ErrorBox, Loading } from '../ui/Feedback.tsx';
import { formatDateTime, formatSize, locale } from '../ui/format.ts';
import { TableWrap } from '../ui/TableWrap.tsx';
import { useApi } from '../ui/useApi.ts';
import { GatewayFrame } from './GatewayFrame.tsx';
import type { Monitoring as Data } from './types.ts';

const PERIODS = { h1: 3_600_000, h24: 86_400_000, d7: 7 * 86_400_000 } as const;
type Period = keyof typeof PERIODS;
const GRID = { left: 48, right: 12, top: 36, bottom: 28 };

export default function Monitoring() {
  const { t, i18n } = useTranslation('gateway');
  const lang = i18n.language;
  const [period, setPeriod] = useState<Period>('h24');
  const data = useApi((signal) => {
    const to = new Date();
    const from = new Date(to.getTime() - PERIODS[period]);
    return api<Data>(`/gateway/monitoring?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`, { signal });
  }, [period]);
  const d = data.data;
  const n = (x: number) => new Intl.NumberFormat(locale(lang)).format(x);
  const time = (iso: string) => new Intl.DateTimeFormat(locale(lang), { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', ...(period === 'd7' ? { day: '2-digit', month: '2-digit' } : {}) }).format(new Date(iso));

  const traffic = useMemo<ChartOption>(() => ({
    animation: false, color: ['#1f5aa6', '#c0392b'], tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: GRID,
    xAxis: { type: 'category', data: d?.series.map((s) => time(s.at)) ?? [] }, yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('gw.monitoring.requests'), type: 'bar', data: d?.series.map((s) => s.requests) ?? [] },
      { name: t('gw.monitoring.errors'), type: 'line', data: d?.series.map((s) => s.errors) ?? [], symbolSize: 5 },
    ],
  }), [d, lang]); // eslint-disable-line react-hooks/exhaustive-deps
  const latency = useMemo<ChartOption>(() => ({
    animation: false, color: ['#8a4fbf'], tooltip: { trigger: 'axis' }, grid: { ...GRID, top: 16 },
    xAxis: { type: 'category', data: d?.series.map((s) => time(s.at)) ?? [] }, yAxis: { type: 'value', axisLabel: { formatter: '{value} ms' } },
    series: [{ name: t('gw.monitoring.p95'), type: 'line', data: d?.series.map((s) => s.p95Ms) ?? [], connectNulls: true, symbolSize: 5 }],
  }), [d, lang]); // eslint-disable-line react-hooks/exhaustive-deps
  const histogram = useMemo(() => {
    const sums = new Map<number | null, number>();
    for (const r of d?.rows ?? []) for (const b of r.buckets) sums.set(b.leMs, (sums.get(b.leMs) ?? 0) + b.count);
    const bounds = [...sums.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
    const finite = bounds.filter((b): b is number => b !== null);
    const label = (b: number | null) => (b === null ? t('gw.monitoring.over', { ms: finite.at(-1) ?? 0 }) : t('gw.monitoring.le', { ms: b }));
    return {
      rows: bounds.map((b) => ({ label: label(b), count: sums.get(b)! })),
      option: {
        animation: false, color: ['#2e8b57'], tooltip: { trigger: 'axis' }, grid: { ...GRID, top: 16 },
        xAxis: { type: 'category', data: bounds.map(label) }, yAxis: { type: 'value', minInterval: 1 },
        series: [{ name: t('gw.monitoring.requests'), type: 'bar', data: bounds.map((b) => sums.get(b)!) }],
      } as ChartOption,
    };
  }, [d, lang]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <GatewayFrame title={t('gw.monitoring.title')} lead={t('gw.monitoring.lead')} showHealthy>
      <div className="field">
        <label htmlFor="gw-mon-period">{t('gw.monitoring.period')}</label>
        <select id="gw-mon-period" value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
          {(Object.keys(PERIODS) as Period[]).map((p) => <option key={p} value={p}>{t(`gw.monitoring.periods.${p}`)}</option>)}
        </select>
      </div>
      {data.loading && <Loading />}
      <ErrorBox error={data.error} />
      {d && (
        <>
          <p><small>{formatDateTime(d.from, lang)} – {formatDateTime(d.to, lang)}</small></p>
          <div className="gw-kpis">
            <div className="card"><span>{t('gw.monitoring.requests')}</span><strong>{n(d.totals.requests)}</strong></div>
            <div className="card"><span>{t('gw.monitoring.errors')}</span><strong>{n(d.totals.errors)}</strong></div>
            <div className="card"><span>{t('gw.monitoring.bytesIn')}</span><strong>{formatSize(d.totals.bytesIn, lang)}</strong></div>
            <div className="card"><span>{t('gw.monitoring.bytesOut')}</span><strong>{formatSize(d.totals.bytesOut, lang)}</strong></div>
          </div>
          {d.totals.requests === 0 ? <p className="empty">{t('gw.monitoring.none')}</p> : (
            <div className="gw-charts">
              <figure><figcaption>{t('gw.monitoring.traffic')}</figcaption><Chart option={traffic} label={t('gw.monitoring.traffic')} /></figure>
              <figure><figcaption>{t('gw.monitoring.latency')}</figcaption><Chart option={latency} label={t('gw.monitoring.latency')} height={220} /></figure>
              <figure>
                <figcaption>{t('gw.monitoring.histogram')}</figcaption>
                <Chart option={histogram.option} label={`${t('gw.monitoring.histogram')}: ${histogram.rows.map((r) => `${r.label} ${r.count}`).join(', ')}`} height={220} />
              </figure>
            </div>
          )}
          {d.rows.length > 0 && (
            <>
              <h2>{t('gw.monitoring.table')}</h2>
              <TableWrap label={t('gw.monitoring.table')}>
                <table className="table compact">
                  <thead>
                    <tr>
                      <th scope="col">{t('gw.log.client')}</th><th scope="col">{t('gw.log.service')}</th><th scope="col">{t('gw.monitoring.requests')}</th>
                      <th scope="col">{t('gw.monitoring.errors')}</th><th scope="col">{t('gw.monitoring.p50')}</th><th scope="col">{t('gw.monitoring.p95')}</th>
                      <th scope="col">{t('gw.monitoring.p99')}</th><th scope="col">{t('gw.monitoring.bytesIn')}</th><th scope="col">{t('gw.monitoring.bytesOut')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.rows.map((r) => (
                      <tr key={`${r.client} ${r.service}`}>
                        <td className="gw-mono">{r.client}</td><td className="gw-mono">{r.service}</td><td>{n(r.requests)}</td><td>{n(r.errors)}</td>
                        <td>{r.p50Ms ?? '—'}</td><td>{r.p95Ms ?? '—'}</td><td>{r.p99Ms ?? '—'}</td>
                        <td>{formatSize(r.bytesIn, lang)}</td><td>{formatSize(r.bytesOut, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </>
          )}
        </>
      )}
    </GatewayFrame>
  );
}
