/**
 * Process templates for the common shapes, and the choice of a template for a catalogue procedure.
 *
 * - `communeSingleStep`: all at the handling commune agency: specialist handles (75 %), the commune
 *   leader approves and signs (25 %).
 * - `departmentThreeStep`: specialist (60 %) → head of division (20 %) → agency leader (20 %). The role
 *   model has no division-head role, so the head of division is an officer holding `agency_leader` in
 *   the handling agency; the step (not the role) tells the two leader levels apart.
 * - `interAgency` ("liên thông"): handling specialist prepares (25 %) → transfer to a partner agency
 *   (37.5 %) → transfer back, the handling specialist consolidates (25 %) → handling leader signs (12.5 %).
 *
 * Allowances: the procedure's time limit (working days × 8 h) is split by fixed weights, in quarter
 * hours (exact in binary floating point, so the allowances sum exactly to the total) by largest
 * remainder, every step getting at least a quarter hour. The limit used is the given channel's, else the shortest limit
 * published for any channel (so that the steps fit in every channel's due date), else a default:
 * 3 working days for commune-level procedures, 10 for province-level ones.
 */
import { COMMUNE_AGENCY_KINDS } from '../catalog/index.ts';
import type { Channel, Procedure, ProcedureLevel } from '../catalog/index.ts';
import type { ProcessDefinition, ProcessStep, StepActor } from './workflow.ts';

export const HOURS_PER_WORKING_DAY = 8;
export const DEFAULT_WORKING_DAYS = { commune: 3, province: 10 } as const satisfies Record<ProcedureLevel, number>;

type TemplateStep = Omit<ProcessStep, 'allowanceHours'> & { weight: number };

const UNIT = 0.25; // quarter hours

/** Splits `totalHours` by `weights` into quarter-hour allowances ≥ 0.25 h summing exactly to the total. */
export function splitAllowance(totalHours: number, weights: readonly number[]): number[] {
  const units = Math.round(totalHours / UNIT);
  if (!Number.isFinite(totalHours) || Math.abs(units * UNIT - totalHours) > 1e-9) {
    throw new RangeError(`time limit ${totalHours} h is not a whole number of quarter hours`);
  }
  if (units < weights.length) throw new RangeError(`time limit ${totalHours} h is too short for ${weights.length} steps`);
  const sum = weights.reduce((a, w) => a + w, 0);
  const exact = weights.map((w) => (units * w) / sum);
  const parts = exact.map(Math.floor);
  let left = units - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
  }
  // every step gets at least one unit, taken from the largest part
  parts.forEach((p, i) => {
    if (p > 0) return;
    const largest = parts.indexOf(Math.max(...parts));
    parts[largest] = (parts[largest] ?? 0) - 1;
    parts[i] = 1;
  });
  return parts.map((p) => p * UNIT);
}

function build(id: string, name: string, nameEn: string, steps: TemplateStep[], totalHours: number): ProcessDefinition {
  const hours = splitAllowance(totalHours, steps.map((s) => s.weight));
  return {
    id,
    version: 1,
    name,
    nameEn,
    steps: steps.map(({ weight: _weight, ...s }, i) => ({ ...s, allowanceHours: hours[i] ?? 0 })),
  };
}

const HANDLING: StepActor = { kind: 'handling' };

export function communeSingleStep(totalHours = DEFAULT_WORKING_DAYS.commune * HOURS_PER_WORKING_DAY): ProcessDefinition {
  return build('commune-single-step', 'Cấp xã: công chức xử lý, lãnh đạo ký', 'Commune: the officer handles, the leader signs', [
    {
      id: 'handle', name: 'Công chức chuyên môn thẩm định, xử lý', nameEn: 'Officer reviews and handles',
      role: 'specialist', actor: HANDLING, weight: 3, actions: ['forward', 'request_supplement', 'propose_refusal'],
    },
    {
      id: 'sign', name: 'Lãnh đạo Ủy ban nhân dân xã ký', nameEn: 'Commune leader approves and signs',
      role: 'agency_leader', actor: HANDLING, weight: 1, actions: ['send_back', 'approve', 'sign', 'issue_result'],
    },
  ], totalHours);
}

