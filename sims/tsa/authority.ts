/**
 * The simulated TSA's keys and certificates, and its answers: OpenSSL does all of the cryptography
 * (`openssl req`/`x509` make the certificates once, `openssl ts -reply` answers each query).
 *
 * Trust: the simulator is its own small PKI. `ca.crt` in its directory is a self-signed root
 * ("motcua demo TSA root"); `tsa.crt`, issued by it, has the critical extended key usage timeStamping
 * and signs the tokens (each token carries `tsa.crt` when the query asks for the certificate).
 * A verifier trusts the simulator by trusting `ca.crt`: `openssl ts -verify … -CAfile ca.crt`, or the
 * root in a trust list. The root is also served at `GET /ca.crt`. The directory is kept (the launcher
 * uses DATA_DIR/tsa-sim), so the same root stays valid across restarts; delete it for a new one.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';

const run = promisify(execFile);
/** A policy OID under 2.25 (UUID-derived, ITU-T X.667): nobody else's, needs no registration. */
export const POLICY_OID = '2.25.329800735698586629295641978511506172918';

export interface Authority {
  dir: string;
  caCertPath: string;
  tsaCertPath: string;
  /** The TimeStampResp (DER) OpenSSL makes for a query: granted, or rejected with the reason (malformed, unsupported digest). */
  reply(query: Buffer): Promise<Buffer>;
}

async function openssl(args: string[]): Promise<void> {
  await run('openssl', args, { timeout: 30_000 });
}

/** Makes the root and the TSA certificate in `dir` unless they are there already. */
async function ensureCertificates(dir: string): Promise<void> {
  const p = (f: string) => join(dir, f);
  if (existsSync(p('ca.crt')) && existsSync(p('tsa.crt')) && existsSync(p('tsa.key'))) return;
  writeFileSync(p('ext.cnf'), [
    '[ root ]', 'basicConstraints = critical, CA:TRUE, pathlen:0', 'keyUsage = critical, keyCertSign, cRLSign', 'subjectKeyIdentifier = hash',
    '[ tsa ]', 'basicConstraints = critical, CA:FALSE', 'keyUsage = critical, digitalSignature', 'extendedKeyUsage = critical, timeStamping',
    'subjectKeyIdentifier = hash', 'authorityKeyIdentifier = keyid', '',
  ].join('\n'));
  await openssl(['req', '-x509', '-newkey', 'rsa:3072', '-nodes', '-keyout', p('ca.key'), '-out', p('ca.crt'), '-days', '3650',
    '-subj', '/C=VN/O=motcua demo/CN=motcua demo TSA root', '-config', p('ext.cnf'), '-extensions', 'root']);
  await openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', p('tsa.key'), '-out', p('tsa.csr'),
    '-subj', '/C=VN/O=motcua demo/CN=motcua demo time-stamp authority', '-config', p('ext.cnf')]);
  await openssl(['x509', '-req', '-in', p('tsa.csr'), '-CA', p('ca.crt'), '-CAkey', p('ca.key'), '-set_serial', `0x${randomUUID().replace(/-/g, '')}`,
    '-days', '1825', '-out', p('tsa.crt'), '-extfile', p('ext.cnf'), '-extensions', 'tsa']);
}

export async function openAuthority(dir: string): Promise<Authority> {
  mkdirSync(join(dir, 'work'), { recursive: true });
  await ensureCertificates(dir);
  const cnf = join(dir, 'ts.cnf');
  if (!existsSync(join(dir, 'serial'))) writeFileSync(join(dir, 'serial'), '01\n');
  writeFileSync(cnf, [
    '[ tsa ]', 'default_tsa = sim', '[ sim ]',
    `serial = ${join(dir, 'serial')}`, 'crypto_device = builtin',
    `signer_cert = ${join(dir, 'tsa.crt')}`, `signer_key = ${join(dir, 'tsa.key')}`, `certs = ${join(dir, 'tsa.crt')}`,
    'signer_digest = sha256', `default_policy = ${POLICY_OID}`, 'digests = sha256, sha384, sha512',
    'accuracy = secs:1', 'ordering = no', 'tsa_name = yes', 'ess_cert_id_chain = no', 'ess_cert_id_alg = sha256', '',
  ].join('\n'));
  // `openssl ts -reply` reads and bumps the serial file: one at a time.
  let last: Promise<unknown> = Promise.resolve();
  return {
    dir,
    caCertPath: join(dir, 'ca.crt'),
    tsaCertPath: join(dir, 'tsa.crt'),
    reply(query) {
      const next = last.catch(() => undefined).then(async () => {
        const base = join(dir, 'work', randomUUID());
        try {
          writeFileSync(`${base}.tsq`, query);
          await openssl(['ts', '-reply', '-config', cnf, '-queryfile', `${base}.tsq`, '-out', `${base}.tsr`]);
          return readFileSync(`${base}.tsr`);
        } finally {
          await Promise.all([rm(`${base}.tsq`, { force: true }), rm(`${base}.tsr`, { force: true })]);
        }
      });
      last = next;
      return next;
    },
  };
}
