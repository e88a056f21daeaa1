/**
 * Signed documents as the API returns them (GET /me/documents, GET /dossiers/{code}/documents) and the
 * verification report (POST /api/v1/verify), with the URLs the pages link to.
 */
import { API, ApiError } from './client.ts';

export interface Named { vi: string; en: string }

export interface Signer { role: string; name: string; organization: string | null; signedAt: string | null }

export interface SignedDocument {
  id: string;
  kind: string;
  kindName: Named;
  title: string;
  status?: 'signed' | 'issued' | 'superseded';
  size: number;
  signers: Signer[];
  createdAt?: string;
  updatedAt?: string;
}

export interface MyDocument extends SignedDocument {
  fileId: string;
  addedAt: string;
  dossier: { code: string; procedure: { code: string; name: string } };
}

export interface CertInfo { commonName: string | null; organization: string | null; title: string | null }

export interface SignatureReport {
  index: number;
  signer: CertInfo | null;
  claimedSigningTime: string | null;
  timestamp: { genTime: string | null } | null;
  digestMatches: boolean;
  signatureValid: boolean;
  chainTrusted: boolean;
  revocation: 'good' | 'unknown' | 'revoked_after_signing' | 'revoked';
}

export interface VerifyReport {
  valid: boolean;
  intact: boolean;
  problems: { code: string; vi: string; en: string }[];
  sha256: string;
  size: number;
  signatures: SignatureReport[];
  document: (SignedDocument & { registered: true; current: boolean; issuedAt: string }) | null;
  dossier: { code: string; procedure: { code: string; name: string }; statusName: Named; handlingAgency: { name: string } | null } | null;
  claimedDocumentId: string | null;
}

/** The signed PDF of a dossier's document (the read is audited by the server). */
export const documentPdfUrl = (code: string, id: string) => `${API}/dossiers/${encodeURIComponent(code)}/documents/${id}/pdf`;

/** The document's public verification page (the QR code's target, rendered by the server). */
export const verifyPageUrl = (id: string) => `/verify/${id}`;

/** A file name for the download: the title, without characters file systems refuse. */
export const pdfName = (title: string) => `${title.replace(/[\\/:*?"<>|]+/g, ' ').trim().slice(0, 120) || 'van-ban'}.pdf`;

/** POST /verify with the PDF as the body: the report, or an ApiError. */
export async function verifyPdf(file: File, lang: string, signal?: AbortSignal): Promise<VerifyReport> {
  let res: Response;
  try {
    res = await fetch(`${API}/verify`, {
      method: 'POST', body: file, signal, credentials: 'same-origin',
      headers: { 'content-type': 'application/pdf', accept: 'application/json', 'accept-language': lang },
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, { type: '/problems/network' });
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) throw new ApiError(res.status, body);
  return body as unknown as VerifyReport;
}
