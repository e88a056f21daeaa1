/**
 * `motcua gateway …`: the registry from the command line (provincial IT staff, tests), each with `--json`.
 * `client add` and `service add` register the subsystem (and its member) first when it is missing.
 * Returns the `gateway` command so that other parts add theirs (`gateway log …`).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { systemClock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { CliContext } from '../../platform/module.ts';
import type { Database } from '../../db/index.ts';
import type { Config } from '../../config.ts';
import {
  addCertificateClient, addClient, addGroup, addGroupMember, addMember, addService, addSubsystem, allow, deny, revokeClient, type RegistryCtx,
} from './registry.ts';
import { registryView } from './registry-views.ts';
import { printRegistry } from './cli-print.ts';

type Json = { json?: boolean };

function readFile(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new AppError('bad-request', `cannot read the ${what} file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

export function registerGatewayCommands(program: Command, cli: CliContext): Command {
  const gateway = program.command('gateway').description('the integration gateway (LGSP): registry of members, subsystems, services, credentials and access rights');
  /** Runs a registry change; prints JSON or a line; a refused change prints its problem (JSON on stdout with --json) and exits 2. */
  const act = <T>(o: Json, fn: (ctx: RegistryCtx, d: Database, config: Config) => Promise<T>, text: (r: T) => string) => {
    let refused = false;
    return cli.withDb(async (d, config) => {
      try {
        const r = await fn({ db: d.db, clock: systemClock, config, actor: null }, d, config);
        console.log(o.json ? JSON.stringify(r) : text(r));
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        if (o.json) console.log(JSON.stringify({ error: { type: err.type, status: err.status, detail: err.message } }));
        console.error(`motcua: ${err.type}: ${err.message}`);
        refused = true;
      }
    }).then(() => {
      // After the database closed (closing the embedded one resets the exit code).
      if (refused) process.exitCode = 2;
    });
  };

  gateway.command('member').description('members (organisations)').command('add <memberId>')
    .description('register a member INSTANCE/CLASS/MEMBER').option('--name <name>').option('--json')
    .action((id: string, o: Json & { name?: string }) => act(o, (ctx) => addMember(ctx, id, { name: o.name }), (r) => `registered member ${r.id} (${r.name})`));

  gateway.command('subsystem').description('subsystems (information systems of a member)').command('add <subsystemId>')
    .description('register a subsystem INSTANCE/CLASS/MEMBER/SUBSYSTEM (and its member when missing)')
    .option('--name <name>').option('--member-name <name>').option('--json')
    .action((id: string, o: Json & { name?: string; memberName?: string }) =>
      act(o, (ctx) => addSubsystem(ctx, id, { name: o.name, memberName: o.memberName }), (r) => `registered subsystem ${r.id}${r.memberCreated ? ' and its member' : ''}`));

  const client = gateway.command('client').description('client credentials of subsystems');
  client.command('add <subsystemId>')
    .description('a client id and secret (OAuth 2.0 client credentials), or with --certificate a TLS client certificate, for a subsystem')
    .option('--name <name>', 'the subsystem\'s name, when it is registered now').option('--certificate <file>', 'PEM certificate issued by the province CA').option('--json')
    .action((id: string, o: Json & { name?: string; certificate?: string }) => act(o, async (ctx) => {
      const sub = await addSubsystem(ctx, id, { name: o.name, ifMissing: true });
      if (o.certificate) return { ...(await addCertificateClient(ctx, id, readFile(o.certificate, 'certificate'))), subsystemCreated: sub.created };
      return { ...(await addClient(ctx, id)), subsystemCreated: sub.created };
    }, (r) => ('clientSecret' in r
      ? `client id:     ${r.clientId}\nclient secret: ${r.clientSecret}\n(the secret is shown only this once; the gateway keeps only its hash)`
      : `client id: ${r.clientId}\ncertificate SHA-256: ${r.fingerprint}`)));
  client.command('revoke <clientId>').description('revoke a client id (its secret or certificate stops working)').option('--json')
    .action((id: string, o: Json) => act(o, (ctx) => revokeClient(ctx, id), (r) => (r.revoked ? `revoked ${r.clientId}` : `${r.clientId} was already revoked`)));

  gateway.command('service').description('services of provider subsystems').command('add <serviceId>')
    .description('register or update a service INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE (the provider subsystem is registered when missing)')
    .option('--url <url>', 'the backend base URL (default: the OpenAPI document\'s first server)')
    .option('--openapi <file>', 'OpenAPI 3 document (JSON or YAML): its endpoints are imported')
    .option('--digest-only', 'the message log keeps only the bodies\' digests')
    .option('--timeout-ms <ms>', 'provider timeout').option('--title <title>').option('--json')
    .action((id: string, o: Json & { url?: string; openapi?: string; digestOnly?: boolean; timeoutMs?: string; title?: string }) => act(o, async (ctx) => {
      const timeoutMs = o.timeoutMs === undefined ? undefined : Number(o.timeoutMs);
      const openapi = o.openapi ? readFile(o.openapi, 'OpenAPI') : undefined;
      await addSubsystem(ctx, id.split('/').slice(0, 4).join('/'), { ifMissing: true });
      return addService(ctx, id, { url: o.url, openapi, digestOnly: o.digestOnly, timeoutMs, title: o.title });
    }, (r) => `${r.created ? 'registered' : 'updated'} service ${r.id} → ${r.url} (${r.endpoints.length} endpoint(s)${r.digestOnly ? ', digest-only log' : ''})`));

  const right = (cmd: 'allow' | 'deny') => gateway.command(`${cmd} <subject> <serviceId>`)
    .description(cmd === 'allow'
      ? 'grant a subject (client id, subsystem INSTANCE/CLASS/MEMBER/SUBSYSTEM or group:CODE) the right to call a service or its endpoints'
      : 'revoke a subject\'s rights on a service (all of them, or the one with --method and --path)')
    .option('--method <method>', 'GET, POST, … or *').option('--path <path>', 'path pattern: /dossiers/*, /dossiers/{code}, or *').option('--json');
  right('allow').action((subject: string, service: string, o: Json & { method?: string; path?: string }) =>
    act(o, (ctx) => allow(ctx, subject, service, o), (r) => `${r.granted ? 'granted' : 'already granted'}: ${r.subject} may call ${r.method} ${r.path} on ${r.service}`));
  right('deny').action((subject: string, service: string, o: Json & { method?: string; path?: string }) =>
    act(o, (ctx) => deny(ctx, subject, service, o), (r) => (r.removed.length
      ? `revoked ${r.removed.map((x) => `${x.method} ${x.path}`).join(', ')} of ${r.subject} on ${r.service}`
      : `${r.subject} had no such right on ${r.service}`)));

  const group = gateway.command('group').description('groups of subsystems (subject group:CODE)');
  group.command('add <code>').option('--description <text>').option('--json')
    .action((code: string, o: Json & { description?: string }) => act(o, (ctx) => addGroup(ctx, code, o), (r) => `registered ${r.id}`));
  group.command('member <code> <subsystemId>').description('add a subsystem to a group').option('--json')
    .action((code: string, sub: string, o: Json) => act(o, (ctx) => addGroupMember(ctx, code, sub), (r) => `${r.added ? 'added' : 'already in'}: ${r.subsystem} in ${r.group}`));

  gateway.command('list').description('members, subsystems, credentials (without secrets), services, rights and groups').option('--json')
    .action((o: Json) => act(o, (_ctx, d, config) => registryView(d.db, config.gateway.instance), printRegistry));
  return gateway;
}
