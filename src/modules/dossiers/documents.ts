/**
 * What the dossiers module needs from whoever issues documents, declared here and provided by the
 * composition (the results module's implementation): the documents an action issues, made before
 * the action's transaction and recorded inside it; and the reuse of stored documents at intake.
 */
import type { Executor } from '../../db/index.ts';
import type { Principal } from '../../platform/auth.ts';
import type { Ctx } from '../../platform/context.ts';
import type { HistoryEvent } from './lifecycle-state.ts';
import type { DossierRow } from './store.ts';

export interface IssueInput {
  /** The dossier as loaded before the action. */
  dossier: DossierRow;
  /** The event the action records. */
  event: HistoryEvent;
  /** Who acted; null for the platform itself (e.g. an electronic return). */
  actor: Principal | null;
  /** The dossier's history before the action, when the caller has just read it (else the issuer reads it). */
  earlier?: HistoryEvent[];
}

/** Issues the documents of lifecycle actions; `P` is what `prepare` made, opaque to the lifecycle. */
export interface DocumentIssuer<P = unknown> {
  /** Before the action's transaction: the document the action issues, signed and stored; null when it issues none. */
  prepare(ctx: Ctx, input: IssueInput): Promise<P | null>;
  /** Inside the action's transaction: records what `prepare` made. */
  record(tx: Executor, ctx: Ctx, prepared: P): Promise<void>;
}

export interface ReuseInput {
  dossierId: string;
  userId: string;
  files: { componentCode: string; fileId: string }[];
  at: Date;
}

/** Inside the intake transaction: records which attached files are reused stored documents; returns how many. */
export type DocumentReuse = (tx: Executor, input: ReuseInput) => Promise<number>;
