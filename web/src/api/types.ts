/** Shapes of the API responses the web application uses (see /api/v1/openapi.json). */
export type Role = 'counter_officer' | 'specialist' | 'agency_leader' | 'agency_admin' | 'province_admin';

export interface Principal {
  userId: string;
  kind: 'citizen' | 'officer';
  username: string;
  fullName: string;
  agencyId: string | null;
  roles: Role[];
}

export interface Channel {
  channel: 'direct' | 'online' | 'postal';
  workingDays: number | null;
  timeText: string | null;
  feeVND: number | null;
  feeText: string | null;
}

export interface ProcedureSummary {
  code: string;
  name: string;
  fieldCode: string;
  fieldName: string;
  level: 'province' | 'commune';
  agencyKind: string;
  agencyText: string;
  onlineLevel: 'full' | 'partial' | null;
  channels: Channel[];
  version: number;
}

export interface Component {
  code: string;
  name: string;
  originals: number;
  copies: number;
  required: boolean;
  group: string | null;
  formTemplate: string | null;
}

export interface JsonSchema {
  type?: string;
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  oneOf?: { const: unknown; title?: string }[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  [k: string]: unknown;
}

export interface Procedure extends ProcedureSummary {
  issuingMinistry: string | null;
  applicants: string | null;
  requirements: string | null;
  steps: string[];
  components: Component[];
  results: { code: string | null; name: string }[];
  legalBasis: string[];
  whereToSubmit: string | null;
  sourceUrl: string | null;
  eform: JsonSchema | null;
}

export interface StoredFile {
  id: string;
  sha256: string;
  size: number;
  mediaType: string;
}

export interface StatusName {
  vi: string;
  en: string;
}

export interface AgencyRef {
  id: string;
  name: string;
  nameEn: string;
}

export interface DossierSummary {
  code: string;
  status: string;
  statusCode: number;
  statusName: StatusName;
  version: number;
  procedure: { code: string; name: string; version?: number };
  channel: 'direct' | 'online' | 'postal';
  submittedAt: string;
  receivedAt: string | null;
  dueAt: string | null;
}

export interface PublicDossier extends DossierSummary {
  deskAgency: AgencyRef;
  handlingAgency: AgencyRef;
}

export interface HistoryEntry {
  seq: number;
  at: string;
  actorName: string;
  actorTitle: string | null;
  unitName: string | null;
  action: string;
  note: string | null;
  status: string;
  statusCode: number;
  statusName: StatusName;
  stepId: string | null;
  stepStartedAt: string | null;
  stepDueAt: string | null;
  dueAt: string | null;
  data: Record<string, unknown> | null;
}

export interface DossierFile {
  componentCode: string;
  fileId: string;
  sha256: string;
  size: number;
  mediaType: string;
  name: string | null;
}

export interface Dossier extends PublicDossier {
  communeCode: string | null;
  applicant: { name: string; idNumber: string };
  formData: Record<string, unknown>;
  files: DossierFile[];
  history: HistoryEntry[];
  allowedActions?: string[];
  deadlineState?: DeadlineState | null;
  step?: { id?: string; [k: string]: unknown } | null;
  rescheduled?: boolean;
  rating?: string | null;
}

export type DeadlineState = 'on_time' | 'nearing_due' | 'overdue';

export interface QueueItem {
  code: string;
  status: string;
  statusCode: number;
  statusName: StatusName;
  version: number;
  procedure: { code: string; name: string };
  applicantName: string;
  submittedAt: string;
  receivedAt: string | null;
  dueAt: string | null;
  stepDueAt: string | null;
  deadlineState: DeadlineState | null;
  stepDeadlineState: DeadlineState | null;
}

export interface Notification {
  id: number;
  kind: string;
  dossierId: string | null;
  title: StatusName;
  body: StatusName;
  createdAt: string;
  readAt: string | null;
}

export interface Agency {
  id: string;
  name: string;
  name_en: string;
  kind: string;
  unit_code: string | null;
  parent_id: string | null;
}
