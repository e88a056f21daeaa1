/**
 * Dossiers module: intake (online and at the counter), the processing lifecycle, work queues and
 * processes. Documents issued by actions and the reuse of stored documents are hooks it declares
 * (documents.ts), provided by whoever composes the application.
 */
export { dossierByCode, dossierById, dossierFiles, dossierHistory, dossierRefs } from './read.ts';
export { canSee, lifecycleView, perform } from './lifecycle-service.ts';
export type { ActionInput } from './lifecycle-service.ts';
export { registerAtCounter, submitOnline } from './service.ts';
export { presentPublic } from './present.ts';
export { controlSheet, reduce } from './lifecycle.ts';
export type { DossierState, HistoryEvent, StepVisit } from './lifecycle.ts';
export { DOSSIER_CODE_PATTERN, STATUSES, vnDay } from './model.ts';
export type { StatusCode } from './model.ts';
export type { DossierRow } from './store.ts';
export type { DocumentIssuer, DocumentReuse, IssueInput, ReuseInput } from './documents.ts';
export { escalateLateSteps, scheduleEscalation } from './escalation.ts';
export { dossierRoutes } from './routes.ts';
export { lifecycleRoutes } from './routes-lifecycle.ts';
