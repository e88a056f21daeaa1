/**
 * One message as an ASiC-E container (.asice) the way X-Road's message log archives it: mimetype,
 * message.xml (request or status line and headers), attachment1 (the body, when kept), the batch
 * signature META-INF/signatures.xml over sig-hashchainresult.xml with this message's sig-hashchain.xml,
 * and, once time-stamped, ts-hashchainresult.xml, ts-hashchain.xml, META-INF/timestamp.tst and
 * META-INF/ASiCManifest.xml; META-INF/manifest.xml lists the files. Zip by yazl, XML by @xmldom/xmldom.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { DOMImplementation, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import yazl from 'yazl';
import { sha512, SHA512_URI, type HashChain } from './hashtree.ts';
import { BODY_FILE, MESSAGE_FILE } from './message.ts';
import { hashChainXml } from './xml.ts';

export const ASICE_MIME = 'application/vnd.etsi.asic-e+zip';
const MANIFEST_NS = 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0';
const ASIC_NS = 'http://uri.etsi.org/2918/v1.2.1#';
const DS_NS = 'http://www.w3.org/2000/09/xmldsig#';
const XMLNS = 'http://www.w3.org/2000/xmlns/';

export const FILES = {
  mimetype: 'mimetype', message: MESSAGE_FILE, body: BODY_FILE, signatures: 'META-INF/signatures.xml', manifest: 'META-INF/manifest.xml',
  sigChain: 'sig-hashchain.xml', sigResult: 'sig-hashchainresult.xml',
  tsChain: 'ts-hashchain.xml', tsResult: 'ts-hashchainresult.xml', token: 'META-INF/timestamp.tst', asicManifest: 'META-INF/ASiCManifest.xml',
} as const;

export interface ContainerParts {
  message: Buffer;
  /** The body: bytes, a file to stream, or none (digest-only or empty). */
  body: { bytes: Buffer } | { file: string } | null;
  signatureXml: Buffer;
  sigResultXml: Buffer;
  sigChain: HashChain;
  timestamp: { resultXml: Buffer; chain: HashChain; token: Buffer } | null;
}

function doc(ns: string, root: string, prefix: string): { d: Document; el: Element } {
  const d = new DOMImplementation().createDocument(ns, `${prefix}:${root}`, null);
  d.insertBefore(d.createProcessingInstruction('xml', 'version="1.0" encoding="UTF-8"'), d.documentElement);
  const el = d.documentElement!;
  el.setAttributeNS(XMLNS, `xmlns:${prefix}`, ns);
  return { d, el };
}

/** META-INF/manifest.xml (OpenDocument manifest, as X-Road writes it). */
export function manifestXml(files: readonly string[]): Buffer {
  const { d, el } = doc(MANIFEST_NS, 'manifest', 'manifest');
  el.setAttributeNS(MANIFEST_NS, 'manifest:version', '1.2');
  for (const [path, type] of [['/', ASICE_MIME], ...files.map((f) => [f, f === BODY_FILE ? 'application/octet-stream' : 'text/xml'])] as const) {
    const e = d.createElementNS(MANIFEST_NS, 'manifest:file-entry');
    e.setAttributeNS(MANIFEST_NS, 'manifest:media-type', type);
    e.setAttributeNS(MANIFEST_NS, 'manifest:full-path', path);
    el.appendChild(e);
  }
  return Buffer.from(new XMLSerializer().serializeToString(d), 'utf8');
}

/** META-INF/ASiCManifest.xml: the time-stamp token and the file it covers (ts-hashchainresult.xml). */
export function asicManifestXml(tsResultXml: Buffer): Buffer {
  const { d, el } = doc(ASIC_NS, 'ASiCManifest', 'asic');
  el.setAttributeNS(XMLNS, 'xmlns:ds', DS_NS);
  const sig = d.createElementNS(ASIC_NS, 'asic:SigReference');
  sig.setAttribute('URI', FILES.token);
  sig.setAttribute('MimeType', 'vnd.etsi.timestamp-token');
  el.appendChild(sig);
  const ref = d.createElementNS(ASIC_NS, 'asic:DataObjectReference');
  ref.setAttribute('URI', FILES.tsResult);
  ref.setAttribute('MimeType', 'text/xml');
  const dm = d.createElementNS(DS_NS, 'ds:DigestMethod');
  dm.setAttribute('Algorithm', SHA512_URI);
  const dv = d.createElementNS(DS_NS, 'ds:DigestValue');
  dv.appendChild(d.createTextNode(sha512(tsResultXml).toString('base64')));
  ref.appendChild(dm);
  ref.appendChild(dv);
  el.appendChild(ref);
  return Buffer.from(new XMLSerializer().serializeToString(d), 'utf8');
}

const FIXED_TIME = new Date('2000-01-01T00:00:00Z');

/** The container as a stream of zip bytes (the body streamed from its file when large). */
export function containerStream(p: ContainerParts, at: Date = FIXED_TIME): Readable {
  const zip = new yazl.ZipFile();
  const opts = { mtime: at };
  // ASiC: mimetype first and stored, so that the type can be read at a fixed offset.
  zip.addBuffer(Buffer.from(ASICE_MIME, 'ascii'), FILES.mimetype, { ...opts, compress: false });
  zip.addBuffer(p.message, FILES.message, opts);
  const listed: string[] = [FILES.sigChain, FILES.message];
  if (p.body && 'bytes' in p.body) zip.addBuffer(p.body.bytes, FILES.body, opts);
  else if (p.body) zip.addReadStream(createReadStream(p.body.file), FILES.body, opts);
  if (p.body) listed.push(FILES.body);
  zip.addBuffer(p.signatureXml, FILES.signatures, opts);
  zip.addBuffer(p.sigResultXml, FILES.sigResult, opts);
  zip.addBuffer(hashChainXml(p.sigChain), FILES.sigChain, opts);
  listed.push(FILES.sigResult);
  if (p.timestamp) {
    zip.addBuffer(p.timestamp.resultXml, FILES.tsResult, opts);
    zip.addBuffer(hashChainXml(p.timestamp.chain), FILES.tsChain, opts);
    listed.push(FILES.tsResult, FILES.tsChain);
  }
  zip.addBuffer(manifestXml(listed), FILES.manifest, opts);
  if (p.timestamp) {
    zip.addBuffer(asicManifestXml(p.timestamp.resultXml), FILES.asicManifest, opts);
    zip.addBuffer(p.timestamp.token, FILES.token, opts);
  }
  zip.end();
  return zip.outputStream as unknown as Readable;
}
