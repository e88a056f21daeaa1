/**
 * The events the dossiers module writes to the outbox: one topic per lifecycle action
 * (`dossier.<action>`, one payload schema for all), the step escalation and the process publication.
 * Emitters build them here; consumers narrow read events with `isDossierAction`.
 */
import { Type } from 'typebox';
import { defineTopic, type Emission, type Topic } from '../../platform/outbox.ts';
import { isTopic, type EventOf, type OutboxEvent } from '../../platform/consumers.ts';
import { ACTIONS, type Action, type HistoryEvent } from './lifecycle.ts';
import type { DossierTables } from './store.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);

export const DossierActionPayload = Type.Object({
  code: Type.String(),
  action: Type.Enum(ACTIONS),
  /** The status before the event (null: the dossier's first event). */
  from: Type.Union([Type.Integer(), Type.Null()]),
  to: Type.Integer(),
  seq: Type.Integer({ minimum: 1 }),
  procedureCode: Type.String(),
  /** Absent from lifecycle events written before every event carried it. */
  procedureVersion: Type.Optional(Type.Integer()),
  deskAgencyId: Type.String(),
  handlingAgencyId: Type.String(),
  communeCode: NullableString,
  channel: Type.Integer(),
  /** The due date after the event, ISO 8601. */
  dueAt: NullableString,
  /** The current step after the event; absent from intake events written before every event carried it. */
  stepId: Type.Optional(NullableString),
  data: Type.Optional(Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()])),
});
export type DossierActionPayload = typeof DossierActionPayload;

/** `dossier.<action>` for every lifecycle action. */
export const dossierActionTopics = Object.fromEntries(ACTIONS.map((a) => [a, defineTopic(`dossier.${a}`, 'dossier', DossierActionPayload)])) as Record<Action, Topic<DossierActionPayload>>;
const byName = new Map(Object.values(dossierActionTopics).map((t) => [t.name, t]));

/** True when the event is a lifecycle action of a dossier with a well-formed payload. */
export function isDossierAction(e: OutboxEvent): e is EventOf<DossierActionPayload> {
  const topic = byName.get(e.topic);
  return topic !== undefined && isTopic(e, topic);
}

/** What the event payload says of the dossier (a dossier row has all of it). */
export type DossierEventSource = Pick<DossierTables['dossiers'], 'id' | 'code' | 'procedure_code' | 'procedure_version' | 'desk_agency_id' | 'handling_agency_id' | 'commune_code' | 'channel'>;

/** The outbox event of one lifecycle event (intake and every later action). */
export function dossierActionEvent(
  d: DossierEventSource, event: Pick<HistoryEvent, 'action' | 'seq' | 'status' | 'stepId' | 'data'>, from: number | null, dueAt: Date | null, at: Date,
): Emission<DossierActionPayload> {
  return {
    topic: dossierActionTopics[event.action], aggregateId: d.id, at,
    payload: {
      code: d.code, action: event.action, from, to: event.status, seq: event.seq, procedureCode: d.procedure_code, procedureVersion: d.procedure_version,
      deskAgencyId: d.desk_agency_id, handlingAgencyId: d.handling_agency_id, communeCode: d.commune_code, channel: d.channel,
      dueAt: dueAt?.toISOString() ?? null, stepId: event.stepId ?? null, data: event.data ?? null,
    },
  };
}

export const stepEscalated = defineTopic('dossier.step_escalated', 'dossier', Type.Object({
  code: Type.String(), stepId: Type.String(), agencyId: Type.String(), stepDueAt: Type.String(),
}));

export const processPublished = defineTopic('process.published', 'procedure', Type.Object({ code: Type.String(), version: Type.Integer() }));
