/** A procedure: steps, components, time limits and fees per channel, result, legal basis, where to submit. */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import type { Procedure } from '../api/types.ts';
import { can, useSession } from '../auth/session.tsx';
import { ErrorBox, Loading, PageHeader } from '../ui/Feedback.tsx';
import { formatVND } from '../ui/format.ts';
import { TableWrap } from '../ui/TableWrap.tsx';
import { useApi } from '../ui/useApi.ts';
import { OnlineBadge } from './ProcedureList.tsx';

export default function ProcedurePage() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation('portal');
  const { user } = useSession();
  const { data: p, error, loading } = useApi((signal) => api<Procedure>(`/procedures/${encodeURIComponent(code)}`, { signal }), [code]);
  if (loading) return <Loading />;
  if (!p) return <ErrorBox error={error} />;
  const online = Boolean(p.onlineLevel && p.eform);
  const groups = [...new Set(p.components.map((c) => c.group ?? ''))];

  return (
    <article className="procedure">
      <PageHeader title={p.name}>
        <p className="meta">
          <span>{t('procedure.code')}: {p.code}</span>
          <span>{p.fieldName}</span>
          <span>{t(`levels.${p.level}`)}</span>
          <OnlineBadge level={p.onlineLevel} />
        </p>
      </PageHeader>

      <div className="actions-bar">
        {online && (!user || can(user, 'submit_dossier')) && <Link className="btn btn-primary btn-lg" to={`/procedures/${p.code}/submit`}>{t('procedure.submitOnline')}</Link>}
        {can(user, 'counter_intake') && <Link className="btn btn-primary" to={`/desk/intake?procedure=${p.code}`}>{t('procedure.counterIntake')}</Link>}
        {!online && <p className="alert alert-info">{t('procedure.notOnline')}</p>}
      </div>

      <section className="card" aria-labelledby="s-where">
        <h2 id="s-where">{t('procedure.where')}</h2>
        <dl className="facts">
          <dt>{t('procedure.agency')}</dt><dd>{p.agencyText}</dd>
          {p.whereToSubmit && <><dt>{t('procedure.whereToSubmit')}</dt><dd>{p.whereToSubmit}</dd></>}
          {p.applicants && <><dt>{t('procedure.applicants')}</dt><dd>{p.applicants}</dd></>}
          {p.issuingMinistry && <><dt>{t('procedure.ministry')}</dt><dd>{p.issuingMinistry}</dd></>}
        </dl>
      </section>

      <section className="card" aria-labelledby="s-channels">
        <h2 id="s-channels">{t('procedure.channels')}</h2>
        <TableWrap label={t('procedure.channels')}>
          <table className="table">
            <thead><tr><th scope="col">{t('procedure.channel')}</th><th scope="col">{t('procedure.time')}</th><th scope="col">{t('procedure.fee')}</th></tr></thead>
            <tbody>
              {p.channels.map((c) => (
                <tr key={c.channel}>
                  <th scope="row">{t(`channels.${c.channel}`)}</th>
                  <td>{c.workingDays != null ? t('procedure.days', { count: c.workingDays }) : (c.timeText ?? '—')}</td>
                  <td>{c.feeVND ? formatVND(c.feeVND, i18n.language) : c.feeVND === 0 ? t('procedure.free') : (c.feeText ?? '—')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>

      <section className="card" aria-labelledby="s-steps">
        <h2 id="s-steps">{t('procedure.steps')}</h2>
        <ol className="steps">{p.steps.map((s, i) => <li key={i}>{s}</li>)}</ol>
      </section>

      <section className="card" aria-labelledby="s-components">
        <h2 id="s-components">{t('procedure.components')}</h2>
        {groups.map((g) => (
          <div key={g}>
            {g && <h3>{g}</h3>}
            <ul className="components">
              {p.components.filter((c) => (c.group ?? '') === g).map((c) => (
                <li key={c.code}>
                  <p>{c.name}</p>
                  <p className="meta">
                    {c.required ? <span className="badge required">{t('procedure.required')}</span> : <span className="badge">{t('procedure.optional')}</span>}
                    <span>{t('procedure.originals', { count: c.originals })}</span>
                    <span>{t('procedure.copies', { count: c.copies })}</span>
                    {c.formTemplate && <span>{t('procedure.template')}: {c.formTemplate}</span>}
                  </p>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      <section className="card" aria-labelledby="s-result">
        <h2 id="s-result">{t('procedure.result')}</h2>
        <ul>{p.results.map((r, i) => <li key={i}>{r.name}</li>)}</ul>
        {p.requirements && <><h3>{t('procedure.requirements')}</h3><p>{p.requirements}</p></>}
      </section>

      <section className="card" aria-labelledby="s-legal">
        <h2 id="s-legal">{t('procedure.legalBasis')}</h2>
        <ul>{p.legalBasis.map((l, i) => <li key={i}>{l}</li>)}</ul>
        {p.sourceUrl && <p><a href={p.sourceUrl} rel="noopener noreferrer" target="_blank">{t('procedure.source')}</a></p>}
      </section>
    </article>
  );
}
