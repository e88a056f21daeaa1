/**
 * Reads and verifies message log archives (ours or X-Road's): every .asice against the archive's
 * linkinginfo (a changed, removed, added or reordered container breaks the digest chain), the chain
 * continuing from the archive before, and every container's signature, hash chains and time-stamp.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { checkContainer, type ContainerCheck } from './asice-check.ts';
import { checkLinking, LINKING_INFO, parseLinkingInfo } from './linking.ts';

type Zip = yauzl.ZipFile;

const openFile = (path: string) => new Promise<Zip>((resolve, reject) => yauzl.open(path, { lazyEntries: true, autoClose: false }, (e, z) => (e ? reject(e) : resolve(z!))));
const openBuffer = (buf: Buffer) => new Promise<Zip>((resolve, reject) => yauzl.fromBuffer(buf, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z!))));

/** Every entry of a zip in order: `onEntry` gets its name and a stream of its bytes. */
async function eachEntry(zip: Zip, onEntry: (name: string, s: Readable) => Promise<void>): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry: yauzl.Entry) => {
      if (/\/$/.test(entry.fileName)) return void zip.readEntry();
      zip.openReadStream(entry, (err, s) => {
        if (err) return reject(err);
        onEntry(entry.fileName, s!).then(() => zip.readEntry(), reject);
      });
    });
    zip.readEntry();
  });
  zip.close();
}

async function collect(s: Readable, hashOnly: boolean): Promise<{ bytes: Buffer | null; sha512: Buffer }> {
  const h = createHash('sha512');
  const chunks: Buffer[] = [];
  for await (const c of s) {
    h.update(c as Buffer);
    if (!hashOnly) chunks.push(c as Buffer);
  }
  return { bytes: hashOnly ? null : Buffer.concat(chunks), sha512: h.digest() };
}

/** Reads one container (its attachments hashed, not kept) and checks it. */
export async function readContainer(bytes: Buffer): Promise<ContainerCheck> {
  const files = new Map<string, Buffer>();
  const digests = new Map<string, Buffer>();
  try {
    await eachEntry(await openBuffer(bytes), async (name, s) => {
      const r = await collect(s, /^attachment\d+$/.test(name));
      if (r.bytes) files.set(name, r.bytes);
      else digests.set(name, r.sha512);
    });
  } catch (err) {
    return { valid: false, problems: [`unreadable container (${(err as Error).message})`], signer: null, signedFile: null, timestamp: null };
  }
  return checkContainer({ files, digests });
}

export interface ArchiveReport {
  file: string;
  ok: boolean;
  containers: { name: string; valid: boolean; problems: string[]; signer: string | null; timestampedAt: string | null }[];
  /** Problems of the archive as a whole (linkinginfo, chain). */
  problems: string[];
  lastDigest: string | null;
}

/**
 * Verifies archives given in their order: each one's linkinginfo must continue from the one before it
 * (the first one is checked against `previous` when given: the last digest and file of an earlier archive).
 */
export async function verifyArchives(paths: readonly string[], previous?: { digest: string; file: string } | null): Promise<ArchiveReport[]> {
  const out: ArchiveReport[] = [];
  let prev = previous;
  for (const path of paths) {
    const containers: ArchiveReport['containers'] = [];
    const found: { name: string; sha512: Buffer }[] = [];
    const problems: string[] = [];
    let linking: string | null = null;
    try {
      await eachEntry(await openFile(path), async (name, s) => {
        if (name === LINKING_INFO) return void (linking = (await collect(s, false)).bytes!.toString('utf8'));
        if (!name.endsWith('.asice')) return void problems.push(`${name}: not a container`);
        const r = await collect(s, false);
        found.push({ name, sha512: r.sha512 });
        const c = await readContainer(r.bytes!);
        containers.push({ name, valid: c.valid, problems: c.problems, signer: c.signer, timestampedAt: c.timestamp?.kind === 'batch' ? c.timestamp.at?.toISOString() ?? null : null });
      });
    } catch (err) {
      problems.push(`unreadable archive (${(err as Error).message})`);
    }
    let lastDigest: string | null = null;
    if (linking === null) problems.push(`no ${LINKING_INFO} file`);
    else {
      try {
        const check = checkLinking(parseLinkingInfo(linking), found, prev);
        problems.push(...check.problems);
        lastDigest = check.lastDigest;
      } catch (err) {
        problems.push((err as Error).message);
      }
    }
    const ok = problems.length === 0 && containers.every((c) => c.valid);
    out.push({ file: basename(path), ok, containers, problems, lastDigest });
    prev = lastDigest ? { digest: lastDigest, file: basename(path) } : prev;
  }
  return out;
}
