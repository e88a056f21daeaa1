/** Dossier views: the full one for its applicant and officers, a summary for lists, a public one without personal data. */
import type { Executor } from '../../db/index.ts';
import * as catalog from '../catalog/index.ts';
import type { Procedure } from '../catalog/index.ts';
import { checklistView, statusView } from './model.ts';
import * as store from './store.ts';

const CHANNELS = { 1: 'direct', 2: 'online', 3: 'postal' } as const;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function agencyRef(db: Executor, id: string) {
  const a = await catalog.getAgency(db, id);
  return { id, name: a?.name ?? id, nameEn: a?.name_en ?? id };
}

type HistoryView = Omit<store.HistoryRow, 'dossier_id'>;

/** The full view; `known` skips reading what the caller has just read or written (intake, an action). */
type ComponentRow = Awaited<ReturnType<typeof store.componentsOf>>[number];

export async function present(db: Executor, d: store.DossierRow, p: Procedure & { version: number }, known?: { files?: store.FileRow[]; history?: HistoryView[]; components?: ComponentRow[] }) {
  const [files, history, desk, handling, components] = await Promise.all([
    known?.files ?? store.filesOf(db, d.id), known?.history ?? store.historyOf(db, d.id), agencyRef(db, d.desk_agency_id), agencyRef(db, d.handling_agency_id),
    known?.components ?? (d.channel === 2 ? [] : store.componentsOf(db, d.id)),
  ]);
  return {
    code: d.code,
    ...statusView(d.status),
    version: d.version,
    procedure: { code: p.code, name: p.name, version: p.version },
    channel: CHANNELS[d.channel as 1 | 2 | 3],
    submittedAt: d.submitted_at.toISOString(),
    receivedAt: iso(d.received_at),
    dueAt: iso(d.due_at),
    deskAgency: desk,
    handlingAgency: handling,
    communeCode: d.commune_code,
    applicant: { name: d.applicant_name, idNumber: d.applicant_id_number },
    formData: d.form_data,
    files: files.map((f) => ({ componentCode: f.component_code, fileId: f.id, sha256: f.sha256, size: f.size, mediaType: f.media_type, name: f.name, pages: f.pages ?? null })),
    // The counter's components checklist, with each component's scans and pages (digitisation).
    components: checklistView(
      components.map((c) => ({ componentCode: c.component_code, form: c.form, copies: c.copies })),
      files.map((f) => ({ componentCode: f.component_code, pages: f.pages ?? null })),
    ),
    history: history.map((h) => ({
      seq: h.seq, at: h.occurred_at.toISOString(), actorName: h.actor_name, actorTitle: h.actor_title, unitName: h.unit_name,
      action: h.action, note: h.note, ...statusView(h.status), stepId: h.step_id, stepStartedAt: iso(h.step_started_at),
      stepDueAt: iso(h.step_due_at), dueAt: iso(h.due_at), data: h.data,
    })),
  };
}

type SummaryRow = Pick<store.DossierRow, 'code' | 'status' | 'channel' | 'submitted_at' | 'received_at' | 'due_at' | 'procedure_code' | 'version'>;

export function presentSummary(d: SummaryRow, procedureName: string) {
  return {
    code: d.code,
    ...statusView(d.status),
    version: d.version,
    procedure: { code: d.procedure_code, name: procedureName },
    channel: CHANNELS[d.channel as 1 | 2 | 3],
    submittedAt: d.submitted_at.toISOString(),
    receivedAt: iso(d.received_at),
    dueAt: iso(d.due_at),
  };
}

export async function presentPublic(db: Executor, d: store.DossierRow, p: Procedure) {
  const [desk, handling] = await Promise.all([agencyRef(db, d.desk_agency_id), agencyRef(db, d.handling_agency_id)]);
  return { ...presentSummary(d, p.name), deskAgency: desk, handlingAgency: handling };
}
