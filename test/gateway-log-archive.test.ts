/**
 * Issue 14: message log archives in X-Road's format. The reader accepts X-Road's own sample archives
 * (two consecutive ones whose linkinginfo chain) and ours, and catches a changed, removed or reordered
 * .asice; our archives continue the chain from the last one written.
 */
import { createWriteStream, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/platform/clock.ts';
import type { RunningMessageLog } from '../src/modules/gateway/log/index.ts';
import { timestampPending } from '../src/modules/gateway/log/timestamp.ts';
import { writeArchives } from '../src/modules/gateway/log/archive.ts';
import { verifyArchives } from '../src/modules/gateway/log/archive-read.ts';
import { TEST_NOW } from './config.ts';
import { exchange, logFixture, message, sinkOf } from './support/gateway-log-kit.ts';

const XROAD = new URL('./fixtures/xroad/', import.meta.url).pathname;
const samples = [join(XROAD, 'message-archive-0.zip'), join(XROAD, 'message-archive-1.zip')];

const dir = mkdtempSync(join(tmpdir(), 'motcua-gwloga-'));
const out = join(dir, 'archives');
let f: Awaited<ReturnType<typeof logFixture>>;
let log: RunningMessageLog;
const ctx = () => f.ctx();
/** Our archives, in the order written. */
const written: string[] = [];

beforeAll(async () => {
  f = await logFixture(dir, fixedClock(TEST_NOW));
  log = f.log;
});
afterAll(() => f.close());

/** The entries of a zip, in order. */
async function entries(path: string): Promise<{ name: string; bytes: Buffer }[]> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) => yauzl.open(path, { lazyEntries: true }, (e, z) => (e ? rej(e) : res(z!))));
  const outList: { name: string; bytes: Buffer }[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('end', resolve);
    zip.on('entry', (e: yauzl.Entry) => zip.openReadStream(e, async (err, s) => {
      if (err) return reject(err);
      const chunks: Buffer[] = [];
      for await (const c of s!) chunks.push(c as Buffer);
      outList.push({ name: e.fileName, bytes: Buffer.concat(chunks) });
      zip.readEntry();
    }));
    zip.readEntry();
  });
  return outList;
}

/** A copy of an archive with its entries changed by `fn`. */
async function tampered(path: string, name: string, fn: (e: { name: string; bytes: Buffer }[]) => { name: string; bytes: Buffer }[]): Promise<string> {
  const zip = new yazl.ZipFile();
  const target = join(dir, name);
  const done = zip.outputStream.pipe(createWriteStream(target));
  for (const e of fn(await entries(path))) zip.addBuffer(e.bytes, e.name);
  zip.end();
  await finished(done);
  return target;
}

describe("X-Road's own archives", () => {
  it('accepts the two sample archives: every .asice matches linkinginfo, and -1 continues from -0', async () => {
    const [a0, a1] = await verifyArchives(samples, null);
    expect(a0).toMatchObject({ ok: true, problems: [] });
    expect(a0!.containers).toHaveLength(1);
    expect(a1).toMatchObject({ ok: true, problems: [] });
    expect(a1!.containers).toHaveLength(20);
    expect(a1!.containers.every((c) => c.valid && c.timestampedAt === '2023-10-23T12:17:28.000Z')).toBe(true);
    expect(a0!.lastDigest).toMatch(/^9011ab557706b505/);
  });

  it('refuses -1 after another archive than -0', async () => {
    const [a1] = await verifyArchives([samples[1]!], { digest: '0'.repeat(128), file: 'other.zip' });
    expect(a1!.ok).toBe(false);
    expect(a1!.problems.join('\n')).toMatch(/does not continue from the previous one/);
  });

  it('catches a changed, a removed and a reordered .asice', async () => {
    const changed = await tampered(samples[1]!, 'changed.zip', (es) => es.map((e) => (e.name === 'ID1234-response-6.asice' ? { ...e, bytes: Buffer.concat([e.bytes, Buffer.from(' ')]) } : e)));
    const removed = await tampered(samples[1]!, 'removed.zip', (es) => es.filter((e) => e.name !== 'ID4321-request-c.asice'));
    const reordered = await tampered(samples[1]!, 'reordered.zip', (es) => {
      const i = es.findIndex((e) => e.name === 'ID1234-request-7.asice');
      return [...es.slice(0, i), es[i + 1]!, es[i]!, ...es.slice(i + 2)];
    });
    const [c] = await verifyArchives([changed]);
    expect(c!.problems).toEqual(['ID1234-response-6.asice (entry 4) does not match its linked digest (changed)']);
    const [r] = await verifyArchives([removed]);
    expect(r!.problems).toEqual(['ID4321-request-c.asice (entry 10) is missing from the archive (removed)']);
    const [o] = await verifyArchives([reordered]);
    expect(o!.problems.join('\n')).toMatch(/ID1234-request-7.asice \(entry 5\) is out of order in the archive \(reordered\)/);
  });
});

