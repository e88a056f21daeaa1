/** `motcua gateway …` as a real process: client and service registration, rights, list, refusals (exit 2, JSON problems). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliKit } from './support/cli-kit.ts';
import { testCertificatePem } from './support/gateway-cert.ts';

const kit = cliKit('motcua-gwcli-');
const dir = kit.dir;
const motcua = (...args: string[]) => kit.motcua('gateway', ...args);
const SERVICE = 'VN/GOV/000.00.44.H56/MOTCUA/dossier-status';
const CLIENT = 'VN/GOV/000.00.21.H45/QLVB';

// Each command is a process that opens and migrates the database: slow on a shared machine.
describe('motcua gateway', { timeout: 300_000 }, () => {
  let clientId = '';

  it('adds a client: its id and secret, shown once', async () => {
    const text = await motcua('client', 'add', CLIENT, '--name', 'Quản lý văn bản');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/client id: +qlvb-[a-z0-9]{10}\nclient secret: +[A-Za-z0-9_-]{43}\n/);
    const json = await motcua('client', 'add', CLIENT, '--json');
    const r = JSON.parse(json.stdout) as { clientId: string; clientSecret: string; subsystem: string; subsystemCreated: boolean };
    expect(r).toMatchObject({ subsystem: CLIENT, subsystemCreated: false });
    expect(r.clientSecret).toHaveLength(43);
    clientId = r.clientId;
  });

  it('adds a certificate client', async () => {
    const pem = join(dir, 'client.pem');
    writeFileSync(pem, testCertificatePem());
    const r = await motcua('client', 'add', CLIENT, '--certificate', pem, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('adds a service from an OpenAPI file, then updates it', async () => {
    const r = await motcua('service', 'add', SERVICE, '--openapi', 'test/fixtures/gateway-openapi.yaml', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      created: true, url: 'http://127.0.0.1:9/api/v1', title: 'Tra cứu hồ sơ',
      endpoints: [{ method: 'GET', path: '/dossiers/*/status' }, { method: 'GET', path: '/procedures' }],
    });
    const u = await motcua('service', 'add', SERVICE, '--url', 'http://127.0.0.1:10/x', '--digest-only', '--timeout-ms', '2000');
    expect(u.code, u.stderr).toBe(0);
    expect(u.stdout).toMatch(/updated service .* → http:\/\/127.0.0.1:10\/x \(2 endpoint\(s\), digest-only log\)/);
  });

  it('grants and revokes rights; lists the registry without secrets', async () => {
    const a = await motcua('allow', clientId, SERVICE, '--method', 'GET', '--path', '/procedures', '--json');
    expect(a.code, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout)).toEqual({ subject: CLIENT, service: SERVICE, method: 'GET', path: '/procedures', granted: true });
    expect((await motcua('allow', CLIENT, SERVICE)).stdout).toMatch(/granted: .* may call \* \* on/);
    const d = await motcua('deny', clientId, SERVICE, '--method', 'GET', '--path', '/procedures');
    expect(d.stdout).toMatch(/revoked GET \/procedures of/);
    const list = await motcua('list', '--json');
    const v = JSON.parse(list.stdout) as { members: { subsystems: { credentials: unknown[] }[] }[]; services: { id: string; digestOnly: boolean; rights: unknown[] }[] };
    // (On PostgreSQL the test database is the seeded template: motcua's own services are listed too.)
    expect(v.services.find((x) => x.id === SERVICE)).toMatchObject({ id: SERVICE, digestOnly: true, rights: [{ subject: CLIENT, method: '*', path: '*' }] });
    expect(list.stdout).not.toMatch(/secret_hash|argon2|clientSecret/);
    expect((await motcua('list')).stdout).toMatch(/allow VN\/GOV\/000.00.21.H45\/QLVB: \* \*/);
  });

  it('refuses bad input with a clear problem and exit code 2', async () => {
    const cases: [string[], string][] = [
      [['allow', 'no-such-client', SERVICE, '--json'], 'gateway-unknown-client'],
      [['allow', CLIENT, `${SERVICE}-missing`, '--json'], 'gateway-unknown-service'],
      [['service', 'add', 'VN/GOV/x y/A/b', '--url', 'http://x', '--json'], 'gateway-bad-identifier'],
      [['service', 'add', SERVICE, '--url', 'file:///etc/passwd', '--json'], 'gateway-bad-url'],
      [['service', 'add', SERVICE, '--openapi', 'package.json', '--json'], 'gateway-bad-openapi'],
      [['client', 'revoke', 'nope', '--json'], 'gateway-unknown-client'],
    ];
    for (const [args, type] of cases) {
      const r = await motcua(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(JSON.parse(r.stdout)).toMatchObject({ error: { type } });
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
