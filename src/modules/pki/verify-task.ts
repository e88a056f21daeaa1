/**
 * The verification of a signed PDF as a worker-thread task (see `verify-pool.ts`): the trust store
 * crosses threads as DER certificates and parsed CRLs, and is rebuilt once per version in the worker.
 * Nothing here touches the database.
 */
import { X509Certificate } from 'node:crypto';
import { verifyPdf, type PdfVerification, type TrustStore } from './verify.ts';
import type { ParsedCrl } from './x509.ts';

/** A trust store in a form that survives a structured clone; `key` names its content. */
export interface PortableTrust {
  key: string;
  anchors: Uint8Array[];
  intermediates: Uint8Array[];
  crls: [string, ParsedCrl][];
}

export interface VerifyTaskInput {
  pdf: Uint8Array;
  trust: PortableTrust;
  now: string;
  maxSignatures: number;
}

let cached: { key: string; trust: TrustStore } | null = null;

function trustOf(p: PortableTrust): TrustStore {
  if (cached?.key !== p.key) {
    cached = {
      key: p.key,
      trust: {
        anchors: p.anchors.map((d) => new X509Certificate(Buffer.from(d))),
        intermediates: p.intermediates.map((d) => new X509Certificate(Buffer.from(d))),
        crls: new Map(p.crls),
      },
    };
  }
  return cached.trust;
}

export function verifyPdfTask(input: VerifyTaskInput): PdfVerification {
  const pdf = Buffer.from(input.pdf.buffer, input.pdf.byteOffset, input.pdf.byteLength);
  return verifyPdf(pdf, trustOf(input.trust), new Date(input.now), { maxSignatures: input.maxSignatures });
}
