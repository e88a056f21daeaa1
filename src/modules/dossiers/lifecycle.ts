/**
 * The dossier lifecycle, pure: rules as data (lifecycle-rules.ts), the state as the reduction of the
 * processing history (lifecycle-state.ts), who may act now (lifecycle-check.ts), `decide`
 * (lifecycle-decide.ts) and derived deadlines (lifecycle-deadlines.ts). Time, the calendar and the
 * process are always arguments.
 *
 * Usage: `const d = decide(reduce(history), command, env); if (d.ok) history.push(d.event);`
 * The stored state is `apply(state, d.event)`; replaying the history gives the same state.
 */
export { ACTIONS, ACTION_NAMES, ALLOWED, CREATION_ACTIONS, MAX_AMOUNT_VND, PERMISSIONS, RATINGS, RATING_NAMES, RETURN_METHODS, STEP_GATED, TARGETS } from './lifecycle-rules.ts';
export type { Action, Party, PermissionRule, Rating } from './lifecycle-rules.ts';
export { apply, initialState, reduce } from './lifecycle-state.ts';
export type { CurrentStep, DossierState, HistoryEvent } from './lifecycle-state.ts';
export { allowedActions, check, currentStepDef, resolveAgency } from './lifecycle-check.ts';
export type { Actor, DossierAgencies, LifecycleContext, LifecycleEnv, Refusal, RefusalCode } from './lifecycle-check.ts';
export { decide } from './lifecycle-decide.ts';
export type { Command, Decision } from './lifecycle-decide.ts';
export {
  clockNow,
  controlSheet,
  dossierDeadlineState,
  finishedLate,
  overdueSteps,
  stepDeadlineState,
} from './lifecycle-deadlines.ts';
export type { HandoverTiming, OverdueStep, StepVisit } from './lifecycle-deadlines.ts';
