/** The demo province: catalogue from seed/catalog.json and one account per role. */
import type { Config } from '../config.ts';
import type { Database, Db } from '../db/index.ts';
import type { Clock } from '../platform/clock.ts';
import type { Role } from '../platform/auth.ts';
import { countProcedures, loadSeed, readSeed, type AgencyKind, type CatalogSeed, type Progress } from '../modules/catalog/index.ts';
import { createOfficer, registerCitizen, userIdByUsername, verifyCitizen } from '../modules/identity/index.ts';
import { ensurePki } from '../modules/pki/index.ts';
import { registerOwnServices } from '../modules/gateway/index.ts';
import { generate } from './generate.ts';

export const DEMO_COMMUNE = '18859'; // Phường Đồng Thuận, Quảng Trị

interface DemoOfficer { username: string; fullName: string; roles: Role[]; kind: AgencyKind; commune?: string }
const OFFICERS: DemoOfficer[] = [
  { username: 'admin.tinh', fullName: 'Quản trị Tỉnh', roles: ['province_admin'], kind: 'province_peoples_committee' },
  { username: 'motcua.tinh', fullName: 'Nguyễn Thị Một Cửa', roles: ['counter_officer'], kind: 'public_service_center' },
  { username: 'chuyenvien.taichinh', fullName: 'Trần Văn Chuyên', roles: ['specialist'], kind: 'department_finance' },
  { username: 'lanhdao.taichinh', fullName: 'Lê Văn Lãnh', roles: ['agency_leader'], kind: 'department_finance' },
  { username: 'quantri.taichinh', fullName: 'Phạm Quản Trị', roles: ['agency_admin'], kind: 'department_finance' },
  { username: 'chuyenvien.tuphap', fullName: 'Hoàng Thị Tư', roles: ['specialist'], kind: 'department_justice' },
  { username: 'lanhdao.tuphap', fullName: 'Đặng Văn Pháp', roles: ['agency_leader'], kind: 'department_justice' },
  { username: 'motcua.dongthuan', fullName: 'Võ Thị Tiếp Nhận', roles: ['counter_officer'], kind: 'commune_peoples_committee', commune: DEMO_COMMUNE },
  { username: 'chuyenvien.dongthuan', fullName: 'Bùi Văn Hộ Tịch', roles: ['specialist'], kind: 'commune_peoples_committee', commune: DEMO_COMMUNE },
  { username: 'lanhdao.dongthuan', fullName: 'Ngô Thị Chủ Tịch', roles: ['agency_leader'], kind: 'commune_peoples_committee', commune: DEMO_COMMUNE },
];
const CITIZEN = { idNumber: '045095001234', fullName: 'Nguyễn Văn An', phone: '0912345678' };

/** The user names of the demo accounts (their password is published: DEMO_PASSWORD's default). */
export const DEMO_USERNAMES: readonly string[] = [CITIZEN.idNumber, ...OFFICERS.map((o) => o.username)];

export interface DemoAccount { username: string; password: string; kind: 'citizen' | 'officer'; fullName: string; roles: Role[]; agencyId: string | null; agencyName: string | null }

export function demoAccounts(seed: CatalogSeed, password: string): DemoAccount[] {
  const officers = OFFICERS.map((o) => {
    const agency = seed.agencies.find((a) => a.kind === o.kind && (o.commune ? a.unitCode === o.commune : a.unitCode === null));
    if (!agency) throw new Error(`demo seed: no agency of kind ${o.kind}`);
    return { username: o.username, password, kind: 'officer' as const, fullName: o.fullName, roles: o.roles, agencyId: agency.id, agencyName: agency.name };
  });
  return [
    { username: CITIZEN.idNumber, password, kind: 'citizen', fullName: CITIZEN.fullName, roles: [], agencyId: null, agencyName: null },
    ...officers,
  ];
}

export async function seedDemo(db: Db, config: Config, clock: Clock, opts: { onlyIfEmpty?: boolean; log?: (m: string) => void; progress?: Progress } = {}) {
  const log = opts.log ?? (() => undefined);
  if (opts.onlyIfEmpty && (await countProcedures(db)) > 0) return null;
  const seed = readSeed();
  const loaded = await loadSeed(db, seed, clock.now(), opts.progress);
  log(`seeded ${loaded.units} units, ${loaded.agencies} agencies, procedures: ${loaded.created} new, ${loaded.updated} updated, ${loaded.unchanged} unchanged`);
  const ctx = { db, clock, config, actor: null, requestId: null, log: null };
  let created = 0;
  for (const a of demoAccounts(seed, config.demoPassword)) {
    const exists = await userIdByUsername(db, a.username);
    if (exists) continue;
    if (a.kind === 'citizen') {
      // The demo citizen is verified, as if an officer had checked their ID card at the counter.
      const citizen = await registerCitizen(ctx, { idNumber: a.username, fullName: a.fullName, phone: CITIZEN.phone, password: a.password });
      await verifyCitizen(ctx, citizen.id, 'counter');
    }
    else await createOfficer(db, config, clock, { username: a.username, password: a.password, fullName: a.fullName, agencyId: a.agencyId!, roles: a.roles });
    created++;
  }
  log(`demo accounts: ${created} created (password: DEMO_PASSWORD, see \`npx motcua demo-accounts\`)`);
  const pki = await ensurePki(db, config, clock);
  if (pki.created) log('PKI: province root CA, issuing CA, seal and officer certificates created (see `npx motcua pki list`)');
  const own = await registerOwnServices({ db, clock, config, actor: null });
  if (own) log(`gateway: the one-stop system is ${own.subsystem}, offering ${own.services.length} services`);
  return { ...loaded, accounts: created };
}

/** The demo's operations centre gets a province-year so far of generated dossiers (first start only). */
export async function generateDemoYear(database: Database, config: Config): Promise<void> {
  const year = new Date().getFullYear();
  console.log(`generating ${config.demoDossiers} dossiers of ${year} for the operations centre (DEMO_DOSSIERS)…`);
  let shown = -1;
  const r = await generate(database, {
    dossiers: config.demoDossiers, year, seed: 'demo', databaseUrl: config.databaseUrl,
    progress: (phase, done, total) => {
      const pct = Math.floor((done / Math.max(1, total)) * 4) * 25;
      if (phase === 'dossiers' && pct !== shown) console.log(`  dossiers ${pct}%`);
      if (phase === 'dossiers') shown = pct;
    },
  });
  console.log(`generated ${r.dossiers} dossiers, IOC figures rebuilt (${r.seconds}s)`);
}
