/**
 * Random action sequences (random actors, random commands, time moving forward) against the rules:
 * every accepted event is permitted by ALLOWED and TARGETS, `allowedActions` agrees with `decide`, the
 * state never leaves the table, and replaying the (stored, JSON round-tripped) history gives the state.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StatusCode } from './model.ts';
import { ACTIONS, ALLOWED, allowedActions, apply, CREATION_ACTIONS, decide, initialState, RATINGS, reduce, TARGETS } from './lifecycle.ts';
import type { Action, Command, DossierState, HistoryEvent } from './lifecycle.ts';
import { ACTORS, context, vn } from '../../../test/support/lifecycle-testkit.ts';
import type { ActorName } from '../../../test/support/lifecycle-testkit.ts';
import { communeSingleStep, departmentThreeStep, interAgency } from './workflow-templates.ts';

const PROCESSES = [communeSingleStep(24), departmentThreeStep(80), interAgency(40), interAgency(80, { kind: 'fixed', agencyKind: 'tax_office' })];
const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];
const DAY_MS = 86_400_000;
const START = vn('2026-01-01T00:00').getTime();

/** A command for the action; variant 0 gives invalid form data where the action has any. */
function command(action: Action, variant: number, state: DossierState, now: Date): Command {
  const bad = variant === 0;
  const reason = bad ? ' ' : `Lý do ${variant}`;
  switch (action) {
    case 'refuse':
    case 'propose_refusal':
    case 'accept_withdrawal':
      return { action, reason };
    case 'request_withdrawal':
      return { action, reason };
    case 'request_supplement':
      return { action, items: bad ? [] : ['Giấy tờ còn thiếu'], reason };
    case 'request_payment':
      return { action, amountVND: bad ? 0 : variant * 10_000 };
    case 'reschedule': {
      const base = (state.dueAt ?? now).getTime();
      return { action, reason, newDueAt: new Date(bad ? base : base + variant * DAY_MS) };
    }
    case 'rate':
      return { action, rating: bad ? ('so-so' as never) : (RATINGS[variant % 3] ?? 'satisfied') };
    default:
      return { action, note: variant % 2 ? `Ghi chú ${variant}` : undefined };
  }
}

const move = fc.record({
  guided: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
  pick: fc.nat(),
  actor: fc.nat(),
  action: fc.nat(),
  variant: fc.integer({ min: 0, max: 9 }),
  minutes: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 3 * 24 * 60 })),
});

const scenario = fc.record({
  process: fc.constantFrom(...PROCESSES),
  channel: fc.constantFrom('online', 'direct', 'postal') as fc.Arbitrary<'online' | 'direct' | 'postal'>,
  workingDays: fc.constantFrom(1, 3, 5, 15, null),
  start: fc.integer({ min: 0, max: 364 * 24 * 60 }).map((m) => new Date(START + m * 60_000)),
  moves: fc.array(move, { minLength: 1, maxLength: 60 }),
});

const DETOURS: readonly Action[] = ['refuse', 'request_withdrawal', 'send_back', 'request_supplement', 'request_payment'];
type Option = { name: ActorName; action: Action };
/** What some actor may do now; detours (refusal, withdrawal, going back) are usually left out. */
function options(state: DossierState, ctx: ReturnType<typeof context>, detour: number): Option[] {
  const all = ACTOR_NAMES.flatMap((name) => allowedActions(state, ACTORS[name], ctx).map((action) => ({ name, action })));
  const ahead = all.filter((o) => !DETOURS.includes(o.action));
  return detour % 4 === 0 || ahead.length === 0 ? all : ahead;
}

const DATE_KEYS = new Set(['at', 'stepStartedAt', 'stepDueAt', 'dueAt']);
const revive = (json: string): HistoryEvent[] =>
  JSON.parse(json, (k, v: unknown) => (DATE_KEYS.has(k) && typeof v === 'string' ? new Date(v) : v)) as HistoryEvent[];

function invariants(s: DossierState, stepCount: number): void {
  expect(s.status !== null && s.status in ALLOWED).toBe(true);
  if (s.status === 4) expect(s.step !== null && s.step.index < stepCount).toBe(true);
  if (s.step) expect(s.step.dueAt.getTime()).toBeGreaterThan(s.step.startedAt.getTime());
  if (s.status === 5) expect(s.pausedAt).not.toBeNull();
  if (s.pausedAt) expect([5, 7]).toContain(s.status);
  if (s.rating) expect(s.status).toBe(10);
  if (s.status === 9 || s.status === 10) expect(s.resultAt).not.toBeNull();
}

describe('lifecycle properties', () => {
  it('random sequences stay inside the table, and replay equals the stored state', () => {
    fc.assert(
      fc.property(scenario, ({ process, channel, workingDays, start, moves }) => {
        let state = initialState;
        const history: HistoryEvent[] = [];
        let now = start;
        let accepted = 0;
        for (const m of moves) {
          now = new Date(now.getTime() + m.minutes * 60_000);
          const ctx = context(process, now, { channel, workingDays });
          const offers = options(state, ctx, m.action);
          const chosen = m.guided && offers.length
            ? offers[m.pick % offers.length]!
            : { name: ACTOR_NAMES[m.actor % ACTOR_NAMES.length]!, action: ACTIONS[m.action % ACTIONS.length]! };
          const actor = ACTORS[chosen.name];
          const d = decide(state, command(chosen.action, m.variant, state, now), { ...ctx, actor });
          const offered = allowedActions(state, actor, ctx).includes(chosen.action);
          // decide and allowedActions agree; only the command's data can still be refused
          expect(offered).toBe(d.ok || d.code === 'invalid');
          if (!d.ok) continue;
          const before: readonly Action[] = state.status === null ? CREATION_ACTIONS : ALLOWED[state.status];
          expect(before).toContain(chosen.action);
          expect(TARGETS[chosen.action] as readonly StatusCode[]).toContain(d.event.status);
          expect(d.event.seq).toBe(state.version + 1);
          expect(d.event.at).toEqual(now);
          const previousDue = state.dueAt;
          state = apply(state, d.event);
          history.push(d.event);
          accepted++;
          invariants(state, process.steps.length);
          if (previousDue && state.dueAt) expect(state.dueAt.getTime()).toBeGreaterThanOrEqual(previousDue.getTime());
        }
        expect(reduce(history)).toEqual(state);
        expect(reduce(revive(JSON.stringify(history)))).toEqual(state);
        expect(state.version).toBe(accepted);
      }),
      { numRuns: 300 },
    );
  });

  it('random sequences reach every status', () => {
    const seen = new Set<StatusCode>();
    fc.assert(
      fc.property(scenario, ({ process, channel, workingDays, start, moves }) => {
        let state = initialState;
        let now = start;
        for (const m of moves) {
          now = new Date(now.getTime() + m.minutes * 60_000);
          const ctx = context(process, now, { channel, workingDays });
          const offers = options(state, ctx, m.action);
          const chosen = offers[m.pick % Math.max(1, offers.length)];
          if (!chosen) break;
          const d = decide(state, command(chosen.action, m.variant || 1, state, now), { ...ctx, actor: ACTORS[chosen.name] });
          expect(d.ok).toBe(true);
          if (d.ok) state = apply(state, d.event);
          if (state.status) seen.add(state.status);
        }
      }),
      { numRuns: 300 },
    );
    expect([...seen].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
