/** The actions the signed-in user may take now, as buttons; each opens the fields it needs. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier, Procedure } from '../api/types.ts';
import { fileRefs, type UploadItem } from './Uploads.tsx';
import { ErrorBox } from '../ui/Feedback.tsx';
import { vnLocalToIso } from '../ui/format.ts';
import { ActionField, type FieldValues, type SetField } from './ActionField.tsx';
import { ACTION_FIELDS, ACTION_ORDER, DANGER, NO_NOTE } from './actionFields.ts';
import type { ActionBody } from './useDossier.ts';

interface Props {
  dossier: Dossier;
  procedure: Procedure | undefined;
  act(body: ActionBody): Promise<Dossier>;
  conflict: boolean;
  reload(): void;
  done: string | undefined;
  officer: boolean;
}

function bodyOf(action: string, values: FieldValues): ActionBody {
  const body: ActionBody = { action };
  for (const spec of ACTION_FIELDS[action] ?? []) {
    const v = values[spec.name];
    if (spec.kind === 'files') body.files = fileRefs((v as UploadItem[] | undefined) ?? []);
    else if (typeof v === 'string' && v.trim()) {
      body[spec.name] = spec.kind === 'lines' ? v.split('\n').map((s) => s.trim()).filter(Boolean)
        : spec.kind === 'amount' ? Number(v) : spec.kind === 'datetime' ? vnLocalToIso(v) : v.trim();
    }
  }
  if (typeof values.note === 'string' && values.note.trim()) body.note = values.note.trim();
  return body;
}

export function ActionPanel({ dossier, procedure, act, conflict, reload, done, officer }: Props) {
  const { t } = useTranslation('dossier');
  const [open, setOpen] = useState<string>();
  const [values, setValues] = useState<FieldValues>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const label = (a: string) => t(`actionButtons.${a}`, { defaultValue: t(`actionNames.${a}`) });
  const setField: SetField = (name, v) => setValues((old) => ({ ...old, [name]: typeof v === 'function' ? v(old[name]) : v }));
  const allowed = [...(dossier.allowedActions ?? [])].sort((a, b) => ACTION_ORDER.indexOf(a) - ACTION_ORDER.indexOf(b));

  function choose(action: string) {
    setOpen(open === action ? undefined : action);
    setValues({});
    setError(undefined);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!open) return;
    const files = (values.files as UploadItem[] | undefined) ?? [];
    if (ACTION_FIELDS[open]?.some((f) => f.kind === 'files') && (files.length === 0 || files.some((f) => f.status !== 'done'))) {
      setError(new Error('files'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await act(bodyOf(open, values));
      setOpen(undefined);
      setValues({});
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (!officer && allowed.length === 0 && !done && !conflict) return null;
  const title = officer ? t('actions.title') : t('actions.citizenTitle');
  return (
    <section className="card action-panel" aria-labelledby="actions-title">
      <h2 id="actions-title">{title}</h2>
      {conflict && (
        <div className="alert alert-warning" role="alert">
          <p><strong>{t('actions.conflictTitle')}</strong></p>
          <p>{t('actions.conflictText')}</p>
          <button type="button" className="btn btn-primary" onClick={reload}>{t('actions.reload')}</button>
        </div>
      )}
      {done && <p className="alert alert-success" role="status">{t('actions.done', { action: label(done) })}</p>}
      {allowed.length === 0 ? <p className="muted">{t('actions.none')}</p> : (
        <div className="action-buttons" role="group" aria-label={title}>
          {allowed.map((a) => (
            <button key={a} type="button" aria-expanded={open === a && !conflict} aria-controls={open === a && !conflict ? 'action-form' : undefined} disabled={conflict}
              className={`btn ${DANGER.has(a) ? 'btn-danger' : open === a ? 'btn-primary' : 'btn-outline'}`} onClick={() => choose(a)}>
              {label(a)}
            </button>
          ))}
        </div>
      )}
      {open && !conflict && (
        <form id="action-form" className="action-form stack" onSubmit={submit} aria-label={label(open)}>
          <p className="muted">{t(`actionHelp.${open}`, { defaultValue: '' })}</p>
          {(ACTION_FIELDS[open] ?? []).map((spec) => (
            <ActionField key={spec.name} action={open} spec={spec} values={values} components={procedure?.components ?? []} set={setField} />
          ))}
          {officer && !NO_NOTE.has(open) && (
            <ActionField action={open} spec={{ name: 'note', kind: 'text' }} values={values} components={[]} set={setField} />
          )}
          {error instanceof Error && error.message === 'files' ? <p className="field-error" role="alert">{t('actions.filesNeeded')}</p> : <ErrorBox error={error} />}
          <div className="wizard-nav">
            <button type="button" className="btn" onClick={() => setOpen(undefined)}>{t('common.cancel')}</button>
            <button type="submit" className={`btn ${DANGER.has(open) ? 'btn-danger' : 'btn-primary'}`} disabled={busy}>
              {busy ? t('common.working') : t('actions.confirm', { action: label(open) })}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
