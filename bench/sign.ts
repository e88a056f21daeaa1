/**
 * `npm run bench:sign`: signed result PDFs per second, next to a bare node:crypto signature in the
 * same run. One signed result is the real path of a result: the PDF from its template (DejaVu Sans
 * subset, QR code), the officer's PAdES signature (CMS, SHA-256, chain embedded), then the agency's
 * seal appended as an incremental update. Baselines, over the same final PDF bytes: RSA-2048
 * PKCS#1 v1.5 (the signature the CMS carries) and ECDSA P-256, `crypto.sign('sha256', pdf, key)`.
 * CPU only (no database); one thread. Also prints the CPU time per PDF (process.cpuUsage), which a
 * shared machine's load does not inflate as much as wall time. Settings: BENCH_SECONDS (default 10), BENCH_WORKERS (default 1:
 * the same loop in N processes at once, for the per-node figure on a multi-core machine).
 */
import { generateKeyPairSync, sign, X509Certificate } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { HistoryEvent } from '../src/modules/dossiers/lifecycle-state.ts';
import { resultDocument } from '../src/modules/results/pdf/result.ts';
import type { DossierFacts, IssueFacts } from '../src/modules/results/pdf/types.ts';
import { appendSignature, issueCertificate, newKeyPair, newSerial, signNew, type PdfSigner } from '../src/modules/pki/index.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const at = new Date('2026-03-10T02:00:00Z');

async function pki() {
  const year = (n: number) => new Date(at.getTime() + n * 365 * 86_400_000);
  const [root, ca] = await Promise.all([newKeyPair(3072), newKeyPair(3072)]);
  const rootPem = issueCertificate({ profile: 'root_ca', subject: { commonName: 'Quảng Trị - CA gốc' }, publicKey: root.publicKey, issuer: null, selfKey: root.privateKey, serial: newSerial(), notBefore: at, notAfter: year(20) });
  const caPem = issueCertificate({ profile: 'issuing_ca', subject: { commonName: 'Quảng Trị - CA cấp chứng thư số' }, publicKey: ca.publicKey, issuer: { certPem: rootPem, key: root.privateKey }, serial: newSerial(), notBefore: at, notAfter: year(10) });
  const chain = [new X509Certificate(caPem).raw, new X509Certificate(rootPem).raw];
  const leaf = async (profile: 'seal' | 'signing', commonName: string): Promise<PdfSigner> => {
    const k = await newKeyPair(2048);
    const pem = issueCertificate({ profile, subject: { commonName, organization: 'Ủy ban nhân dân Phường Đồng Thuận' }, publicKey: k.publicKey, issuer: { certPem: caPem, key: ca.privateKey }, serial: newSerial(), notBefore: at, notAfter: year(3), crlUrl: 'http://localhost:3000/api/v1/pki/crl/x' });
    return { key: k.privateKey, cert: new X509Certificate(pem).raw, chain, reason: 'bench', location: 'Dong Thuan', tsaUrl: null };
  };
  return { officer: await leaf('signing', 'Ngô Thị Chủ Tịch'), seal: await leaf('seal', 'Ủy ban nhân dân Phường Đồng Thuận') };
}

const agency = { id: '000.18859.00.H50', name: 'Ủy ban nhân dân Phường Đồng Thuận', parentName: 'Ủy ban nhân dân tỉnh Quảng Trị', place: 'Đồng Thuận' };
const facts = (n: number): DossierFacts => ({
  code: `000.18859.00.H50-260310-${String(n).padStart(4, '0')}`,
  procedure: { code: '1.001193', name: 'Thủ tục đăng ký khai sinh', resultName: 'Giấy khai sinh', legalBasis: ['Luật Hộ tịch số 60/2014/QH13'] },
  applicant: { name: `Nguyễn Văn An ${n}`, idNumber: '045095001234' }, channel: 'online',
  formFields: [['Họ, chữ đệm và tên của trẻ', `Nguyễn Thị Ánh Dương ${n}`], ['Ngày, tháng, năm sinh', '01/03/2026'], ['Giới tính', 'Nữ'], ['Nơi sinh', 'Bệnh viện Đa khoa tỉnh Quảng Trị'], ['Dân tộc', 'Kinh']],
  address: 'Số 12 Lý Thường Kiệt', components: ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh'], workingDays: 1,
  submittedAt: at, receivedAt: at, dueAt: at, desk: agency, handling: agency, visits: [], refusalReason: null,
});
const event: HistoryEvent = { seq: 5, at, actorId: 'x', actorName: 'Ngô Thị Chủ Tịch', actorTitle: 'Lãnh đạo cơ quan', unitName: agency.name, action: 'sign', note: '', status: 4 };

