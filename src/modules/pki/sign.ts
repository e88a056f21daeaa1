/**
 * PAdES signing of PDFs: the placeholder is added with @signpdf/placeholder-pdf-lib, the byte range is
 * computed and filled by @signpdf/signpdf, the CMS comes from cms.ts. A further signature (the
 * organisation seal after the officer) is appended as an incremental update, so the bytes covered by
 * the earlier signature stay untouched.
 */
import { X509Certificate } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf, Signer } from '@signpdf/signpdf';
import { signDetached, withTimestamp, type CmsSigner } from './cms.ts';
import { requestTimestamp } from './tsa.ts';
import { stripDiacritics } from '../../platform/text.ts';

export interface PdfSigner extends CmsSigner {
  /** ASCII text for the signature dictionary (/Reason, /Location); the signer's name comes from the certificate. */
  reason: string;
  location: string;
  /** RFC 3161 time-stamp authority; null: no time-stamp. */
  tsaUrl: string | null;
}

export const SUBFILTER = 'ETSI.CAdES.detached';

class CadesSigner extends Signer {
  constructor(private readonly s: PdfSigner) {
    super();
  }

  override async sign(content: Buffer): Promise<Buffer> {
    const signed = signDetached(content, this.s);
    if (!this.s.tsaUrl) return signed.der;
    const token = await requestTimestamp(this.s.tsaUrl, signed.signature);
    return withTimestamp(content, this.s, signed, token);
  }
}

/** Room for the CMS in hex digits: the certificates, signed attributes and signature, a time-stamp token. */
function placeholderHexDigits(s: PdfSigner): number {
  return 2 * (s.cert.length + s.chain.reduce((n, c) => n + c.length, 0) + 1536 + (s.tsaUrl ? 12_288 : 0));
}

const ascii = (s: string) => stripDiacritics(s).replace(/[^\x20-\x7e]/g, '?');

const names = new WeakMap<Buffer, string>();
function commonName(cert: Buffer): string {
  let n = names.get(cert);
  if (n === undefined) names.set(cert, (n = new X509Certificate(cert).subject.split('\n').find((l) => l.startsWith('CN='))?.slice(3) ?? 'signer'));
  return n;
}

function addPlaceholder(doc: PDFDocument, s: PdfSigner, at: Date): void {
  const name = commonName(s.cert);
  pdflibAddPlaceholder({
    pdfDoc: doc, reason: ascii(s.reason), contactInfo: '', name: ascii(name), location: ascii(s.location),
    signingTime: at, signatureLength: placeholderHexDigits(s), subFilter: SUBFILTER, appName: 'motcua',
  });
  // Every signature field needs its own name; the placeholder library always writes "Signature1".
  const fields = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray);
  const widget = doc.context.lookup(fields.get(fields.size() - 1), PDFDict);
  widget.set(PDFName.of('T'), PDFString.of(`Signature${fields.size()}`));
}

/** Signs a document being built: placeholder, save (classic cross-reference table), signature. */
export async function signNew(doc: PDFDocument, s: PdfSigner, at: Date): Promise<Buffer> {
  addPlaceholder(doc, s, at);
  const bytes = Buffer.from(await doc.save({ useObjectStreams: false, objectsPerTick: Infinity }));
  return new SignPdf().sign(bytes, new CadesSigner(s), at);
}

/** Adds one more signature to a (signed) PDF as an incremental update. */
export async function appendSignature(pdf: Buffer, s: PdfSigner, at: Date): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: Infinity });
  const before = doc.context.largestObjectNumber;
  addPlaceholder(doc, s, at);
  const acroForm = doc.catalog.get(PDFName.of('AcroForm'));
  const changed = [doc.getPages()[0]!.ref, acroForm instanceof PDFRef ? acroForm : doc.context.trailerInfo.Root as PDFRef];
  const added = doc.context.enumerateIndirectObjects().map(([ref]) => ref).filter((r) => r.objectNumber > before);
  const update = incrementalUpdate(pdf, doc, [...changed, ...added]);
  return new SignPdf().sign(Buffer.concat([pdf, update]), new CadesSigner(s), at);
}

function serialise(obj: PDFObject): Uint8Array {
  const b = new Uint8Array(obj.sizeInBytes());
  obj.copyBytesInto(b, 0);
  return b;
}

/** The objects `refs` written after `pdf` with their cross-reference section and a trailer pointing back. */
function incrementalUpdate(pdf: Buffer, doc: PDFDocument, refs: PDFRef[]): Buffer {
  const tail = pdf.subarray(Math.max(0, pdf.length - 1024)).toString('latin1');
  const prev = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1];
  if (prev === undefined) throw new Error('PDF has no startxref');
  const unique = [...new Map(refs.map((r) => [r.objectNumber, r])).values()].sort((a, b) => a.objectNumber - b.objectNumber);
  const parts: Buffer[] = [Buffer.from('\n')];
  let offset = pdf.length + 1;
  const offsets = new Map<number, number>();
  for (const ref of unique) {
    const obj = doc.context.lookup(ref);
    if (!obj) continue;
    const chunk = Buffer.concat([Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`), serialise(obj), Buffer.from('\nendobj\n')]);
    offsets.set(ref.objectNumber, offset);
    parts.push(chunk);
    offset += chunk.length;
  }
  let xref = 'xref\n';
  const numbers = [...offsets.keys()];
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    xref += `${numbers[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) xref += `${String(offsets.get(numbers[k]!)).padStart(10, '0')} 00000 n\r\n`;
    i = j + 1;
  }
  const t = doc.context.trailerInfo;
  const entries = [
    `/Size ${doc.context.largestObjectNumber + 1}`, `/Root ${String(t.Root)}`,
    t.Info ? `/Info ${String(t.Info)}` : '', t.ID ? `/ID ${String(t.ID)}` : '', `/Prev ${prev}`,
  ].filter(Boolean);
  parts.push(Buffer.from(`${xref}trailer\n<< ${entries.join(' ')} >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}
