/**
 * Transactional outbox: events are written in the same transaction as the state change they describe.
 * Consumers (IOC rollups, notifications, national sync) read them in id order and are idempotent.
 *
 * Each topic is declared once, by the module that emits it, with the TypeBox schema of its payload
 * (`defineTopic`); emitters and consumers share it: `emit(tx, topic, …)` takes a payload of the
 * schema's type, `isTopic(event, topic)` (consumers.ts) narrows and checks a read event.
 */
import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Executor } from '../db/index.ts';
import { insertIf } from '../db/statement.ts';

export interface Topic<S extends TSchema = TSchema> {
  /** e.g. "dossier.receive" */
  readonly name: string;
  readonly aggregateType: string;
  readonly schema: S;
  /** True when the payload fits the schema. */
  check(payload: unknown): payload is Static<S>;
  /** Why a payload does not fit ([] when it does). */
  errors(payload: unknown): string[];
}

const registry = new Map<string, Topic>();

/** Declares a topic and the schema of its payload (once per name; the same declaration again is a no-op). */
export function defineTopic<const S extends TSchema>(name: string, aggregateType: string, schema: S): Topic<S> {
  const known = registry.get(name);
  if (known) {
    if (known.aggregateType !== aggregateType || JSON.stringify(known.schema) !== JSON.stringify(schema)) throw new Error(`topic ${name} is declared twice`);
    return known as unknown as Topic<S>;
  }
  let compiled: { Check(value: unknown): boolean; Errors(value: unknown): { instancePath: string; message: string }[] } | undefined;
  const validator = () => (compiled ??= Compile(schema as TSchema));
  const topic: Topic<S> = {
    name, aggregateType, schema,
    check: (payload): payload is Static<S> => validator().Check(payload),
    errors: (payload) => validator().Errors(payload).map((e) => `${e.instancePath || '/'} ${e.message}`),
  };
  registry.set(name, topic as unknown as Topic);
  return topic;
}

/** The declared topic of that name (undefined: nobody declared it). */
export function topicNamed(name: string): Topic | undefined {
  return registry.get(name);
}

/** One event of a topic, as an emitter hands it over. */
export interface EventOf<S extends TSchema> {
  aggregateId: string;
  payload: Static<S>;
  at: Date;
}

/** An event together with its topic (e.g. built by one module, written by another statement). */
export interface Emission<S extends TSchema = TSchema> extends EventOf<S> {
  topic: Topic<S>;
}

function rowOf(topic: string, aggregateType: string, e: { aggregateId: string; payload: unknown; at: Date }) {
  return { topic, aggregate_type: aggregateType, aggregate_id: e.aggregateId, payload: JSON.stringify(e.payload), occurred_at: e.at, published_at: null };
}

/** The insert of the event, to execute or to put in a statement; `onlyIf`: see `insertIf`. */
export function emitQuery<S extends TSchema>(tx: Executor, topic: Topic<S>, e: EventOf<S>, onlyIf?: string) {
  const row = rowOf(topic.name, topic.aggregateType, e);
  return onlyIf ? insertIf(tx, 'outbox', row, onlyIf) : tx.insertInto('outbox').values(row);
}

export async function emit<S extends TSchema>(tx: Executor, topic: Topic<S>, e: EventOf<S>): Promise<void> {
  await emitQuery(tx, topic, e).execute();
}
