/**
 * X-Road's hash chains (the `http://cyber.ee/hashchain` model of sig-hashchain.xml and ts-hashchain.xml)
 * as pure computations. A hash step is a list of digests; its value is the DER encoding of
 * `SEQUENCE OF SEQUENCE { OCTET STRING digest, UTF8String digestMethodUri, SEQUENCE {} }` (X-Road's
 * DigestList), a step referenced from another step counts as SHA-512 of that value, and a chain's result
 * is SHA-512 of its first step (STEP0). A batch's hash tree is built from such steps: a node is SHA-512 of
 * the step [left, right]; the path of one leaf up to the root is that leaf's hash chain.
 */
import { createHash } from 'node:crypto';
import forge from 'node-forge';

export const SHA512_URI = 'http://www.w3.org/2001/04/xmlenc#sha512';

const { asn1 } = forge;
const bin = (b: Buffer) => b.toString('binary');

export const sha512 = (data: Buffer | string): Buffer => createHash('sha512').update(data).digest();

/** The DigestList encoding of one hash step's digests (what X-Road hashes). */
export function stepBytes(digests: readonly Buffer[]): Buffer {
  const list = digests.map((d) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bin(d)),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTF8, false, forge.util.encodeUtf8(SHA512_URI)),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, []),
  ]));
  return Buffer.from(asn1.toDer(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, list)).getBytes(), 'binary');
}

/** SHA-512 of a step: a node of the tree, or a message's leaf (the step over message.xml and its body). */
export const stepDigest = (digests: readonly Buffer[]): Buffer => sha512(stepBytes(digests));

/** One element of a hash step as X-Road writes it. */
export type StepItem =
  | { kind: 'data'; uri: string; digest: Buffer }
  | { kind: 'value'; digest: Buffer }
  | { kind: 'step'; ref: number };

/** A hash chain: steps STEP0 … STEPn, STEP0 at the root. */
export type HashChain = StepItem[][];

/** A leaf of a tree: a digest written as one item (HashValue, DataRef), or a step of its own (a message's DataRefs). */
export type Leaf = { item: Exclude<StepItem, { kind: 'step' }> } | { items: Exclude<StepItem, { kind: 'step' }>[] };

export const leafDigest = (l: Leaf): Buffer => ('item' in l ? l.item.digest : stepDigest(l.items.map((x) => x.digest)));

/**
 * The tree over `leaves` and, for each leaf, its hash chain up to the root (result = root). Levels pair
 * neighbours left to right; an odd last node moves up unchanged. A lone plain leaf is one step [leaf].
 */
export function hashTree(leaves: readonly Leaf[]): { root: Buffer; chains: HashChain[] } {
  if (leaves.length === 0) throw new Error('hash tree of nothing');
  if (leaves.length === 1) {
    const l = leaves[0]!;
    const items = 'item' in l ? [l.item] : l.items;
    return { root: stepDigest(items.map((x) => x.digest)), chains: [[items]] };
  }
  let level = leaves.map((l, i) => ({ digest: leafDigest(l), under: [i] }));
  const path: { sibling: Buffer; siblingLeft: boolean }[][] = leaves.map(() => []);
  while (level.length > 1) {
    const next: typeof level = [];
    for (let k = 0; k < level.length; k += 2) {
      const left = level[k]!;
      const right = level[k + 1];
      if (!right) {
        next.push(left);
        continue;
      }
      for (const i of left.under) path[i]!.push({ sibling: right.digest, siblingLeft: false });
      for (const i of right.under) path[i]!.push({ sibling: left.digest, siblingLeft: true });
      next.push({ digest: stepDigest([left.digest, right.digest]), under: [...left.under, ...right.under] });
    }
    level = next;
  }
  const chains = leaves.map((l, i): HashChain => {
    const up = path[i]!;
    // From the root down: STEP0 holds the top sibling and a reference to STEP1, …; the last holds the leaf
    // (a message's own step comes after, referenced from it).
    const steps: HashChain = [];
    for (let s = up.length - 1; s >= 0; s--) {
      const { sibling, siblingLeft } = up[s]!;
      const below: StepItem = s > 0 || !('item' in l) ? { kind: 'step', ref: steps.length + 1 } : l.item;
      const sib: StepItem = { kind: 'value', digest: sibling };
      steps.push(siblingLeft ? [sib, below] : [below, sib]);
    }
    if (!('item' in l)) steps.push(l.items);
    return steps;
  });
  return { root: level[0]!.digest, chains };
}

/**
 * The value of a chain's STEP0 hashed (the chain's result), resolving DataRefs through `data` (the digest of
 * the referenced file, or null when the file is absent: the chain's own digest is used, as X-Road does for
 * bodies not logged). Throws when a present file's digest differs from the chain's.
 */
export function chainResult(chain: HashChain, data: (uri: string) => Buffer | null, stepsOf: (ref: number) => StepItem[] = (r) => chain[r]!): Buffer {
  const seen = new Set<number>();
  const value = (ref: number): Buffer => {
    if (seen.has(ref)) throw new Error(`hash chain loops at STEP${ref}`);
    seen.add(ref);
    const items = stepsOf(ref);
    if (!items) throw new Error(`hash chain has no STEP${ref}`);
    return stepBytes(items.map((it) => {
      if (it.kind === 'step') return sha512(value(it.ref));
      if (it.kind === 'data') {
        const actual = data(it.uri);
        if (actual && !actual.equals(it.digest)) throw new Error(`the digest of ${it.uri} differs from its hash chain's`);
      }
      return it.digest;
    }));
  };
  return sha512(value(0));
}
