/**
 * Test support for the IOC (not used by production code): a test server with the IOC routes, the demo
 * province's actors as principals, and dossiers driven through the real intake and lifecycle services.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/index.ts';
import type { Principal } from '../../src/platform/auth.ts';
import type { Ctx } from '../../src/platform/context.ts';
import { AppError } from '../../src/platform/errors.ts';
import { catchUp } from '../../src/platform/consumers.ts';
import type { Config } from '../../src/config.ts';
import type { Clock } from '../../src/platform/clock.ts';
import * as catalog from '../../src/modules/catalog/service.ts';
import { lifecycleView, perform, type ActionInput } from '../../src/modules/dossiers/lifecycle-service.ts';
import type { DocumentIssuer } from '../../src/modules/dossiers/index.ts';
import { registerAtCounter, submitOnline } from '../../src/modules/dossiers/service.ts';
import * as store from '../../src/modules/dossiers/store.ts';
import { fill } from '../sample-form.ts';
import { IOC_CONSUMER, iocHandler } from '../../src/modules/ioc/rollups.ts';

export const DEMO_CITIZEN = '045095001234';
export const COMMUNE = '18859';

/** Two procedures and the officers who process them: a commune one and a provincial department one. */
export const CASES = {
  birth: { procedure: '1.001193', desk: 'motcua.dongthuan', officers: ['chuyenvien.dongthuan', 'lanhdao.dongthuan'] },
  company: { procedure: '2.001610', desk: 'motcua.tinh', officers: ['chuyenvien.taichinh', 'lanhdao.taichinh'] },
} as const;
export type CaseName = keyof typeof CASES;

export async function principal(db: Db, username: string): Promise<Principal> {
  const u = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  return { userId: u.id, kind: u.kind, username: u.username, fullName: u.full_name, agencyId: u.agency_id, roles: u.roles };
}

export interface Driver {
  db: Db;
  clock: Clock;
  config: Config;
  ctx(actor: Principal): Ctx;
  who(username: string): Promise<Principal>;
  /** A new dossier of the case, online (by the demo citizen) or at the counter; returns its code. */
  intake(c: CaseName, online: boolean): Promise<string>;
  /** Every (username, action) possible on the dossier now. */
  options(c: CaseName, code: string): Promise<{ username: string; action: ActionInput['action'] }[]>;
  /** Performs the action; false when the service refuses it (e.g. a reschedule too close to the due date). */
  act(username: string, code: string, action: ActionInput['action']): Promise<boolean>;
  /** Applies the pending outbox events to the rollups. */
  consume(): Promise<number>;
}

/** `issuer`: documents are issued by the actions (the results module's); without it, none are. */
export function driver(db: Db, clock: Clock, config: Config, issuer?: DocumentIssuer): Driver {
  const principals = new Map<string, Principal>();
  const ctx = (actor: Principal): Ctx => ({ db, clock, config, actor, requestId: null, log: null });
  const who = async (username: string) => {
    let p = principals.get(username);
    if (!p) principals.set(username, (p = await principal(db, username)));
    return p;
  };
  const files = async (owner: Principal, code: string) => {
    const procedure = await catalog.getProcedure(db, code);
    const out = [];
    for (const c of procedure.components.filter((x) => x.required)) {
      const id = randomUUID();
      await db.insertInto('files').values({ id, owner_id: owner.userId, sha256: randomUUID().replaceAll('-', '').padEnd(64, '0'), size: 1000, media_type: 'application/pdf', name: 'scan.pdf', created_at: clock.now() }).execute();
      out.push({ componentCode: c.code, fileId: id });
    }
    return { procedure, files: out };
  };
  return {
    db, clock, config, ctx, who,
    async intake(c, online) {
      const spec = CASES[c];
      const actor = await who(online ? DEMO_CITIZEN : spec.desk);
      const { procedure, files: attached } = await files(actor, spec.procedure);
      const formData = fill(procedure.eform as never, { communeCode: COMMUNE, applicantIdNumber: DEMO_CITIZEN });
      const input = { procedureCode: spec.procedure, formData, files: attached };
      const r = online
        ? await submitOnline(ctx(actor), input, randomUUID())
        : await registerAtCounter(ctx(actor), { ...input, channel: 'direct', applicant: { idNumber: DEMO_CITIZEN, fullName: 'Nguyễn Văn An' } }, randomUUID());
      return r.dossier.code as string;
    },
    async options(c, code) {
      const row = (await store.getByCode(db, code))!;
      const out: { username: string; action: ActionInput['action'] }[] = [];
      for (const username of [DEMO_CITIZEN, CASES[c].desk, ...CASES[c].officers]) {
        const view = await lifecycleView(ctx(await who(username)), row, await who(username));
        for (const action of view.allowedActions) out.push({ username, action });
      }
      return out;
    },
    async act(username, code, action) {
      const row = (await store.getByCode(db, code))!;
      const due = row.due_at ?? clock.now();
      const input: ActionInput = {
        action, reason: 'Lý do', items: ['Giấy tờ bổ sung'], amountVND: 50_000, rating: ['very_satisfied', 'satisfied', 'not_satisfied'][row.version % 3],
        newDueAt: new Date(due.getTime() + 3 * 86_400_000).toISOString(),
      };
      try {
        await perform(ctx(await who(username)), code, input, row.version, issuer);
        return true;
      } catch (err) {
        if (err instanceof AppError && err.status < 500) return false;
        throw err;
      }
    },
    consume: () => catchUp(db, IOC_CONSUMER, iocHandler()),
  };
}
