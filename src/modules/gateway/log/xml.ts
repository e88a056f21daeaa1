/**
 * X-Road's hash chain documents (pure): sig-hashchain.xml / ts-hashchain.xml (a message's path up a batch's
 * tree) and sig-hashchainresult.xml / ts-hashchainresult.xml (the tree's root, what the signature or the
 * time-stamp covers), written and read with a DOM (@xmldom/xmldom), in X-Road's namespaces.
 */
import { DOMImplementation, DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { SHA512_URI, type HashChain, type StepItem } from './hashtree.ts';

export const HC_NS = 'http://cyber.ee/hashchain';
export const DS_NS = 'http://www.w3.org/2000/09/xmldsig#';
const XMLNS = 'http://www.w3.org/2000/xmlns/';
const DECL = 'version="1.0" encoding="UTF-8" standalone="yes"';

function newDoc(root: string): { doc: Document; el: Element } {
  const doc = new DOMImplementation().createDocument(HC_NS, `ns2:${root}`, null);
  doc.insertBefore(doc.createProcessingInstruction('xml', DECL), doc.documentElement);
  const el = doc.documentElement!;
  el.setAttributeNS(XMLNS, 'xmlns', DS_NS);
  el.setAttributeNS(XMLNS, 'xmlns:ns2', HC_NS);
  return { doc, el };
}

const serialize = (doc: Document) => Buffer.from(new XMLSerializer().serializeToString(doc), 'utf8');

function digestValue(doc: Document, parent: Element, digest: Buffer) {
  const v = doc.createElementNS(DS_NS, 'DigestValue');
  v.appendChild(doc.createTextNode(digest.toString('base64')));
  parent.appendChild(v);
}

/** The hash chain document of one message (or one signature in a time-stamp batch). */
export function hashChainXml(chain: HashChain): Buffer {
  const { doc, el } = newDoc('HashChain');
  const dm = doc.createElementNS(HC_NS, 'ns2:DefaultDigestMethod');
  dm.setAttribute('Algorithm', SHA512_URI);
  el.appendChild(dm);
  chain.forEach((items, n) => {
    const step = doc.createElementNS(HC_NS, 'ns2:HashStep');
    step.setAttribute('id', `STEP${n}`);
    for (const it of items) {
      if (it.kind === 'step') {
        const ref = doc.createElementNS(HC_NS, 'ns2:StepRef');
        ref.setAttribute('URI', `#STEP${it.ref}`);
        step.appendChild(ref);
      } else {
        const e = doc.createElementNS(HC_NS, it.kind === 'data' ? 'ns2:DataRef' : 'ns2:HashValue');
        if (it.kind === 'data') e.setAttribute('URI', it.uri);
        digestValue(doc, e, it.digest);
        step.appendChild(e);
      }
    }
    el.appendChild(step);
  });
  return serialize(doc);
}

/** The result document: `URI` names the chain's first step (`/sig-hashchain.xml#STEP0`), the digest is the root. */
export function hashChainResultXml(uri: string, root: Buffer): Buffer {
  const { doc, el } = newDoc('HashChainResult');
  el.setAttribute('URI', uri);
  const dm = doc.createElementNS(DS_NS, 'DigestMethod');
  dm.setAttribute('Algorithm', SHA512_URI);
  el.appendChild(dm);
  digestValue(doc, el, root);
  return serialize(doc);
}

function parse(xml: Buffer, root: string): Element {
  const doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') throw new Error(msg); } })
    .parseFromString(xml.toString('utf8'), 'text/xml');
  const el = doc.documentElement;
  if (!el || el.namespaceURI !== HC_NS || el.localName !== root) throw new Error(`not a ${root} document`);
  return el;
}

const kids = (el: Element): Element[] => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1);
const algorithmOk = (el: Element) => {
  const dm = kids(el).find((k) => k.localName === 'DigestMethod' || k.localName === 'DefaultDigestMethod');
  return !dm || dm.getAttribute('Algorithm') === SHA512_URI;
};

function readDigest(el: Element): Buffer {
  const v = kids(el).find((k) => k.localName === 'DigestValue' && k.namespaceURI === DS_NS);
  if (!v) throw new Error(`${el.localName} without DigestValue`);
  return Buffer.from((v.textContent ?? '').replace(/\s+/g, ''), 'base64');
}

/** Reads a hash chain document: its steps by number (STEP0 …), SHA-512 only. */
export function readHashChain(xml: Buffer): HashChain {
  const el = parse(xml, 'HashChain');
  if (!algorithmOk(el)) throw new Error('hash chain: only SHA-512 is supported');
  const steps: HashChain = [];
  for (const step of kids(el).filter((k) => k.localName === 'HashStep')) {
    const n = /^STEP(\d+)$/.exec(step.getAttribute('id') ?? '')?.[1];
    if (n === undefined) throw new Error('hash step without a STEPn id');
    steps[Number(n)] = kids(step).map((k): StepItem => {
      if (k.localName === 'StepRef') {
        const ref = /^#STEP(\d+)$/.exec(k.getAttribute('URI') ?? '')?.[1];
        if (ref === undefined) throw new Error('StepRef to another document is not supported');
        return { kind: 'step', ref: Number(ref) };
      }
      if (k.localName === 'DataRef') return { kind: 'data', uri: k.getAttribute('URI') ?? '', digest: readDigest(k) };
      if (k.localName === 'HashValue') return { kind: 'value', digest: readDigest(k) };
      throw new Error(`unexpected ${k.localName} in a hash step`);
    });
  }
  return steps;
}

/** Reads a hash chain result: the chain it names and the root digest. */
export function readHashChainResult(xml: Buffer): { uri: string; root: Buffer } {
  const el = parse(xml, 'HashChainResult');
  if (!algorithmOk(el)) throw new Error('hash chain result: only SHA-512 is supported');
  return { uri: el.getAttribute('URI') ?? '', root: readDigest(el) };
}
