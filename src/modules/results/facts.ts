/** Loads what the document templates print: the dossier, its procedure, agencies and processing history. */
import type { Executor } from '../../db/index.ts';
import * as catalog from '../catalog/index.ts';
import type { Procedure } from '../catalog/index.ts';
import * as dossiers from '../dossiers/index.ts';
import type { DossierRow, HistoryEvent } from '../dossiers/index.ts';
import { PRIVATE_FORM_KEYS } from './model.ts';
import type { AgencyRef, DossierFacts } from './pdf/types.ts';

const CHANNELS = { 1: 'direct', 2: 'online', 3: 'postal' } as const;

export async function agencyRef(db: Executor, id: string): Promise<AgencyRef> {
  const a = await catalog.getAgency(db, id);
  const parent = a?.parent_id ? await catalog.getAgency(db, a.parent_id) : undefined;
  const unit = await catalog.unitName(db, a?.unit_code ?? null);
  const place = (unit ?? 'Việt Nam').replace(/^(Tỉnh|Thành phố|Phường|Xã|Đặc khu|Thị trấn)\s+/, '');
  return { id, name: a?.name ?? id, parentName: parent?.name ?? null, place };
}

type Schema = { title?: string; format?: string; oneOf?: { const?: unknown; title?: string }[]; properties?: Record<string, Schema>; required?: string[] };

function printable(value: unknown, s: Schema | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const option = s?.oneOf?.find((o) => o.const === value);
  if (option?.title) return option.title;
  if (s?.format === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split('-').reverse().join('/');
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'object') return null;
  return String(value);
}

/**
 * The e-form's data as [label, value] in the form's order, contact details and the applicant's own
 * identity left out. The stored schema's property order is not kept (jsonb orders keys by length), so the
 * order is the web form's: the required fields in the order the schema lists them (an array keeps its
 * order: the child's name, date of birth, sex, place of birth), then the optional ones.
 */
export function formFields(p: Procedure, data: Record<string, unknown>): [string, string][] {
  const schema = p.eform as Schema | null;
  const props = schema?.properties ?? {};
  // The counter's notes (the generic counter form) are for the desk, not printed.
  const skip = new Set([...PRIVATE_FORM_KEYS, 'applicantName', 'applicantIdNumber', 'address', 'notes']);
  const required = (schema?.required ?? []).filter((k) => k in props);
  const keys = [...new Set([...required, ...Object.keys(props), ...Object.keys(data).filter((k) => !(k in props))])];
  const out: [string, string][] = [];
  for (const k of keys) {
    if (skip.has(k)) continue;
    const v = printable(data[k], props[k]);
    if (v !== null) out.push([props[k]?.title ?? k, v]);
  }
  return out;
}

export async function loadFacts(db: Executor, row: DossierRow, history: HistoryEvent[]): Promise<DossierFacts & { procedureRecord: Procedure }> {
  const procedure = await catalog.getProcedure(db, row.procedure_code, row.procedure_version);
  const [desk, handling, files] = await Promise.all([agencyRef(db, row.desk_agency_id), agencyRef(db, row.handling_agency_id), dossiers.dossierFiles(db, row.id)]);
  const names = new Map(procedure.components.map((c) => [c.code, c.name]));
  const attached = [...new Set(files.map((f) => f.component_code))].map((c) => names.get(c) ?? c);
  const steps = row.process?.steps ?? [];
  const agencyNames = new Map<string, string>();
  const visits = [];
  for (const v of dossiers.controlSheet(history)) {
    if (v.agencyId && !agencyNames.has(v.agencyId)) agencyNames.set(v.agencyId, (await catalog.getAgency(db, v.agencyId))?.name ?? v.agencyId);
    visits.push({ ...v, stepName: steps[v.stepIndex]?.name ?? v.stepId, agencyName: v.agencyId ? agencyNames.get(v.agencyId)! : '' });
  }
  const received = history.find((e) => e.action === 'receive' || e.action === 'register_counter');
  const workingDays = received?.data?.workingDays;
  const refusal = [...history].reverse().find((e) => e.action === 'propose_refusal');
  const address = row.form_data.address;
  return {
    procedureRecord: procedure,
    code: row.code,
    procedure: {
      code: procedure.code, name: procedure.name, resultName: procedure.results[0]?.name ?? 'Kết quả giải quyết thủ tục hành chính',
      legalBasis: procedure.legalBasis,
    },
    applicant: { name: row.applicant_name, idNumber: row.applicant_id_number },
    channel: CHANNELS[row.channel as 1 | 2 | 3] ?? 'direct',
    formFields: formFields(procedure, row.form_data),
    address: typeof address === 'string' ? address : null,
    components: attached,
    workingDays: typeof workingDays === 'number' ? workingDays : null,
    submittedAt: row.submitted_at,
    receivedAt: row.received_at ?? received?.at ?? null,
    dueAt: [...history].reverse().find((e) => e.dueAt)?.dueAt ?? row.due_at,
    desk, handling, visits,
    refusalReason: typeof refusal?.data?.reason === 'string' ? refusal.data.reason : null,
  };
}