describe('our archives', () => {
  it('writes the time-stamped records as .asice containers X-Road-style, and the reader accepts them', async () => {
    await exchange(log, { path: '/a' });
    const big = await sinkOf(log, Buffer.alloc(150_000, 9));
    const secret = await sinkOf(log, Buffer.from('{"cccd":"045095001234"}'), true);
    await log.record([message({ body: big }), message({ kind: 'response', status: 200, body: secret })]);
    expect((await writeArchives(ctx(), out)).files).toEqual([]);
    await timestampPending(ctx());
    await exchange(log, { path: '/not-yet-time-stamped' });
    const run = await writeArchives(ctx(), out, 3);
    written.push(...run.files.map((f) => join(out, f.file)));
    expect(run.files.map((f) => f.records)).toEqual([3, 1]);
    expect(run.waiting).toBe(2);
    const files = readdirSync(out).filter((f) => f.endsWith('.zip')).sort();
    expect(files).toHaveLength(2);
    const reports = await verifyArchives(run.files.map((f) => join(out, f.file)), null);
    expect(reports.map((r) => [r.ok, r.problems])).toEqual([[true, []], [true, []]]);
    expect(reports.flatMap((r) => r.containers).every((c) => c.valid && c.timestampedAt !== null && /Ủy ban|UBND|People/.test(c.signer ?? ''))).toBe(true);

    // One container opened: X-Road's files, the body kept where it is kept, not where the service is digest-only.
    const first = await entries(join(out, run.files[0]!.file));
    expect(first.map((e) => e.name)).toEqual([expect.stringMatching(/-request-1\.asice$/), expect.stringMatching(/-response-2\.asice$/), expect.stringMatching(/-request-3\.asice$/), 'linkinginfo']);
    const innerPath = join(dir, 'one.asice');
    writeFileSync(innerPath, first[2]!.bytes);
    const names = (await entries(innerPath)).map((e) => e.name);
    expect(names).toEqual(['mimetype', 'message.xml', 'attachment1', 'META-INF/signatures.xml', 'sig-hashchainresult.xml', 'sig-hashchain.xml',
      'ts-hashchainresult.xml', 'ts-hashchain.xml', 'META-INF/manifest.xml', 'META-INF/ASiCManifest.xml', 'META-INF/timestamp.tst']);
  });

  it('continues the linkinginfo chain in the next archive, and catches a changed container of ours', async () => {
    await timestampPending(ctx());
    const run = await writeArchives(ctx(), out);
    expect(run.files.map((f) => f.records)).toEqual([2]);
    const audit = await f.database.db.selectFrom('audit_log').select(['action', 'subject_id', 'data']).where('action', '=', 'gateway.log_archived').orderBy('id').execute();
    expect(audit.map((a) => a.subject_id)).toEqual(['1', '2', '3']);
    const all = [...written, ...run.files.map((f) => join(out, f.file))];
    const reports = await verifyArchives(all, null);
    expect(reports.map((r) => r.ok)).toEqual([true, true, true]);
    const changed = await tampered(all[2]!, 'ours-changed.zip', (es) => es.map((e, i) => (i === 0 ? { ...e, bytes: Buffer.from(e.bytes).fill(0, 200, 210) } : e)));
    const [r] = await verifyArchives([changed]);
    expect(r!.ok).toBe(false);
    expect(r!.problems.join('\n')).toMatch(/entry 1\) does not match its linked digest \(changed\)/);
  });
});
