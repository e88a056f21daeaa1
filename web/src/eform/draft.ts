/**
 * The draft of an online submission, kept in the tab's sessionStorage (per user and procedure) so that
 * a reload, Back or Forward returns to what was typed and uploaded. sessionStorage ends with the tab,
 * and drafts are removed at submission and at sign-out; nothing of it goes into the address.
 */
import type { UploadItem } from '../dossier/Uploads.tsx';

export interface Draft {
  data: Record<string, unknown>;
  /** Uploaded files (only those the server stored): their ids, names and components. */
  files: UploadItem[];
  /** The idempotency key of the submission: a retry after a reload is the same request. */
  key: string;
  /** Whether the e-form step was completed (the later steps need it). */
  formDone: boolean;
}

const PREFIX = 'motcua.draft.';

export const draftKey = (userId: string, procedureCode: string) => `${PREFIX}${userId}.${procedureCode}`;

function store(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage disabled: the wizard works, without drafts
  }
}

export function loadDraft(key: string): Draft | null {
  try {
    const raw = store()?.getItem(key);
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<Draft>;
    if (!d || typeof d !== 'object' || typeof d.data !== 'object' || !d.data || typeof d.key !== 'string') return null;
    const files = Array.isArray(d.files) ? d.files.filter((f) => f && f.status === 'done' && typeof f.fileId === 'string') : [];
    return { data: d.data, files, key: d.key, formDone: d.formDone === true };
  } catch {
    return null;
  }
}

export function saveDraft(key: string, draft: Draft): void {
  try {
    store()?.setItem(key, JSON.stringify({ ...draft, files: draft.files.filter((f) => f.status === 'done' && f.fileId) }));
  } catch {
    // full or disabled storage: keep going without a draft
  }
}

export function clearDraft(key: string): void {
  try {
    store()?.removeItem(key);
  } catch {
    // nothing kept
  }
}

/** At sign-out: every draft in this tab (another person may use the browser next). */
export function clearAllDrafts(): void {
  const s = store();
  if (!s) return;
  try {
    for (const k of Object.keys(s)) if (k.startsWith(PREFIX)) s.removeItem(k);
  } catch {
    // nothing kept
  }
}
