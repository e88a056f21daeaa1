/**
 * Fixtures for the lifecycle tests: agencies, actors, a calendar and a tiny driver that applies
 * commands and fails loudly on refusal. Test support only; not used by production code.
 */
import { createCalendar, parseVnDateTime } from '../../src/modules/calendar/index.ts';
import type { Channel } from '../../src/modules/catalog/index.ts';
import { apply, decide, initialState } from '../../src/modules/dossiers/lifecycle.ts';
import type { Actor, Command, DossierAgencies, DossierState, HistoryEvent, LifecycleContext } from '../../src/modules/dossiers/lifecycle.ts';
import type { ProcessDefinition } from '../../src/modules/dossiers/workflow.ts';

export const calendar = createCalendar();
export const vn = (s: string): Date => parseVnDateTime(s);

export const AGENCIES: DossierAgencies = {
  deskId: 'DESK',
  handlingId: 'HANDLING',
  communeId: 'COMMUNE',
  fixed: { tax_office: 'TAX' },
};

const officer = (userId: string, roles: Actor['roles'], agencyId: string): Actor => ({
  userId, name: userId, title: roles.join(', '), unitName: agencyId, kind: 'officer', roles, agencyId,
});

export const ACTORS = {
  applicant: { userId: 'citizen-1', name: 'Nguyễn Văn A', title: 'Công dân', kind: 'citizen', roles: [], agencyId: null },
  otherCitizen: { userId: 'citizen-2', name: 'Trần Thị B', title: 'Công dân', kind: 'citizen', roles: [], agencyId: null },
  desk: officer('desk-1', ['counter_officer'], 'DESK'),
  specialist: officer('spec-1', ['specialist'], 'HANDLING'),
  leader: officer('lead-1', ['agency_leader'], 'HANDLING'),
  communeSpecialist: officer('commune-spec', ['specialist'], 'COMMUNE'),
  taxSpecialist: officer('tax-spec', ['specialist'], 'TAX'),
  otherDesk: officer('desk-2', ['counter_officer'], 'OTHER'),
  admin: officer('admin-1', ['province_admin', 'agency_admin'], 'HANDLING'),
  system: { userId: 'system', name: 'Hệ thống', title: '', kind: 'system', roles: [], agencyId: null },
} as const satisfies Record<string, Actor>;
export type ActorName = keyof typeof ACTORS;

export function context(process: ProcessDefinition, now: Date, opts: { channel?: Channel; workingDays?: number | null } = {}): LifecycleContext {
  return {
    now,
    calendar,
    process,
    workingDays: opts.workingDays === undefined ? 5 : opts.workingDays,
    channel: opts.channel ?? 'online',
    applicantId: ACTORS.applicant.userId,
    agencies: AGENCIES,
  };
}

/** Applies commands one by one; throws with the refusal when one is not accepted. */
export class Driver {
  state: DossierState = initialState;
  history: HistoryEvent[] = [];
  constructor(
    readonly process: ProcessDefinition,
    readonly opts: { channel?: Channel; workingDays?: number | null } = {},
  ) {}

  ctx(now: Date): LifecycleContext {
    return context(this.process, now, this.opts);
  }

  try(actor: ActorName, command: Command, at: string | Date) {
    const now = typeof at === 'string' ? vn(at) : at;
    return decide(this.state, command, { ...this.ctx(now), actor: ACTORS[actor] });
  }

  do(actor: ActorName, command: Command, at: string | Date): HistoryEvent {
    const d = this.try(actor, command, at);
    if (!d.ok) throw new Error(`${command.action} by ${actor} refused: ${d.code} ${d.reason}`);
    this.history.push(d.event);
    this.state = apply(this.state, d.event);
    return d.event;
  }
}
