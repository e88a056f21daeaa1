/**
 * Dossiers module: intake (online and at the counter), the processing lifecycle, work queues and
 * processes. Documents issued by actions and the reuse of stored documents are hooks it declares
 * (documents.ts), provided by whoever composes the application.
 */
import { allows } from '../../platform/auth.ts';
import { defineModule } from '../../platform/module.ts';
import { PROCESSING_ROLES } from './workflow.ts';
import { DOSSIER_PROBLEMS } from './problems.ts';
import { dossierRoutes } from './routes.ts';
import { lifecycleRoutes } from './routes-lifecycle.ts';
import { registerDossierCommands } from './cli.ts';
import { escalationJobs } from './escalation.ts';
import { linkVerifiedConsumer } from './link-verified.ts';
import type { DocumentIssuer, DocumentReuse } from './documents.ts';

export { dossierByCode, dossierById, dossierFiles, dossierHistory, dossierRefs } from './read.ts';
export { canSee, lifecycleView, perform, performAsSystem } from './lifecycle-service.ts';
export type { ActionInput } from './lifecycle-service.ts';
export { registerAtCounter, submitOnline } from './service.ts';
export { presentPublic } from './present.ts';
export { controlSheet, reduce } from './lifecycle.ts';
export type { DossierState, HistoryEvent, StepVisit } from './lifecycle.ts';
export { DOSSIER_CODE_PATTERN, STATUSES, isCertifiedCopyProcedure, vnDay } from './model.ts';
export type { StatusCode } from './model.ts';
export type { DossierRow } from './store.ts';
export type { DocumentIssuer, DocumentReuse, IssueInput, ReuseInput } from './documents.ts';
export { escalateLateSteps } from './escalation.ts';
export { LINK_VERIFIED_CONSUMER, linkDossiersOf, linkVerifiedConsumer } from './link-verified.ts';
export { countDossiers, dossierFactsOf, historyPages, openOverdue, overdueOpenCounts, receptionOf, settledLate } from './reads.ts';
export type { DossierFacts, DossierFilter, HistoryFacts, HistoryPage, LateDossierRow, OverdueCount } from './reads.ts';
export { generateDossiers } from './sim/generate.ts';
export type { GenerateDossiersOptions, GenerateDossiersResult } from './sim/generate.ts';
export { agencyCalendar } from './lifecycle-env.ts';
export { HOURS_PER_WORKING_DAY } from './workflow-templates.ts';
export { dossierActionEvent, dossierActionTopics, isDossierAction, processPublished, stepEscalated } from './events.ts';
export type { DossierActionPayload, DossierEventSource } from './events.ts';

declare module '../../platform/module.ts' {
  interface Services {
    /** Makes and signs the documents of a lifecycle action (the results module provides it). */
    documents: DocumentIssuer;
    /** Records the reuse of an applicant's stored documents at intake (the results module provides it). */
    documentReuse: DocumentReuse;
  }
}

/** Dossiers: online and counter intake, the lifecycle with its legal deadlines, work queues, escalation. */
export const dossiersModule = defineModule({
  name: 'dossiers',
  tables: ['dossiers', 'dossier_components', 'dossier_files', 'dossier_history', 'dossier_sequences', 'idempotency_keys', 'procedure_processes', 'step_escalations'],
  migrations: new URL('./migrations/', import.meta.url),
  problems: DOSSIER_PROBLEMS,
  routes: (ctx) => async (api) => {
    await api.register(dossierRoutes(ctx, ctx.services.blobs, ctx.services.documentReuse));
    await api.register(lifecycleRoutes(ctx, ctx.services.documents, ctx.services.blobs));
  },
  abilities: {
    // POST /dossiers (policy `citizen`)
    submit_dossier: (p) => allows('citizen', p),
    // GET /workqueue lets any officer of an agency in; the queue holds what is assigned to the desk or a processing role.
    work_queue: (p) => allows('officer', p) && p.agencyId !== null && p.roles.some((r) => r === 'counter_officer' || (PROCESSING_ROLES as readonly string[]).includes(r)),
    // POST /dossiers/counter (policy `{ roles: ['counter_officer'] }`)
    counter_intake: (p) => allows({ roles: ['counter_officer'] }, p),
  },
  consumers: () => [linkVerifiedConsumer()],
  jobs: (ctx) => escalationJobs(ctx),
  commands: registerDossierCommands,
});
