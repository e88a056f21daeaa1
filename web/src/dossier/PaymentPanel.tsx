/**
 * A dossier's fees and payments (issue 16): what was asked (items, total, payee account, deadline),
 * the payments made and their state as the server knows it; the applicant chooses a channel and pays,
 * an officer records a payment received at the desk. Shown only when something was asked.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ErrorBox, Loading } from '../ui/Feedback.tsx';
import { useApi } from '../ui/useApi.ts';

interface PaymentRequest { id: string; items: { name: string; amountVND: number }[]; total: number; status: string; dueAt: string; payee: { bankName: string; accountNumber: string; accountName: string } }
interface Payment { id: string; channel: string; amount: number; status: string; createdAt: string; receiptId: string | null }
interface Payments { dossierStatus: number; requests: PaymentRequest[]; items: Payment[] }

const CHANNELS = ['vnpay', 'paygov', 'counter'] as const;

export function PaymentPanel({ code, officer, onChange }: { code: string; officer: boolean; onChange?: () => void }) {
  const { t, i18n } = useTranslation('dossier');
  const path = `/dossiers/${encodeURIComponent(code)}/payments`;
  const data = useApi((signal) => api<Payments>(path, { signal }), [code]);
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('vnpay');
  const [method, setMethod] = useState<'cash' | 'card'>('cash');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [note, setNote] = useState<string>();
  const money = (n: number) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'vi-VN', { style: 'currency', currency: 'VND' }).format(n);
  const date = (s: string) => new Date(s).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });

  if (data.loading && !data.data) return <Loading />;
  if (!data.data) return <ErrorBox error={data.error} />;
  const request = data.data.requests.at(-1);
  if (!request) return null;
  const open = data.data.dossierStatus === 6 && request.status === 'open';

  async function pay() {
    setBusy(true); setError(undefined);
    try {
      const started = await api<{ paymentUrl: string | null }>(path, { method: 'POST', body: { channel } });
      if (started.paymentUrl) window.location.assign(started.paymentUrl);
      else { setNote(t('payment.atDesk')); data.reload(); }
    } catch (e) { setError(e); } finally { setBusy(false); }
  }
  async function recordCounter() {
    setBusy(true); setError(undefined);
    try {
      await api(`${path}/counter`, { method: 'POST', body: { method } });
      data.reload(); onChange?.();
    } catch (e) { setError(e); } finally { setBusy(false); }
  }

  return (
    <section className="card" aria-labelledby="pay-title">
      <h2 id="pay-title">{t('payment.title')}</h2>
      <table className="table">
        <caption className="sr-only">{t('payment.items')}</caption>
        <thead><tr><th scope="col">{t('payment.item')}</th><th scope="col">{t('payment.amount')}</th></tr></thead>
        <tbody>
          {request.items.map((i) => <tr key={i.name}><td>{i.name}</td><td>{money(i.amountVND)}</td></tr>)}
          <tr><th scope="row">{t('payment.total')}</th><td><strong data-testid="pay-total">{money(request.total)}</strong></td></tr>
        </tbody>
      </table>
      <p className="muted">{t('payment.payee')}: {request.payee.accountName} — {request.payee.accountNumber} ({request.payee.bankName}). {t('payment.due', { date: date(request.dueAt) })}</p>
      <p role="status">{t(`payment.request.${request.status}`, { defaultValue: request.status })}</p>
      {open && !officer && (
        <fieldset>
          <legend>{t('payment.choose')}</legend>
          {CHANNELS.map((c) => (
            <label key={c} className="radio"><input type="radio" name="pay-channel" value={c} checked={channel === c} onChange={() => setChannel(c)} /> {t(`payment.channel.${c}`)}</label>
          ))}
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void pay()}>{t('payment.pay', { amount: money(request.total) })}</button>
        </fieldset>
      )}
      {open && officer && (
        <fieldset>
          <legend>{t('payment.counter')}</legend>
          <label htmlFor="pay-method">{t('payment.method')}</label>
          <select id="pay-method" value={method} onChange={(e) => setMethod(e.target.value as 'cash' | 'card')}>
            <option value="cash">{t('payment.cash')}</option><option value="card">{t('payment.card')}</option>
          </select>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void recordCounter()}>{t('payment.record', { amount: money(request.total) })}</button>
        </fieldset>
      )}
      {note && <p className="alert alert-info">{note}</p>}
      <ErrorBox error={error} />
      {data.data.items.length > 0 && (
        <ul className="payments">
          {data.data.items.map((p) => (
            <li key={p.id} data-status={p.status}>{t(`payment.channel.${p.channel}`)} · {money(p.amount)} · <strong>{t(`payment.status.${p.status}`)}</strong></li>
          ))}
        </ul>
      )}
    </section>
  );
}
