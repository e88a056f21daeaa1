/** Dossiers module: its public surface. Other modules import only this file. */
export { countDossiers, historyPages, openOverdue, overdueOpenCounts, receptionOf, settledLate } from './reads.ts';
export type { DossierFacts, DossierFilter, HistoryFacts, HistoryPage, LateDossierRow, OverdueCount } from './reads.ts';
export { generateDossiers } from './sim/generate.ts';
export type { GenerateDossiersOptions, GenerateDossiersResult } from './sim/generate.ts';
export { agencyCalendar } from './lifecycle-env.ts';
export { STATUSES } from './model.ts';
export type { StatusCode } from './model.ts';
export { HOURS_PER_WORKING_DAY } from './workflow-templates.ts';
export { dossierActionEvent, dossierActionTopics, isDossierAction, processPublished, stepEscalated } from './events.ts';
export type { DossierActionPayload, DossierEventSource } from './events.ts';
