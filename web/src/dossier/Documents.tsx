/** The dossier's documents by component, previewed in the page (PDF in a frame, images inline) or downloaded. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API } from '../api/client.ts';
import type { Dossier, Procedure } from '../api/types.ts';
import { formatSize } from '../ui/format.ts';

export function Documents({ dossier, procedure }: { dossier: Dossier; procedure: Procedure | undefined }) {
  const { t, i18n } = useTranslation('dossier');
  const [open, setOpen] = useState<string>();
  const name = (code: string) => procedure?.components.find((c) => c.code === code)?.name ?? code;

  return (
    <section className="card" aria-labelledby="docs-title">
      <h2 id="docs-title">{t('documents.title')}</h2>
      {dossier.files.length === 0 && <p className="muted">{t('documents.none')}</p>}
      <ul className="documents">
        {dossier.files.map((f, i) => {
          const url = `${API}/dossiers/${encodeURIComponent(dossier.code)}/files/${f.fileId}`;
          const shown = open === f.fileId;
          const label = f.name ?? t('documents.file', { n: i + 1 });
          return (
            <li key={`${f.fileId}-${i}`}>
              <p className="doc-component" title={name(f.componentCode)}>{name(f.componentCode)}</p>
              <p className="meta"><span>{label}</span><span>{f.mediaType}</span><span>{formatSize(f.size, i18n.language)}</span></p>
              <div className="doc-actions">
                <button type="button" className="btn btn-small btn-outline" aria-expanded={shown} onClick={() => setOpen(shown ? undefined : f.fileId)}>
                  {shown ? t('documents.hide') : t('documents.preview')}
                </button>
                <a className="btn btn-small btn-outline" href={url} download={f.name ?? true}>{t('documents.download')}</a>
              </div>
              {shown && (
                <div className="preview">
                  {f.mediaType.startsWith('image/')
                    ? <img src={`${url}?disposition=inline`} alt={t('documents.previewOf', { name: label })} />
                    : <iframe src={`${url}?disposition=inline`} title={t('documents.previewOf', { name: label })} />}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
