/** The result as it would be signed, for the leader to read before signing or approving (an unsigned draft PDF). */
import { useTranslation } from 'react-i18next';
import { API } from '../api/client.ts';
import type { Dossier } from '../api/types.ts';

export function ResultDraft({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation('dossier');
  const deciding = (dossier.allowedActions ?? []).some((a) => a === 'sign' || a === 'approve');
  if (!deciding) return null;
  return (
    <section className="card result-draft" aria-labelledby="draft-title">
      <h2 id="draft-title">{t('resultDraft.title')}</h2>
      <p>{t('resultDraft.lead')}</p>
      <p>
        <a className="btn btn-outline" href={`${API}/dossiers/${encodeURIComponent(dossier.code)}/result-draft`} target="_blank" rel="noopener" data-testid="result-draft">
          {t('resultDraft.open')}
        </a>
      </p>
    </section>
  );
}
