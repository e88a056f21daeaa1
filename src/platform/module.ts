/**
 * The module contract: every module of motcua (`src/modules/<name>/index.ts`) exports one `Module`,
 * and the composition roots (`server.ts`, `main.ts`, `cli/index.ts`) loop over the one list in
 * `src/modules/index.ts`. A module declares what it brings — routes, outbox consumers, jobs, command
 * line commands, problem types, migrations — and the tables it owns; it reads and writes only those
 * tables and reaches other modules through their `index.ts` exports or through events.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Command } from 'commander';
import type { Config } from '../config.ts';
import type { Database, Db } from '../db/index.ts';
import type { Clock } from './clock.ts';
import type { Consumer } from './consumers.ts';
import type { ProblemDefs } from './errors.ts';
import type { JobDefinition } from './jobs.ts';
import type { Principal } from './auth.ts';
import { newObservability, type Observability } from './observability.ts';

/** What a signed-in caller may do in the web application, from the rules of the modules that own them. */
export interface Abilities {
  /** Every ability any module grants, in module order. */
  names: readonly string[];
  of(p: Principal): string[];
}

/**
 * What the composition root hands to modules besides the database, clock and settings: services one
 * module implements and another needs without importing it (the dossier lifecycle's document issuer,
 * implemented by results; the file store). Each module that offers or needs one adds its field here by
 * declaration merging (`declare module '../../platform/module.ts' { interface Services { … } }`).
 */
export interface Services {
  abilities: Abilities;
  /** The node's metrics registry and readiness checks (src/platform/observability.ts). */
  observability: Observability;
}

export interface ModuleContext {
  db: Db;
  clock: Clock;
  config: Config;
  services: Services;
}

export interface CliContext {
  config: Config;
  /** Opens the configured database, migrated, runs `fn` and closes it. */
  withDb<T>(fn: (d: Database, config: Config) => Promise<T>): Promise<T>;
  /** A progress bar on standard error. */
  bar(label: string): { update(done: number, total: number): void; stop(): void };
  services(d: Database): Promise<Services>;
}

export interface Module<Table extends string = string> {
  /** Lower-case name, the folder's name. */
  name: string;
  /** The tables this module owns, created by its migrations; no other module reads or writes them. */
  tables: readonly Table[];
  /** Its SQL migrations folder (`new URL('./migrations/', import.meta.url)`), files named `NNN_name.sql`. */
  migrations?: URL;
  /** Its problem types (merged into the catalogue of problems). */
  problems?: ProblemDefs;
  /** Routes under `/api/v1`. */
  routes?: (ctx: ModuleContext) => FastifyPluginAsync;
  /** Routes outside the API (public pages such as document verification). */
  pages?: (ctx: ModuleContext) => FastifyPluginAsync;
  /** Outbox consumers the server runs (each applied once across nodes). */
  consumers?: (ctx: ModuleContext) => Consumer[];
  /** Jobs on the job queue: fed from outbox topics, scheduled, or sent by the module; retried, dead-lettered. */
  jobs?: (ctx: ModuleContext) => JobDefinition[];
  /** Command line commands (`npx motcua …`). */
  commands?: (program: Command, cli: CliContext) => void;
  /**
   * The abilities this module grants (shown to the web app by `GET /auth/me`), each the same rule that
   * guards the module's routes, so that the web app shows and guards its pages by what the server allows.
   */
  abilities?: Record<string, (p: Principal) => boolean>;
  /** Builds the services this module offers to others (it sees those of the modules listed before it). */
  provides?: (ctx: ModuleContext) => Partial<Services> | Promise<Partial<Services>>;
}

/** A module definition, checked. */
export function defineModule<const Table extends string>(m: Module<Table>): Module<Table> {
  if (!/^[a-z][a-z0-9-]*$/.test(m.name)) throw new Error(`module name ${m.name}: lower-case letters, digits and dashes`);
  return m;
}

/** The services of all modules, in list order (a module's `provides` sees the ones before it). */
export async function buildServices(modules: readonly Module[], base: Omit<ModuleContext, 'services'>, seed: Partial<Services> = {}): Promise<Services> {
  const services: Partial<Services> = { ...seed };
  services.abilities = abilitiesOf(modules);
  services.observability ??= newObservability();
  for (const m of modules) Object.assign(services, await m.provides?.({ ...base, services: services as Services }));
  return services as Services;
}

/** Checks the list: unique names, each table owned once. */
export function checkModules(modules: readonly Module[]): void {
  const names = new Set<string>();
  const owner = new Map<string, string>();
  for (const m of modules) {
    if (names.has(m.name)) throw new Error(`two modules are named ${m.name}`);
    names.add(m.name);
    for (const t of m.tables) {
      const other = owner.get(t);
      if (other) throw new Error(`table ${t} is claimed by ${other} and ${m.name}`);
      owner.set(t, m.name);
    }
  }
}

/** The abilities of all modules (a name granted by two modules is an error). */
export function abilitiesOf(modules: readonly Module[]): Abilities {
  const rules = new Map<string, (p: Principal) => boolean>();
  for (const m of modules) {
    for (const [name, rule] of Object.entries(m.abilities ?? {})) {
      if (rules.has(name)) throw new Error(`ability ${name} of ${m.name} is granted by another module too`);
      rules.set(name, rule);
    }
  }
  const names = [...rules.keys()];
  return { names, of: (p) => names.filter((n) => rules.get(n)!(p)) };
}
