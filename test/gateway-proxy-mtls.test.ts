/** Mutual TLS: a client certificate from the province CA, registered, authenticates its subsystem; a foreign one does not. */
import { generateKeyPairSync, randomBytes, type KeyObject, type X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import forge from 'node-forge';
import { identityFor, trustStore } from '../src/modules/pki/index.ts';
import { addCertificateClient, addSubsystem } from '../src/modules/gateway/registry.ts';
import { checkPeer, startMtls, type MtlsListener } from '../src/modules/gateway/mtls.ts';
import { gatewayKit, grant, r1, SERVICE, type GatewayKit } from './support/gateway-proxy-kit.ts';

const TLS_CLIENT = 'VN/GOV/000.00.31.H45/EOFFICE';
const UNREGISTERED = 'VN/GOV/000.00.32.H45/NOCERT';
let kit: GatewayKit;
let mtls: MtlsListener;
const serverCerts: X509Certificate[] = [];
let registered: { key: string; cert: string };
let unregistered: { key: string; cert: string };

const pem = (der: Buffer) => `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
const keyPem = (k: KeyObject) => k.export({ type: 'pkcs8', format: 'pem' }) as string;

function selfSigned(): { key: string; cert: string } {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicKey.export({ type: 'spki', format: 'pem' }) as string);
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date('2020-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2040-01-01T00:00:00Z');
  const attrs = [{ name: 'commonName', value: 'Foreign client' }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(forge.pki.privateKeyFromPem(keys.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string), forge.md.sha256.create());
  return { key: keyPem(keys.privateKey), cert: forge.pki.certificateToPem(cert) };
}

beforeAll(async () => {
  kit = await gatewayKit();
  const { db } = kit.t.database;
  mtls = await startMtls({ db, clock: kit.t.clock, config: kit.t.config, services: kit.t.services }, { port: 0, host: '127.0.0.1' });
  const agencies = await db.selectFrom('agencies').select('id').orderBy('id').limit(2).execute();
  const [a, b] = await Promise.all(agencies.map((x) => identityFor(db, kit.t.config, { agencyId: x.id }, kit.t.clock)));
  registered = { key: keyPem(a!.key), cert: pem(a!.cert) };
  unregistered = { key: keyPem(b!.key), cert: pem(b!.cert) };
  await addSubsystem(kit.reg, TLS_CLIENT, { ifMissing: true });
  await addCertificateClient(kit.reg, TLS_CLIENT, registered.cert);
  await grant(kit, TLS_CLIENT, SERVICE);
}, 120_000);
afterAll(async () => {
  await mtls?.close();
  await kit?.close();
});

function call(path: string, client: { key: string; cert: string } | null, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port: mtls.port, path, headers, ...(client ?? {}),
      // The server certificate is the province's seal (its key usage is for signatures, not "TLS server"), so
      // OpenSSL's purpose check would refuse it: the test checks the chain to the province root itself.
      rejectUnauthorized: false, agent: false,
    }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('socket', (socket) => (socket as TLSSocket).once('secureConnect', () => serverCerts.push((socket as TLSSocket).getPeerX509Certificate()!)));
    req.on('error', reject);
    req.end();
  });
}

describe('mutual TLS', () => {
  it('a registered certificate from the province CA calls as its subsystem', async () => {
    const r = await call(r1(SERVICE, '/echo'), registered, { 'x-road-client': TLS_CLIENT });
    expect(r.status, r.body).toBe(200);
    expect(JSON.parse(r.body).headers['x-road-client']).toBe(TLS_CLIENT);
  });

  it('the certificate owns only its subsystem', async () => {
    const r = await call(r1(SERVICE, '/echo'), registered, { 'x-road-client': 'VN/COM/0312345678/SIMPROV' });
    expect([r.status, r.headers['x-road-error']]).toEqual([403, 'Client.ClientNotOwned']);
  });

  it('refuses a foreign certificate, an unregistered one, and none', async () => {
    for (const [client, why] of [[selfSigned(), /not issued by the province CA/], [unregistered, /not registered/], [null, /credentials/]] as const) {
      const r = await call(r1(SERVICE, '/echo'), client, { 'x-road-client': TLS_CLIENT });
      expect([r.status, r.headers['x-road-error']]).toEqual([401, 'Client.Unauthorized']);
      expect(JSON.parse(r.body).message).toMatch(why);
    }
  });

  it('the server’s certificate is from the province CA', async () => {
    const trust = await trustStore(kit.t.database.db);
    expect(serverCerts.length).toBeGreaterThan(0);
    for (const c of serverCerts) expect(checkPeer(c, trust, kit.t.clock.now())).toHaveProperty('sha256');
  });
});