export function departmentThreeStep(totalHours = DEFAULT_WORKING_DAYS.province * HOURS_PER_WORKING_DAY): ProcessDefinition {
  return build('department-three-step', 'Sở, ngành: chuyên viên → lãnh đạo phòng → lãnh đạo cơ quan', 'Department: specialist → head of division → agency leader', [
    {
      id: 'specialist', name: 'Chuyên viên thẩm định', nameEn: 'Specialist reviews',
      role: 'specialist', actor: HANDLING, weight: 6, actions: ['forward', 'request_supplement', 'propose_refusal'],
    },
    {
      id: 'division_head', name: 'Lãnh đạo phòng xem xét', nameEn: 'Head of division reviews',
      role: 'agency_leader', actor: HANDLING, weight: 2, actions: ['forward', 'send_back', 'approve', 'propose_refusal'],
    },
    {
      id: 'agency_leader', name: 'Lãnh đạo cơ quan ký', nameEn: 'Agency leader signs',
      role: 'agency_leader', actor: HANDLING, weight: 2, actions: ['send_back', 'sign', 'issue_result'],
    },
  ], totalHours);
}

/** Handling agency → partner agency (default: the applicant's commune) → back → handling leader. */
export function interAgency(
  totalHours = DEFAULT_WORKING_DAYS.province * HOURS_PER_WORKING_DAY,
  partner: StepActor = { kind: 'commune' },
): ProcessDefinition {
  const suffix = partner.kind === 'fixed' ? partner.agencyKind : partner.kind;
  return build(`inter-agency-${suffix}`, 'Liên thông giữa các cơ quan', 'Inter-agency (liên thông)', [
    {
      id: 'prepare', name: 'Chuyên viên cơ quan giải quyết thẩm định, chuyển liên thông', nameEn: 'Handling specialist reviews and transfers',
      role: 'specialist', actor: HANDLING, weight: 2, actions: ['transfer', 'request_supplement', 'propose_refusal'],
    },
    {
      id: 'partner', name: 'Cơ quan phối hợp xử lý', nameEn: 'Partner agency processes',
      role: 'specialist', actor: partner, weight: 3, actions: ['transfer', 'send_back'],
    },
    {
      id: 'consolidate', name: 'Chuyên viên tổng hợp kết quả liên thông', nameEn: 'Handling specialist consolidates',
      role: 'specialist', actor: HANDLING, weight: 2, actions: ['forward', 'send_back', 'propose_refusal'],
    },
    {
      id: 'sign', name: 'Lãnh đạo cơ quan giải quyết ký', nameEn: 'Handling agency leader signs',
      role: 'agency_leader', actor: HANDLING, weight: 1, actions: ['send_back', 'approve', 'sign', 'issue_result'],
    },
  ], totalHours);
}

/** The time limit (working days) the process is sized for; see the module comment. */
export function procedureWorkingDays(procedure: Procedure, channel?: Channel): number {
  const limits = procedure.channels
    .filter((c) => channel === undefined || c.channel === channel)
    .map((c) => c.workingDays)
    .filter((d): d is number => d !== null && d > 0);
  return limits.length ? Math.min(...limits) : DEFAULT_WORKING_DAYS[procedure.level];
}

/**
 * The process of a procedure: commune agencies at commune level → communeSingleStep; other agencies at
 * commune level → interAgency with the applicant's commune; land registration at province level →
 * interAgency with the tax office (financial obligations); everything else → departmentThreeStep.
 */
export function processForProcedure(procedure: Procedure, opts: { channel?: Channel } = {}): ProcessDefinition {
  const totalHours = procedureWorkingDays(procedure, opts.channel) * HOURS_PER_WORKING_DAY;
  const isCommuneAgency = COMMUNE_AGENCY_KINDS.includes(procedure.agencyKind);
  const def =
    procedure.level === 'commune' && isCommuneAgency
      ? communeSingleStep(totalHours)
      : procedure.level === 'commune'
        ? interAgency(totalHours, { kind: 'commune' })
        : procedure.agencyKind === 'land_registration_office'
          ? interAgency(totalHours, { kind: 'fixed', agencyKind: 'tax_office' })
          : departmentThreeStep(totalHours);
  return { ...def, id: `${procedure.code}:${def.id}` };
}
