/**
 * A crafted "signed" PDF as an attacker sends it to `POST /verify`: `size` bytes of filler and
 * `signatures` signature dictionaries whose byte ranges each cover the whole file but their own
 * Contents, each Contents a real CMS SignedData (so the verifier parses it and hashes every range).
 * The digests do not match (the CMS signed other bytes): the cost is the point, not the verdict.
 */
import { X509Certificate } from 'node:crypto';
import { issueCertificate, newKeyPair, newSerial, signDetached } from '../../src/modules/pki/index.ts';

/** A CMS SignedData over some bytes, made with a throwaway self-signed certificate. */
export async function someCms(): Promise<Buffer> {
  const keys = await newKeyPair(2048);
  const at = new Date('2026-01-01T00:00:00Z');
  const pem = issueCertificate({
    profile: 'root_ca', subject: { commonName: 'Kẻ tấn công / Attacker' }, publicKey: keys.publicKey, issuer: null, selfKey: keys.privateKey,
    serial: newSerial(), notBefore: at, notAfter: new Date('2036-01-01T00:00:00Z'),
  });
  return signDetached(Buffer.from('khác / other bytes'), { key: keys.privateKey, cert: new X509Certificate(pem).raw, chain: [] }).der;
}

const num = (n: number) => String(n).padStart(10, '0');

export function craftedSignedPdf(size: number, signatures: number, cms: Buffer): Buffer {
  const hex = cms.toString('hex').padEnd(Math.max(16384, cms.length * 2 + 64), '0');
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const line = Buffer.from(`% ${'0123456789abcdef'.repeat(7)}\n`);
  const filler = Buffer.alloc(Math.max(0, size - head.length), line);
  // Every dictionary has the same length whatever its numbers (zero-padded), so offsets are known first.
  const dict = (i: number, br: number[]) => `${i + 1} 0 obj\n<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached/M(D:20260310090000+07'00')/ByteRange [${br.map(num).join(' ')}]/Contents <`;
  const suffix = '>>>\nendobj\n';
  const lengths = Array.from({ length: signatures }, (_, i) => Buffer.byteLength(dict(i, [0, 0, 0, 0])) + hex.length + suffix.length);
  const tail = '%%EOF\n';
  const start = head.length + filler.length;
  const total = start + lengths.reduce((a, b) => a + b, 0) + tail.length;
  const parts: Buffer[] = [head, filler];
  for (let i = 0, at = start; i < signatures; at += lengths[i]!, i++) {
    const b = at + Buffer.byteLength(dict(i, [0, 0, 0, 0])) - 1; // the '<' of Contents
    const c = b + hex.length + 2; // just after the '>'
    parts.push(Buffer.from(`${dict(i, [0, b, c, total - c])}${hex}${suffix}`, 'latin1'));
  }
  parts.push(Buffer.from(tail));
  const pdf = Buffer.concat(parts);
  if (pdf.length !== total) throw new Error(`crafted PDF: ${pdf.length} bytes, expected ${total}`);
  return pdf;
}
