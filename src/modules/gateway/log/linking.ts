/**
 * X-Road's message archive rules (pure): the `linkinginfo` file of an archive and the digest chain it
 * states. Each .asice's linked digest is SHA-512 over the previous linked digest in lower-case hex
 * followed by the container's own SHA-512 in hex (both as text); the chain continues from the previous
 * archive's last digest (its first line names it and that archive's file, or `- - SHA-512` for the first).
 */
import { sha512 } from './hashtree.ts';

export const LINKING_INFO = 'linkinginfo';
export const LINKING_ALGORITHM = 'SHA-512';

export interface LinkingInfo {
  /** The previous archive's last digest (hex) and file name, or null for the first archive. */
  previous: { digest: string; file: string } | null;
  entries: { digest: string; name: string }[];
}

/** The next linked digest (hex) after `prev` (hex, '' for the first) for a container whose bytes hash to `containerSha512`. */
export function linkedDigest(prev: string, containerSha512: Buffer): string {
  return sha512(Buffer.from(prev + containerSha512.toString('hex'), 'utf8')).toString('hex');
}

export function formatLinkingInfo(l: LinkingInfo): string {
  const first = l.previous ? `${l.previous.digest} ${l.previous.file} ${LINKING_ALGORITHM}` : `- - ${LINKING_ALGORITHM}`;
  return [first, ...l.entries.map((e) => `${e.digest} ${e.name}`)].join('\n') + '\n';
}

export function parseLinkingInfo(text: string): LinkingInfo {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const head = /^(\S+) (\S+) (\S+)$/.exec(lines[0] ?? '');
  if (!head) throw new Error('linkinginfo: the first line must be "<previous digest> <previous archive> <algorithm>"');
  if (head[3] !== LINKING_ALGORITHM) throw new Error(`linkinginfo: unsupported algorithm ${head[3]}`);
  const previous = head[1] === '-' && head[2] === '-' ? null : { digest: head[1]!.toLowerCase(), file: head[2]! };
  if (previous && !/^[0-9a-f]{128}$/.test(previous.digest)) throw new Error('linkinginfo: the previous digest is not SHA-512 hex');
  const entries = lines.slice(1).map((l, i) => {
    const m = /^([0-9a-fA-F]{128}) (\S+)$/.exec(l);
    if (!m) throw new Error(`linkinginfo: line ${i + 2} is not "<digest> <file>"`);
    return { digest: m[1]!.toLowerCase(), name: m[2]! };
  });
  return { previous, entries };
}

/** A container's name in an archive: `<X-Road-Id>-<request|response>-<seq in base 36>.asice` (X-Road's pattern). */
export function containerName(xRoadId: string, kind: 'request' | 'response', seq: number): string {
  const id = xRoadId.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'message';
  return `${id}-${kind}-${seq.toString(36)}.asice`;
}

/** An archive's file name: `mlog-<first>-<last>-<first 16 hex of its last digest>.zip` (times as yyyyMMddHHmmss, UTC). */
export function archiveName(first: Date, last: Date, lastDigest: string): string {
  const t = (d: Date) => d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `mlog-${t(first)}-${t(last)}-${lastDigest.slice(0, 16)}.zip`;
}

export interface ChainCheck {
  /** The entry's index and name, and what is wrong. */
  problems: string[];
  lastDigest: string | null;
}

/**
 * Holds the containers found in an archive (name and SHA-512, in archive order) against its linkinginfo,
 * continuing from `previous` (the last digest of the archive before, when known; null: this is the first).
 */
export function checkLinking(info: LinkingInfo, containers: readonly { name: string; sha512: Buffer }[], previous?: { digest: string; file: string } | null): ChainCheck {
  const problems: string[] = [];
  // By digest: the file name may have changed since (X-Road names the encrypted copy `….zip.gpg`).
  if (previous !== undefined && (previous?.digest ?? null) !== (info.previous?.digest ?? null)) {
    const want = previous ? `${previous.digest.slice(0, 16)}… of ${previous.file}` : 'none (the first archive)';
    problems.push(`the archive does not continue from the previous one (its linkinginfo starts after ${info.previous ? `${info.previous.digest.slice(0, 16)}…` : 'nothing'}, expected ${want})`);
  }
  const byName = new Map(containers.map((c) => [c.name, c]));
  const listed = new Set(info.entries.map((e) => e.name));
  for (const c of containers) if (!listed.has(c.name)) problems.push(`${c.name} is in the archive but not in linkinginfo (added)`);
  // Order: the listed containers that are present, in the archive's order and in linkinginfo's.
  const inArchive = containers.filter((c) => listed.has(c.name)).map((c) => c.name);
  const inLinking = info.entries.filter((e) => byName.has(e.name)).map((e) => e.name);
  const moved = new Set(inLinking.filter((n, i) => inArchive[i] !== n));
  let prev = info.previous?.digest ?? '';
  info.entries.forEach((e, i) => {
    const c = byName.get(e.name);
    if (!c) problems.push(`${e.name} (entry ${i + 1}) is missing from the archive (removed)`);
    else if (moved.has(e.name)) problems.push(`${e.name} (entry ${i + 1}) is out of order in the archive (reordered)`);
    else if (linkedDigest(prev, c.sha512) !== e.digest) problems.push(`${e.name} (entry ${i + 1}) does not match its linked digest (changed)`);
    prev = e.digest;
  });
  return { problems, lastDigest: info.entries.length > 0 ? prev : info.previous?.digest ?? null };
}
