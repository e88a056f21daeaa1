/**
 * An RFC 3161 time-stamp authority as its own process, for tests: OpenSSL's `ts -reply` with a throwaway
 * TSA certificate behind HTTP. `POST /tsa` answers a TimeStampReq; `POST /down` and `POST /up` make it
 * answer 503 or work again (a TSA outage). Prints `listening <port>` when ready.
 * Usage: tsx test/support/openssl-tsa-server.ts DIR
 */
import { execFile, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = process.argv[2]!;
const cnf = join(root, 'tsa.cnf');
writeFileSync(cnf, `[ req ]\ndistinguished_name = dn\nprompt = no\n[ dn ]\nCN = Test TSA\n[ ext ]\nbasicConstraints = CA:FALSE\nkeyUsage = critical, digitalSignature\nextendedKeyUsage = critical, timeStamping\n[ tsa ]\ndefault_tsa = t\n[ t ]\nserial = ${root}/serial\nsigner_cert = ${root}/tsa.crt\nsigner_key = ${root}/tsa.key\nsigner_digest = sha256\ndefault_policy = 1.2.3.4.1\ndigests = sha256, sha512\nordering = no\ntsa_name = no\ness_cert_id_alg = sha256\ncerts = ${root}/tsa.crt\n`);
writeFileSync(join(root, 'serial'), '01\n');
execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(root, 'tsa.key'), '-out', join(root, 'tsa.crt'), '-days', '30', '-config', cnf, '-extensions', 'ext'], { stdio: 'ignore' });

let down = false;
let n = 0;
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    if (req.url === '/down' || req.url === '/up') {
      down = req.url === '/down';
      return void res.writeHead(204).end();
    }
    if (down || req.url !== '/tsa') return void res.writeHead(503).end();
    const q = join(root, `q${++n}.tsq`);
    const r = join(root, `r${n}.tsr`);
    writeFileSync(q, Buffer.concat(chunks));
    promisify(execFile)('openssl', ['ts', '-reply', '-config', cnf, '-queryfile', q, '-out', r]).then(() => {
      res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(readFileSync(r));
    }, () => res.writeHead(500).end());
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as { port: number }).port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
