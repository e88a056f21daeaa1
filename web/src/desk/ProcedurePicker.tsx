/** Pick a procedure for counter intake by searching the catalogue. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../api/client.ts';
import type { Procedure, ProcedureSummary } from '../api/types.ts';
import { ErrorBox } from '../ui/Feedback.tsx';

export function ProcedurePicker({ selected, onPick }: { selected: Procedure | undefined; onPick(code: string): void }) {
  const { t } = useTranslation(['desk', 'portal']);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<ProcedureSummary[]>();
  const [error, setError] = useState<unknown>();

  async function search(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    try {
      setFound((await api<{ items: ProcedureSummary[] }>(`/procedures${query({ q: q.trim(), limit: 8 })}`)).items);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="card" aria-labelledby="pick-title">
      <h2 id="pick-title">{t('intake.procedure')}</h2>
      {selected && <p className="selected-procedure"><strong>{selected.name}</strong> <span className="muted">({selected.code})</span></p>}
      <form className="search-row" onSubmit={search} role="search" aria-label={t('intake.procedure')}>
        <label htmlFor="pick-q" className="visually-hidden">{t('intake.findProcedure')}</label>
        <input id="pick-q" type="search" value={q} placeholder={t('intake.findProcedure')} onChange={(e) => setQ(e.target.value)} />
        <button type="submit" className="btn">{t('home.search')}</button>
      </form>
      <ErrorBox error={error} />
      {found && (
        <ul className="pick-list" aria-live="polite">
          {found.length === 0 && <li className="muted">{t('home.none')}</li>}
          {found.map((p) => (
            <li key={p.code}>
              <button type="button" className="link-button" onClick={() => { onPick(p.code); setFound(undefined); }}>
                {p.name} <span className="muted">({p.code})</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
