/**
 * Names for the API's shapes the web application uses. They are aliases over schema.d.ts, which
 * `npm run api:types` generates from the server's OpenAPI document (the route schemas); a change on
 * the server shows here as a type error. Where a route's schema is looser than what the server
 * sends (a plain string for a closed set, or no item schema at all), the alias narrows it and says
 * so; the few shapes the OpenAPI does not describe are hand-written at the end, marked as such.
 */
import type { paths } from './schema.d.ts';

type Method = 'get' | 'post' | 'put' | 'delete';

/** The JSON body a route answers with (status 200 unless given). */
export type ApiBody<P extends keyof paths, M extends Method = 'get', S extends number = 200> =
  paths[P][M] extends { responses: infer R }
    ? S extends keyof R ? (R[S] extends { content: { 'application/json': infer T } } ? T : never) : never
    : never;

/** The declared properties of an object whose schema also allows others (additionalProperties). */
type Known<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };

// --- Derived from the OpenAPI document ---------------------------------------------------------

type Me = ApiBody<'/api/v1/auth/me'>;
/** What the caller may do in the application (GET /auth/me → abilities), decided by the server. */
export type Ability = Me['abilities'][number];
/** The signed-in user and their abilities. Narrowed: the schema types `roles` as string[]. */
export type Principal = Omit<Me, 'roles'> & { roles: Role[] };

export type ProcedureSummary = ApiBody<'/api/v1/procedures'>['items'][number];
export type Channel = Known<ProcedureSummary['channels'][number]>;
/** Narrowed: the route's schema types the e-form as a free object; it is a JSON Schema. */
export type Procedure = Omit<Known<ApiBody<'/api/v1/procedures/{code}'>>, 'eform'> & { eform: JsonSchema | null };
export type Component = Known<Procedure['components'][number]>;

export type StoredFile = ApiBody<'/api/v1/files', 'post', 201>;
export type Agency = ApiBody<'/api/v1/agencies'>[number];

type ChannelCode = Channel['channel'];
/** Narrowed: the dossier schemas type `channel` as a string. */
export type DossierSummary = Omit<ApiBody<'/api/v1/dossiers'>['items'][number], 'channel'> & { channel: ChannelCode };
export type StatusName = DossierSummary['statusName'];
export type PublicDossier = Omit<ApiBody<'/api/v1/public/dossiers/{code}'>, 'channel'> & { channel: ChannelCode };
export type AgencyRef = PublicDossier['deskAgency'];

type DossierBody = ApiBody<'/api/v1/dossiers/{code}'>;
export type DossierFile = DossierBody['files'][number];
/** Narrowed: the schema types `channel` and `deadlineState` as strings and the history entries as free objects. */
export type Dossier = Omit<DossierBody, 'channel' | 'deadlineState' | 'history'> & {
  channel: ChannelCode;
  deadlineState?: DeadlineState | null;
  history: HistoryEntry[];
};

// --- Hand-written: not (or too loosely) described by the OpenAPI document -----------------------

/** The platform's roles (src/platform/auth.ts ROLES); the API's schemas say `string`. */
export type Role = 'counter_officer' | 'specialist' | 'agency_leader' | 'agency_admin' | 'province_admin';

/** See `deadlineState` in src/modules/calendar; the schemas say `string`. */
export type DeadlineState = 'on_time' | 'nearing_due' | 'overdue';

/** The e-form of a procedure (a JSON Schema, as @rjsf reads it). */
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

/** One entry of a dossier's history (GET /dossiers/{code} → history: the schema has no item shape). */
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

/** One dossier of GET /workqueue (the schema has no item shape). */
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

/** One notification of GET /notifications (the schema has no item shape). */
export interface Notification {
  id: number;
  kind: string;
  dossierId: string | null;
  title: StatusName;
  body: StatusName;
  createdAt: string;
  readAt: string | null;
}
