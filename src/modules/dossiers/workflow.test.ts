import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Procedure } from '../catalog/index.ts';
import { validateProcess } from './workflow.ts';
import type { ProcessDefinition } from './workflow.ts';
import {
  communeSingleStep,
  DEFAULT_WORKING_DAYS,
  departmentThreeStep,
  interAgency,
  processForProcedure,
  procedureWorkingDays,
  splitAllowance,
} from './workflow-templates.ts';

const SEED = new URL('../../../seed/catalog.json', import.meta.url);
const procedures = (JSON.parse(readFileSync(SEED, 'utf8')) as { procedures: Procedure[] }).procedures;

const TEMPLATES: ProcessDefinition[] = [
  communeSingleStep(),
  departmentThreeStep(),
  interAgency(),
  interAgency(80, { kind: 'fixed', agencyKind: 'tax_office' }),
  communeSingleStep(8),
  interAgency(8),
];
const sum = (def: ProcessDefinition) => def.steps.reduce((a, s) => a + s.allowanceHours, 0);
const clone = (d: ProcessDefinition): ProcessDefinition => structuredClone(d);

describe('validateProcess', () => {
  it('accepts every template', () => {
    for (const t of TEMPLATES) expect(validateProcess(t)).toEqual({ ok: true, value: t });
  });

  it('gives every catalogue procedure a valid process whose allowances sum to its time limit', () => {
    expect(procedures.length).toBeGreaterThan(100);
    for (const p of procedures) {
      const def = processForProcedure(p);
      const result = validateProcess(def);
      expect(result.ok, `${p.code}: ${result.ok ? '' : result.errors.join('; ')}`).toBe(true);
      expect(sum(def)).toBe(procedureWorkingDays(p) * 8);
      expect(def.id.startsWith(`${p.code}:`)).toBe(true);
      for (const c of p.channels) {
        const perChannel = processForProcedure(p, { channel: c.channel });
        expect(sum(perChannel)).toBe((c.workingDays ?? DEFAULT_WORKING_DAYS[p.level]) * 8);
      }
    }
  });

  it('picks the template by level and agency kind', () => {
    const base = procedures[0] as Procedure;
    const pick = (level: Procedure['level'], agencyKind: Procedure['agencyKind']) =>
      processForProcedure({ ...base, level, agencyKind, channels: [] }).id.split(':')[1];
    expect(pick('commune', 'commune_peoples_committee')).toBe('commune-single-step');
    expect(pick('commune', 'commune_police')).toBe('commune-single-step');
    expect(pick('commune', 'tax_office')).toBe('inter-agency-commune');
    expect(pick('province', 'land_registration_office')).toBe('inter-agency-tax_office');
    expect(pick('province', 'department_finance')).toBe('department-three-step');
    expect(sum(processForProcedure({ ...base, level: 'commune', channels: [] }))).toBe(24);
    expect(sum(processForProcedure({ ...base, level: 'province', agencyKind: 'department_justice', channels: [] }))).toBe(80);
  });

  const broken: [string, (d: ProcessDefinition) => unknown, RegExp][] = [
    ['no steps', (d) => ({ ...d, steps: [] }), /steps/],
    ['duplicate ids', (d) => { d.steps[1]!.id = d.steps[0]!.id; return d; }, /duplicate step id/],
    ['zero allowance', (d) => { d.steps[0]!.allowanceHours = 0; return d; }, /allowanceHours/],
    ['negative allowance', (d) => { d.steps[1]!.allowanceHours = -1; return d; }, /allowanceHours/],
    ['NaN allowance', (d) => { d.steps[0]!.allowanceHours = NaN; return d; }, /allowance/],
    ['counter officer role', (d) => { (d.steps[0] as { role: string }).role = 'counter_officer'; return d; }, /role/],
    ['unknown role', (d) => { (d.steps[0] as { role: string }).role = 'mayor'; return d; }, /role/],
    ['no way to the next step', (d) => { d.steps[0]!.actions = d.steps[0]!.actions.filter((a) => a !== 'forward' && a !== 'transfer'); return d; }, /forward/],
    ['transfer within an agency', (d) => { d.steps[0]!.actions.push('transfer'); return d; }, /transfer/],
    ['send_back on the first step', (d) => { d.steps[0]!.actions.push('send_back'); return d; }, /send_back/],
    ['final step without issue_result', (d) => { d.steps.at(-1)!.actions = ['send_back', 'sign']; return d; }, /issue_result/],
    ['issue_result before the end', (d) => { d.steps[0]!.actions.push('issue_result'); return d; }, /only the final step/],
    ['forward on the final step', (d) => { d.steps.at(-1)!.actions.push('forward'); return d; }, /final step cannot 'forward'/],
    ['action twice', (d) => { d.steps[0]!.actions.push('forward'); return d; }, /twice/],
    ['unknown action', (d) => { (d.steps[0]!.actions as string[]).push('delete'); return d; }, /actions/],
    ['unknown agency kind', (d) => { (d.steps[0] as { actor: unknown }).actor = { kind: 'fixed', agencyKind: 'ministry' }; return d; }, /actor/],
    ['extra property', (d) => ({ ...d, owner: 'x' }), /additional/],
    ['version 0', (d) => ({ ...d, version: 0 }), /version/],
    ['not an object', () => 'process', /\//],
  ];
  it.each(broken)('rejects a definition with %s', (_name, mutate, message) => {
    const result = validateProcess(mutate(clone(departmentThreeStep())));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(message);
  });

  it('rejects inter-agency misuse: forward across agencies, transfer missing', () => {
    const d = clone(interAgency());
    d.steps[0]!.actions = ['forward', 'request_supplement'];
    const r = validateProcess(d);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(/use 'transfer'/);
  });

  it('rejects every mutation of a valid template (property)', () => {
    const mutations = broken.slice(0, -1).map(([, m]) => m);
    fc.assert(
      fc.property(fc.constantFrom(...TEMPLATES), fc.constantFrom(...mutations), (template, mutate) => {
        expect(validateProcess(mutate(clone(template))).ok).toBe(false);
      }),
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.anything(), (x) => {
      expect(validateProcess(x).ok).toBe(false);
    }));
  });
});

describe('splitAllowance', () => {
  it('splits exactly, in quarter hours, at least a quarter hour each', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 2000 }), (weights, extra) => {
        const total = (weights.length + extra) * 0.25;
        const parts = splitAllowance(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        for (const p of parts) {
          expect(p).toBeGreaterThanOrEqual(0.25);
          expect(Number.isInteger(p * 4)).toBe(true);
        }
      }),
    );
  });

  it('follows the weights and refuses impossible totals', () => {
    expect(splitAllowance(80, [6, 2, 2])).toEqual([48, 16, 16]);
    expect(splitAllowance(8, [2, 3, 2, 1])).toEqual([2, 3, 2, 1]);
    expect(() => splitAllowance(0.5, [1, 1, 1])).toThrow(RangeError);
    expect(() => splitAllowance(1.1, [1])).toThrow(RangeError);
  });
});
