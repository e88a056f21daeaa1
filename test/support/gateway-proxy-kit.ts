/**
 * The gateway under test: a motcua server listening on a real port, the provider simulator as a separate
 * process, registry set-up through the registry's own functions, OAuth tokens, and calls over HTTP.
 */
import { Agent, request as httpRequest } from 'node:http';

const agent = new Agent({ keepAlive: true });
import { testApp, type TestApp } from '../helpers.ts';
import { startProviderSim, type ProviderSim } from '../../sims/provider/spawn.ts';
import { addClient, addService, addSubsystem, allow, type RegistryCtx } from '../../src/modules/gateway/registry.ts';
import { refreshRegistry } from '../../src/modules/gateway/lookup.ts';
import type { Config } from '../../src/config.ts';

export const PROVIDER = 'VN/COM/0312345678/SIMPROV';
export const SERVICE = `${PROVIDER}/echo-svc`;
export const CLIENT = 'VN/GOV/000.00.21.H45/QLVB';
export const OTHER = 'VN/GOV/000.00.22.H45/KHAC';

export interface Reply { status: number; headers: Record<string, string>; body: Buffer; json<T = Record<string, unknown>>(): T }

export interface GatewayKit {
  t: TestApp;
  base: string;
  sim: ProviderSim;
  reg: RegistryCtx;
  /** Registers a subsystem (when missing) with a new client secret; returns its id, secret and a token. */
  newClient(subsystem: string): Promise<{ clientId: string; clientSecret: string; token: string }>;
  token(clientId: string, clientSecret: string): Promise<string>;
  /** Applies registry changes at once (the proxy otherwise sees them within a second). */
  changed(): void;
  call(method: string, path: string, opts?: { headers?: Record<string, string>; body?: Buffer | string }): Promise<Reply>;
  close(): Promise<void>;
}

/** One HTTP call with node:http, the path sent exactly as written (undici and URL objects resolve dot segments). */
export function send(base: string, method: string, path: string, opts: { headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method, headers: opts.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        if (!res.complete) return reject(new Error('the response was cut'));
        const body = Buffer.concat(chunks);
        const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
        resolve({ status: res.statusCode!, headers, body, json: <T>() => JSON.parse(body.toString('utf8')) as T });
      });
    });
    req.path = path;
    req.on('error', reject);
    req.end(opts.body);
  });
}

export async function gatewayKit(overrides: Partial<Config> = {}): Promise<GatewayKit> {
  const sim = await startProviderSim();
  const t = await testApp(overrides);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const reg: RegistryCtx = { db: t.database.db, clock: t.clock, config: t.config, actor: null };
  await addSubsystem(reg, PROVIDER, { memberName: 'Công ty Mô phỏng', name: 'Provider simulator', ifMissing: true });
  await addService(reg, SERVICE, { url: sim.url, title: 'Echo', timeoutMs: 1500 });
  const kit: GatewayKit = {
    t, base, sim, reg,
    async token(clientId, clientSecret) {
      const r = await send(base, 'POST', '/gateway/oauth2/token', {
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` },
        body: 'grant_type=client_credentials',
      });
      if (r.status !== 200) throw new Error(`token: ${r.status} ${r.body.toString()}`);
      return r.json<{ access_token: string }>().access_token;
    },
    async newClient(subsystem) {
      await addSubsystem(reg, subsystem, { ifMissing: true });
      const c = await addClient(reg, subsystem);
      kit.changed();
      return { clientId: c.clientId, clientSecret: c.clientSecret, token: await kit.token(c.clientId, c.clientSecret) };
    },
    changed: () => refreshRegistry(t.database.db),
    call: (method, path, opts) => send(base, method, path, opts),
    async close() {
      await sim.stop();
      await t.services.gateway?.log.close();
      await t.close();
    },
  };
  return kit;
}

/** Grants a subsystem a right (whole service, or one endpoint) and applies it at once. */
export async function grant(kit: GatewayKit, subject: string, service: string, endpoint?: { method: string; path: string }): Promise<void> {
  await allow(kit.reg, subject, service, endpoint);
  kit.changed();
}

export const r1 = (service: string, rest = '') => `/r1/${service}${rest}`;
export const asClient = (token: string, client: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, 'x-road-client': client, ...extra });
