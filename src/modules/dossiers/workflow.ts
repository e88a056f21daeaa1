/**
 * Processing workflows as data: a process is an ordered list of steps, each with the role that acts,
 * the agency that acts, a time allowance in working hours and the actions allowed there. Pure.
 *
 * Semantics checked by `validateProcess` (besides the shape):
 * - at least one step; step ids unique; allowances finite and > 0; a step lists an action once;
 * - step roles are processing roles (`specialist`, `agency_leader`); the desk's `counter_officer` and
 *   the admin roles never hold a processing step (desk actions are not steps);
 * - moving on: every non-final step lets the dossier move to the next step, with `forward` when the
 *   next step is done by the same agency (same actor) and with `transfer` (inter-agency "liên thông")
 *   when it is done by another one; each is refused where the other one applies, and on the final step;
 * - `transfer` only across an agency boundary that involves a fixed agency kind or the commune;
 * - `send_back` never on the first step;
 * - the final step allows `issue_result`, and only the final step does. If the final step lists `sign`,
 *   the result can only be issued once it is signed at that step; else if it lists `approve`, once
 *   approved. `approve`, `sign` and `propose_refusal` are recorded decisions: they do not move the step.
 */
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { AGENCY_KINDS } from '../catalog/index.ts';
import type { AgencyKind } from '../catalog/index.ts';
import type { Role } from '../../platform/auth.ts';

export const STEP_ACTIONS = [
  'forward',
  'send_back',
  'request_supplement',
  'propose_refusal',
  'approve',
  'sign',
  'transfer',
  'issue_result',
] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

/** Roles that may hold a processing step. */
export const PROCESSING_ROLES = ['specialist', 'agency_leader'] as const satisfies readonly Role[];

/**
 * The agency that acts at a step: the receiving one-stop desk, the procedure's handling agency, the
 * applicant's commune People's Committee, or a fixed agency kind (resolved per dossier).
 */
export type StepActor =
  | { kind: 'desk' }
  | { kind: 'handling' }
  | { kind: 'commune' }
  | { kind: 'fixed'; agencyKind: AgencyKind };

export interface ProcessStep {
  id: string;
  name: string;
  nameEn: string;
  role: Role;
  actor: StepActor;
  /** Working hours allowed at this step (1 working day = 8 h). */
  allowanceHours: number;
  actions: StepAction[];
}

export interface ProcessDefinition {
  id: string;
  version: number;
  name: string;
  nameEn: string;
  steps: ProcessStep[];
}

const literals = <T extends string>(xs: readonly T[]) => Type.Union(xs.map((x) => Type.Literal(x)));

export const StepActorSchema = Type.Union([
  Type.Object({ kind: Type.Literal('desk') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('handling') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('commune') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('fixed'), agencyKind: literals(AGENCY_KINDS) }, { additionalProperties: false }),
]);

export const ProcessStepSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9][a-z0-9_.-]*$' }),
    name: Type.String({ minLength: 1 }),
    nameEn: Type.String({ minLength: 1 }),
    role: literals(PROCESSING_ROLES),
    actor: StepActorSchema,
    allowanceHours: Type.Number({ exclusiveMinimum: 0, maximum: 8 * 366 }),
    actions: Type.Array(literals(STEP_ACTIONS), { minItems: 1 }),
  },
  { additionalProperties: false },
);

export const ProcessDefinitionSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 128 }),
    version: Type.Integer({ minimum: 1 }),
    name: Type.String({ minLength: 1 }),
    nameEn: Type.String({ minLength: 1 }),
    steps: Type.Array(ProcessStepSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** A key naming who acts at a step; two steps with the same key are done by the same agency. */
export function actorKey(a: StepActor): string {
  return a.kind === 'fixed' ? `fixed:${a.agencyKind}` : a.kind;
}

/** Whether moving from step `a` to step `b` crosses an agency boundary (a transfer, "liên thông"). */
export function crossesAgency(a: StepActor, b: StepActor): boolean {
  return actorKey(a) !== actorKey(b);
}

/** What the final step requires before `issue_result`: a signature, an approval, or nothing. */
export function signOffRequired(step: ProcessStep): 'sign' | 'approve' | null {
  if (step.actions.includes('sign')) return 'sign';
  if (step.actions.includes('approve')) return 'approve';
  return null;
}

function semanticErrors(def: ProcessDefinition): string[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  def.steps.forEach((step, i) => {
    const at = `/steps/${i} (${step.id})`;
    if (seen.has(step.id)) errors.push(`${at}: duplicate step id`);
    seen.add(step.id);
    if (!Number.isFinite(step.allowanceHours) || step.allowanceHours <= 0) errors.push(`${at}: allowance must be > 0`);
    if (new Set(step.actions).size !== step.actions.length) errors.push(`${at}: an action is listed twice`);
    const has = (a: StepAction) => step.actions.includes(a);
    const next = def.steps[i + 1];
    if (next) {
      const crosses = crossesAgency(step.actor, next.actor);
      if (!crosses && !has('forward')) errors.push(`${at}: a non-final step must allow 'forward' to the next step`);
      if (!crosses && has('transfer')) errors.push(`${at}: 'transfer' needs the next step at another agency`);
      if (crosses && !has('transfer')) errors.push(`${at}: the next step is at another agency: allow 'transfer'`);
      if (crosses && has('forward')) errors.push(`${at}: the next step is at another agency: use 'transfer', not 'forward'`);
      const involved = [step.actor.kind, next.actor.kind];
      if (crosses && !involved.includes('fixed') && !involved.includes('commune')) {
        errors.push(`${at}: 'transfer' needs a fixed agency or the commune on one side`);
      }
      if (has('issue_result')) errors.push(`${at}: only the final step may issue the result`);
    } else {
      if (has('forward')) errors.push(`${at}: the final step cannot 'forward'`);
      if (has('transfer')) errors.push(`${at}: the final step cannot 'transfer'`);
      if (!has('issue_result')) errors.push(`${at}: the final step must allow 'issue_result'`);
    }
    if (i === 0 && has('send_back')) errors.push(`${at}: the first step cannot 'send_back'`);
  });
  if (def.steps.length === 0) errors.push('/steps: at least one step');
  return errors;
}

/** Checks a process definition's shape (TypeBox) and its semantics (see the module comment). */
export function validateProcess(def: unknown): ValidationResult<ProcessDefinition> {
  if (!Value.Check(ProcessDefinitionSchema, def)) {
    const errors = Value.Errors(ProcessDefinitionSchema, def).map((e) => `${e.instancePath || '/'}: ${e.message}`);
    return { ok: false, errors: [...new Set(errors)] };
  }
  const value = def as ProcessDefinition;
  const errors = semanticErrors(value);
  return errors.length ? { ok: false, errors } : { ok: true, value };
}
