/** Uploads per dossier component, each file with its progress; used online, at the counter and for supplements. */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeta } from '../api/meta.ts';
import { uploadFile } from '../api/upload.ts';
import type { Component } from '../api/types.ts';
import { useErrorText } from '../ui/Feedback.tsx';
import { formatSize } from '../ui/format.ts';

export interface UploadItem {
  key: string;
  componentCode: string;
  name: string;
  size: number;
  progress: number;
  status: 'uploading' | 'done' | 'error';
  fileId?: string;
  error?: string;
}

export const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

export function missingRequired(components: Component[], items: UploadItem[]): Component[] {
  return components.filter((c) => c.required && !items.some((i) => i.componentCode === c.code && i.status === 'done'));
}

export function fileRefs(items: UploadItem[]) {
  return items.filter((i) => i.status === 'done' && i.fileId).map((i) => ({ componentCode: i.componentCode, fileId: i.fileId! }));
}

interface Props {
  components: Component[];
  items: UploadItem[];
  onChange(update: (items: UploadItem[]) => UploadItem[]): void;
  showMissing?: boolean;
  /** Required components first and the others folded away (intake); false lists them all (supplements). */
  grouped?: boolean;
}

export function Uploads({ components, items, onChange, showMissing = false, grouped = true }: Props) {
  const { t, i18n } = useTranslation(['dossier', 'portal']);
  const errorText = useErrorText();
  const seq = useRef(0);
  // The server's limits, stated before an upload; a file over the limit is not sent at all.
  const limits = useMeta()?.uploads;
  const maxText = limits ? formatSize(limits.maxBytes, i18n.language) : null;
  const hint = limits && maxText ? t('upload.hintLimit', { size: maxText, types: limits.types.join(', ') }) : t('upload.hint');

  function pick(c: Component, files: FileList | null) {
    for (const file of Array.from(files ?? [])) {
      const key = `u${++seq.current}`;
      const item = { key, componentCode: c.code, name: file.name, size: file.size, progress: 0 };
      if (limits && maxText && file.size > limits.maxBytes) {
        onChange((list) => [...list, { ...item, status: 'error', error: t('upload.tooLarge', { size: maxText }) }]);
        continue;
      }
      onChange((list) => [...list, { ...item, status: 'uploading' }]);
      const patch = (p: Partial<UploadItem>) => onChange((list) => list.map((i) => (i.key === key ? { ...i, ...p } : i)));
      uploadFile(file, i18n.language, (progress) => patch({ progress })).promise.then(
        (stored) => patch({ status: 'done', progress: 1, fileId: stored.id }),
        (err: unknown) => patch({ status: 'error', error: errorText(err) }),
      );
    }
  }

  const one = (c: Component) => {
    const mine = items.filter((i) => i.componentCode === c.code);
    const missing = showMissing && c.required && !mine.some((i) => i.status === 'done');
    const inputId = `file-${c.code}`;
    return (
      <li key={c.code} className={missing ? 'upload missing' : 'upload'}>
        <p id={`${inputId}-name`} className="upload-label">
          {c.required && <span className="badge required">{t('procedure.required')}</span>} {c.name}
        </p>
        <p className="meta">
          <span>{t('procedure.originals', { count: c.originals })}</span>
          <span>{t('procedure.copies', { count: c.copies })}</span>
        </p>
        <div className="upload-pick">
          <input id={inputId} className="file-input" type="file" accept={ACCEPT} multiple data-component={c.code}
            aria-labelledby={`${inputId}-choose ${inputId}-name`} aria-describedby={`${inputId}-hint`}
            onChange={(e) => { pick(c, e.target.files); e.target.value = ''; }} />
          <label id={`${inputId}-choose`} htmlFor={inputId} className="btn btn-outline btn-small">{t('upload.choose')}</label>
          <small id={`${inputId}-hint`} className={missing ? 'field-error' : 'hint'}>{missing ? t('upload.missing') : hint}</small>
        </div>
        {mine.length > 0 && (
          <ul className="upload-files">
            {mine.map((i) => (
              <li key={i.key} className={`upload-file ${i.status}`}>
                <span className="name">{i.name} <span className="muted">({formatSize(i.size, i18n.language)})</span></span>
                {i.status === 'uploading' && <progress max={1} value={i.progress} aria-label={t('upload.progress', { name: i.name })} />}
                <span className="state" role={i.status === 'error' ? 'alert' : undefined}>
                  {i.status === 'done' ? t('upload.done') : i.status === 'error' ? i.error : t('upload.percent', { value: Math.round(i.progress * 100) })}
                </span>
                <button type="button" className="btn btn-small btn-ghost-dark" onClick={() => onChange((list) => list.filter((x) => x.key !== i.key))}
                  aria-label={t('upload.remove', { name: i.name })}>{t('upload.removeShort')}</button>
              </li>
            ))}
          </ul>
        )}
      </li>
    );
  };
  if (!grouped) return <ul className="uploads">{components.map(one)}</ul>;
  const required = components.filter((c) => c.required);
  const optional = components.filter((c) => !c.required);
  const openOptional = optional.some((c) => items.some((i) => i.componentCode === c.code)) || required.length === 0;

  return (
    <div className="uploads-wrap">
      {required.length > 0 && <ul className="uploads">{required.map(one)}</ul>}
      {optional.length > 0 && (
        <details className="optional-uploads" open={openOptional}>
          <summary>{t('upload.optional', { count: optional.length })}</summary>
          <ul className="uploads">{optional.map(one)}</ul>
        </details>
      )}
    </div>
  );
}
