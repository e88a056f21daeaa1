/**
 * The time-stamp authority simulator (sims/tsa), a separate process started by the platform's launcher:
 * the PKI module's requestTimestamp gets valid RFC 3161 tokens from it (OpenSSL verifies them against the
 * simulator's root), it is strict about what it accepts, and each fault it injects is reported as an error.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkCms, requestTimestamp } from '../src/modules/pki/index.ts';
import { readTstInfo, timestampRequest } from '../src/modules/pki/tsa.ts';
import { startTsaSimulator } from '../src/platform/simulators.ts';

const run = promisify(execFile);
type Sim = Awaited<ReturnType<typeof startTsaSimulator>>;
let sim: Sim;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-tsa-test-'));
  sim = await startTsaSimulator({ dir: join(dir, 'tsa') });
});
afterAll(async () => {
  await sim.stop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => sim.setFault('none'));

/** `openssl ts -verify` of a token over `data`, trusting only the simulator's root. */
async function opensslVerify(token: Buffer, data: Buffer): Promise<{ ok: boolean; out: string }> {
  const t = join(dir, 'token.der');
  const d = join(dir, 'data.bin');
  writeFileSync(t, token);
  writeFileSync(d, data);
  try {
    const { stdout } = await run('openssl', ['ts', '-verify', '-token_in', '-in', t, '-data', d, '-CAfile', sim.caCert]);
    return { ok: true, out: stdout };
  } catch (err) {
    return { ok: false, out: String((err as { stdout?: string }).stdout ?? err) };
  }
}

/** The TSTInfo bytes a token's signature covers (its encapsulated content), read with node-forge's ASN.1. */
function tstInfoBytes(token: Buffer): Buffer {
  const kids = (n: forge.asn1.Asn1) => n.value as forge.asn1.Asn1[];
  const ci = forge.asn1.fromDer(token.toString('binary'));
  const encap = kids(kids(kids(ci)[1]!)[0]!)[2]!;
  return Buffer.from(kids(kids(encap)[1]!)[0]!.value as string, 'binary');
}

/** PKIStatus and the failure-info bits of a TimeStampResp. */
function statusOf(reply: Buffer): { status: number; failBits: number[] } {
  const status = (forge.asn1.fromDer(reply.toString('binary')).value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
  const code = (status[0]!.value as string).charCodeAt(0);
  const bits = status.find((n) => n.type === forge.asn1.Type.BITSTRING)?.value as string | undefined;
  const failBits: number[] = [];
  if (bits) for (let i = 1; i < bits.length; i++) for (let b = 0; b < 8; b++) if (bits.charCodeAt(i) & (0x80 >> b)) failBits.push((i - 1) * 8 + b);
  return { status: code, failBits };
}

const post = (body: Buffer | string, contentType = 'application/timestamp-query', method = 'POST') =>
  fetch(sim.url, { method, headers: { 'content-type': contentType }, ...(method === 'GET' ? {} : { body }) });

describe('time-stamp authority simulator', () => {
  it('grants tokens that requestTimestamp accepts and openssl ts -verify checks against its root', async () => {
    const signature = Buffer.from('chữ ký của cổng tích hợp');
    const token = await requestTimestamp(sim.url, signature);
    const info = readTstInfo(token);
    expect(info?.imprintAlgorithm).toBe('2.16.840.1.101.3.4.2.1');
    expect(info?.genTime).toBeInstanceOf(Date);
    const verified = await opensslVerify(token, signature);
    expect(verified).toMatchObject({ ok: true });
    expect(verified.out).toContain('Verification: OK');
    expect(checkCms(token, tstInfoBytes(token))).toMatchObject({ digestMatches: true, signatureValid: true });
    // Another TSA's token over the same data would not verify: the trust is in this root only.
    expect((await opensslVerify(token, Buffer.from('other data'))).ok).toBe(false);
    // The root verifiers trust is served too.
    expect(await (await fetch(new URL('/ca.crt', sim.url))).text()).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it('is strict: wrong content type 415, wrong method 405, oversized 413, malformed or unsupported queries rejected as RFC 3161 says', async () => {
    const good = timestampRequest(Buffer.from('x'), Buffer.from('0102030405060708', 'hex'));
    expect((await post(good, 'application/octet-stream')).status).toBe(415);
    expect((await post(good, '')).status).toBe(415);
    expect((await post('', 'application/timestamp-query', 'GET')).status).toBe(405);
    expect((await post(Buffer.alloc(70_000), 'application/timestamp-query')).status).toBe(413);
    const malformed = await post(Buffer.from('not DER at all'));
    expect(malformed.status).toBe(200);
    expect(malformed.headers.get('content-type')).toBe('application/timestamp-reply');
    // rejection (2), badDataFormat (5)
    expect(statusOf(Buffer.from(await malformed.arrayBuffer()))).toEqual({ status: 2, failBits: [5] });
    // A query for an MD5 imprint: rejection, badAlg (0).
    const md5 = forge.asn1.toDer(forge.asn1.create(0, 16, true, [
      forge.asn1.create(0, 2, false, '\x01'),
      forge.asn1.create(0, 16, true, [
        forge.asn1.create(0, 16, true, [forge.asn1.create(0, 6, false, forge.asn1.oidToDer('1.2.840.113549.2.5').getBytes())]),
        forge.asn1.create(0, 4, false, '0123456789abcdef'),
      ]),
    ])).getBytes();
    expect(statusOf(Buffer.from(await (await post(Buffer.from(md5, 'binary'))).arrayBuffer()))).toEqual({ status: 2, failBits: [0] });
  });

  it('reports each injected fault as an error', async () => {
    const data = Buffer.from('lô nhật ký');
    await sim.setFault('down');
    await expect(requestTimestamp(sim.url, data)).rejects.toThrow();
    await sim.setFault('unavailable');
    await expect(requestTimestamp(sim.url, data)).rejects.toThrow('time-stamp authority answered 503');
    await sim.setFault('rejection');
    await expect(requestTimestamp(sim.url, data)).rejects.toThrow('time-stamp refused (status 2)');
    await sim.setFault('garbage');
    await expect(requestTimestamp(sim.url, data)).rejects.toThrow();
    await sim.setFault('slow', 60_000);
    await expect(requestTimestamp(sim.url, data, 300)).rejects.toThrow(/timeout|aborted/i);
    // A granted reply with a broken signature: every field reads well (requestTimestamp takes it: it checks
    // status, imprint and nonce, not the signature); the signature check is the verifier's, and it fails.
    await sim.setFault('bad-signature');
    const forged = await requestTimestamp(sim.url, data);
    expect(readTstInfo(forged)).not.toBeNull();
    expect(checkCms(forged, tstInfoBytes(forged)).signatureValid).toBe(false);
    expect((await opensslVerify(forged, data)).ok).toBe(false);
    // Back to normal service.
    await sim.setFault('none');
    expect((await opensslVerify(await requestTimestamp(sim.url, data), data)).ok).toBe(true);
  });

  it('refuses an unknown fault on its control endpoint', async () => {
    const res = await fetch(new URL('/control', sim.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"fault":"melt"}' });
    expect(res.status).toBe(400);
  });
});