async function signedResult(p: Awaited<ReturnType<typeof pki>>, n: number): Promise<Buffer> {
  const id = `6f1c2d3e-1111-4222-8333-${String(n).padStart(12, '0')}`;
  const issue: IssueFacts = { kind: 'result', documentId: id, verifyUrl: `http://localhost:3000/verify/${id}`, at, event, issuer: agency, officer: { name: 'Ngô Thị Chủ Tịch', title: 'Chủ tịch Ủy ban nhân dân Phường Đồng Thuận', position: 'Chủ tịch', collective: true } };
  const { doc } = await resultDocument(facts(n), issue, 'granted');
  return appendSignature(await signNew(doc, p.officer, at), p.seal, at);
}

async function loop(seconds: number, fn: (i: number) => unknown): Promise<{ n: number; perSecond: number }> {
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  let n = 0;
  while (performance.now() < end) await fn(n++);
  return { n, perSecond: n / ((performance.now() - start) / 1000) };
}

async function measure(seconds: number) {
  const p = await pki();
  for (let i = 0; i < 5; i++) await signedResult(p, i); // warm-up: fonts parsed, base subset encoded
  const sample = await signedResult(p, 0);
  const cpu0 = process.cpuUsage();
  const pdfs = await loop(seconds, (i) => signedResult(p, i));
  const cpu = process.cpuUsage(cpu0);
  const cpuMsPerPdf = (cpu.user + cpu.system) / 1000 / pdfs.n;
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const rsaOps = await loop(Math.max(1, seconds / 3), () => sign('sha256', sample, rsa));
  const ecOps = await loop(Math.max(1, seconds / 3), () => sign('sha256', sample, ec));
  return { pdfs: pdfs.perSecond, rsa: rsaOps.perSecond, ec: ecOps.perSecond, size: sample.length, cpuMsPerPdf };
}

type Measured = Awaited<ReturnType<typeof measure>>;
if (process.env.BENCH_SIGN_CHILD) {
  const m = await measure(SECONDS);
  process.send!(m, () => process.disconnect());
} else {
  console.log(`bench:sign — ${SECONDS} s, ${WORKERS} process(es), ${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(2)}`);
  const results = WORKERS <= 1 ? [await measure(SECONDS)] : await Promise.all(Array.from({ length: WORKERS }, () => new Promise<Measured>((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), { execArgv: ['--import', 'tsx'], env: { ...process.env, BENCH_SIGN_CHILD: '1' } });
    child.once('message', (m) => resolve(m as Measured));
    child.once('error', reject);
  })));
  const sum = (k: 'pdfs' | 'rsa' | 'ec') => results.reduce((s, r) => s + r[k], 0);
  console.log(`signed result PDFs (template + officer PAdES + seal, ${(results[0]!.size / 1024).toFixed(0)} KiB): ${sum('pdfs').toFixed(1)}/s (${(1000 / (sum('pdfs') / results.length)).toFixed(1)} ms each per process)`);
  const cpuMs = results.reduce((a, r) => a + r.cpuMsPerPdf, 0) / results.length;
  console.log(`CPU time per signed PDF: ${cpuMs.toFixed(1)} ms → ${(1000 / cpuMs).toFixed(0)}/s per fully available core`);
  console.log(`bare node:crypto RSA-2048 sign of the same bytes: ${sum('rsa').toFixed(0)}/s   ECDSA P-256: ${sum('ec').toFixed(0)}/s`);
  console.log(`ratio signed PDFs / bare RSA signatures: ${(sum('pdfs') / sum('rsa')).toFixed(4)} (1 : ${(sum('rsa') / sum('pdfs')).toFixed(0)})   / ECDSA: ${(sum('pdfs') / sum('ec')).toFixed(4)}`);
  console.log(`target ≥ 50 signed PDFs/s: ${sum('pdfs') >= 50 ? 'met' : 'NOT met'}`);
}
