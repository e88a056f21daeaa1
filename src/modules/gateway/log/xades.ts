/**
 * META-INF/signatures.xml as X-Road writes it (pure but for node:crypto's RSA): an ASiC XAdESSignatures
 * document with one XAdES-BES signature over one file (sig-hashchainresult.xml for a batch), RSA-SHA512,
 * inclusive C14N (xml-crypto), the signing certificate in KeyInfo and in SignedProperties (SHA-512 digest,
 * issuer and serial). Also its check: reference digests, SignedProperties, signature value.
 */
import { createSign, createVerify, X509Certificate, type KeyObject } from 'node:crypto';
import { DOMImplementation, DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { C14nCanonicalization } from 'xml-crypto';
import { sha512, SHA512_URI } from './hashtree.ts';
import { DS_NS } from './xml.ts';

const ASIC_NS = 'http://uri.etsi.org/02918/v1.2.1#';
const XADES_NS = 'http://uri.etsi.org/01903/v1.3.2#';
const XMLNS = 'http://www.w3.org/2000/xmlns/';
const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const RSA_SHA512 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512';
const SIGNED_PROPS = 'http://uri.etsi.org/01903#SignedProperties';
/** The namespace prefixes declared on the element's ancestors (inclusive C14N renders them on the element). */
function ancestorNamespaces(el: Element): { prefix: string; namespaceURI: string }[] {
  const out = new Map<string, string>();
  for (let p = el.parentNode; p && p.nodeType === 1; p = p.parentNode) {
    for (const a of Array.from((p as Element).attributes)) {
      if (a.prefix === 'xmlns' && !out.has(a.localName!)) out.set(a.localName!, a.value);
    }
  }
  return [...out].map(([prefix, namespaceURI]) => ({ prefix, namespaceURI }));
}

const c14n = (el: Element) => Buffer.from(new C14nCanonicalization().process(el as never, { ancestorNamespaces: ancestorNamespaces(el) }), 'utf8');

function add(doc: Document, parent: Element, ns: string, name: string, attrs: Record<string, string> = {}, text?: string): Element {
  const e = doc.createElementNS(ns, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.appendChild(doc.createTextNode(text));
  parent.appendChild(e);
  return e;
}

function digestOf(doc: Document, parent: Element, digest: Buffer) {
  add(doc, parent, DS_NS, 'ds:DigestMethod', { Algorithm: SHA512_URI });
  add(doc, parent, DS_NS, 'ds:DigestValue', {}, digest.toString('base64'));
}

/** RFC 2253 issuer name (reversed, comma-separated) from node's line-per-RDN form. */
const rfc2253 = (name: string) => name.split('\n').filter(Boolean).reverse().map((rdn) => rdn.replace(/([,+"\\<>;])/g, '\\$1')).join(',');

export interface XadesSigner {
  key: KeyObject;
  /** DER certificate. */
  cert: Buffer;
}

/** What a signature says of its signer's certificate, worked out once per certificate (every batch is signed). */
const FACTS = new WeakMap<Buffer, { sha512: Buffer; issuer: string; serial: string }>();
function certFacts(der: Buffer) {
  let f = FACTS.get(der);
  if (!f) {
    const x = new X509Certificate(der);
    FACTS.set(der, f = { sha512: sha512(der), issuer: rfc2253(x.issuer), serial: BigInt(`0x${x.serialNumber}`).toString(10) });
  }
  return f;
}

/** signatures.xml over the file `uri` (e.g. `/sig-hashchainresult.xml`) whose bytes are `data`. */
export function signXades(uri: string, data: Buffer, mimeType: string, signer: XadesSigner, at: Date): Buffer {
  const doc = new DOMImplementation().createDocument(ASIC_NS, 'asic:XAdESSignatures', null);
  doc.insertBefore(doc.createProcessingInstruction('xml', 'version="1.0" encoding="UTF-8" standalone="no"'), doc.documentElement);
  const root = doc.documentElement!;
  root.setAttributeNS(XMLNS, 'xmlns:asic', ASIC_NS);
  root.setAttributeNS(XMLNS, 'xmlns:ds', DS_NS);
  root.setAttributeNS(XMLNS, 'xmlns:xades', XADES_NS);
  const sig = add(doc, root, DS_NS, 'ds:Signature', { Id: 'signature' });
  const info = add(doc, sig, DS_NS, 'ds:SignedInfo');
  add(doc, info, DS_NS, 'ds:CanonicalizationMethod', { Algorithm: C14N });
  add(doc, info, DS_NS, 'ds:SignatureMethod', { Algorithm: RSA_SHA512 });
  digestOf(doc, add(doc, info, DS_NS, 'ds:Reference', { Id: 'signature-reference-0', URI: uri }), sha512(data));
  const propsRef = add(doc, info, DS_NS, 'ds:Reference', { Id: 'signature-reference-1', Type: SIGNED_PROPS, URI: '#signed-properties' });
  const value = add(doc, sig, DS_NS, 'ds:SignatureValue', { Id: 'signature-value' });
  add(doc, add(doc, add(doc, sig, DS_NS, 'ds:KeyInfo'), DS_NS, 'ds:X509Data'), DS_NS, 'ds:X509Certificate', {}, signer.cert.toString('base64'));
  const qp = add(doc, add(doc, sig, DS_NS, 'ds:Object'), XADES_NS, 'xades:QualifyingProperties', { Target: '#signature' });
  const props = add(doc, qp, XADES_NS, 'xades:SignedProperties', { Id: 'signed-properties' });
  const ssp = add(doc, props, XADES_NS, 'xades:SignedSignatureProperties');
  add(doc, ssp, XADES_NS, 'xades:SigningTime', {}, at.toISOString());
  const cert = add(doc, add(doc, ssp, XADES_NS, 'xades:SigningCertificate'), XADES_NS, 'xades:Cert');
  const facts = certFacts(signer.cert);
  digestOf(doc, add(doc, cert, XADES_NS, 'xades:CertDigest'), facts.sha512);
  const serial = add(doc, cert, XADES_NS, 'xades:IssuerSerial');
  add(doc, serial, DS_NS, 'ds:X509IssuerName', {}, facts.issuer);
  add(doc, serial, DS_NS, 'ds:X509SerialNumber', {}, facts.serial);
  const format = add(doc, add(doc, props, XADES_NS, 'xades:SignedDataObjectProperties'), XADES_NS, 'xades:DataObjectFormat', { ObjectReference: '#signature-reference-0' });
  add(doc, format, XADES_NS, 'xades:MimeType', {}, mimeType);
  digestOf(doc, propsRef, sha512(c14n(props)));
  value.appendChild(doc.createTextNode(createSign('sha512').update(c14n(info)).sign(signer.key).toString('base64')));
  return Buffer.from(new XMLSerializer().serializeToString(doc), 'utf8');
}

const kids = (el: Element, ns: string, name: string): Element[] =>
  Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === name);
const one = (el: Element | undefined, ns: string, name: string): Element => {
  const k = el && kids(el, ns, name)[0];
  if (!k) throw new Error(`signatures.xml: no ${name}`);
  return k;
};
const b64 = (el: Element) => Buffer.from((el.textContent ?? '').replace(/\s+/g, ''), 'base64');

export interface XadesCheck {
  /** The signed file's URI (the first reference) and whether its digest and the signature hold. */
  uri: string;
  valid: boolean;
  reason: string | null;
  /** The signer's certificate (DER) as embedded. */
  cert: Buffer | null;
  signingTime: Date | null;
}

/** Checks signatures.xml against the bytes of the file it signs (`resolve(uri)`); never throws. */
export function checkXades(xml: Buffer, resolve: (uri: string) => Buffer | null): XadesCheck {
  let uri = '';
  let cert: Buffer | null = null;
  let signingTime: Date | null = null;
  try {
    const doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') throw new Error(msg); } }).parseFromString(xml.toString('utf8'), 'text/xml');
    const sig = one(doc.documentElement ?? undefined, DS_NS, 'Signature');
    const info = one(sig, DS_NS, 'SignedInfo');
    if (one(info, DS_NS, 'CanonicalizationMethod').getAttribute('Algorithm') !== C14N) throw new Error('unsupported canonicalization');
    if (one(info, DS_NS, 'SignatureMethod').getAttribute('Algorithm') !== RSA_SHA512) throw new Error('unsupported signature method');
    cert = b64(one(one(one(sig, DS_NS, 'KeyInfo'), DS_NS, 'X509Data'), DS_NS, 'X509Certificate'));
    const props = one(one(one(sig, DS_NS, 'Object'), XADES_NS, 'QualifyingProperties'), XADES_NS, 'SignedProperties');
    const time = props.getElementsByTagNameNS(XADES_NS, 'SigningTime')[0];
    signingTime = time ? new Date(time.textContent ?? '') : null;
    const refs = kids(info, DS_NS, 'Reference');
    const fail = (reason: string): XadesCheck => ({ uri, valid: false, reason, cert, signingTime });
    if (refs.length !== 2) return fail('expected two references (the file and the signed properties)');
    for (const ref of refs) {
      if (one(ref, DS_NS, 'DigestMethod').getAttribute('Algorithm') !== SHA512_URI) return fail('unsupported digest method');
      const want = b64(one(ref, DS_NS, 'DigestValue'));
      const target = ref.getAttribute('URI') ?? '';
      if (ref.getAttribute('Type') === SIGNED_PROPS) {
        if (target !== `#${props.getAttribute('Id')}` || !sha512(c14n(props)).equals(want)) return fail('the signed properties do not match their reference');
      } else {
        uri = target;
        const data = resolve(target);
        if (!data) return fail(`the signed file ${target} is missing`);
        if (!sha512(data).equals(want)) return fail(`the signed file ${target} does not match its digest`);
      }
    }
    const certDigest = props.getElementsByTagNameNS(XADES_NS, 'CertDigest')[0];
    if (!certDigest || !sha512(cert).equals(b64(one(certDigest, DS_NS, 'DigestValue')))) return fail('the signing certificate does not match the signed properties');
    const ok = createVerify('sha512').update(c14n(info)).verify(new X509Certificate(cert).publicKey, b64(one(sig, DS_NS, 'SignatureValue')));
    return ok ? { uri, valid: true, reason: null, cert, signingTime } : fail('the signature value does not match');
  } catch (err) {
    return { uri, valid: false, reason: `unreadable signature (${(err as Error).message})`, cert, signingTime };
  }
}
