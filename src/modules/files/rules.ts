/** The files module's pure rules: the quota an account is held to, and how a download is named. */
import contentDisposition from 'content-disposition';

export interface QuotaRule {
  limitBytes: number;
  /** Officers upload scans at the counter for many citizens: only their uploads not yet attached count. */
  onlyUnattached: boolean;
}

/** The quota of an account (null: none, UPLOAD_QUOTA_BYTES=0). */
export function quotaRule(kind: 'citizen' | 'officer', quotaBytes: number): QuotaRule | null {
  return quotaBytes > 0 ? { limitBytes: quotaBytes, onlyUnattached: kind !== 'citizen' } : null;
}

/** Whether `adding` more bytes would go past the quota (a full account takes nothing more). */
export function overQuota(usedBytes: number, adding: number, rule: QuotaRule): boolean {
  return usedBytes >= rule.limitBytes || usedBytes + adding > rule.limitBytes;
}

const EXT: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** Vietnamese folded to ASCII for the old `filename=` parameter (`Giấy khai sinh` → `Giay khai sinh`). */
export function asciiName(name: string): string {
  return name.replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_');
}

/**
 * `Content-Disposition` with the original file name (RFC 6266; `filename*` in UTF-8 per RFC 8187/5987,
 * an ASCII `filename` for old clients), or the hash when the upload had no name. `attachment` unless
 * the caller asks `inline` (the web app's preview of a checked PDF or image in a frame).
 */
export function attachmentHeader(row: { name: string | null; sha256: string; media_type: string }, type: 'attachment' | 'inline' = 'attachment'): string {
  const clean = (row.name ?? '').replace(/[\x00-\x1f\x7f/\\]/g, '').trim();
  const name = clean || `${row.sha256.slice(0, 16)}.${EXT[row.media_type] ?? 'bin'}`;
  return contentDisposition(name, { type, fallback: asciiName(name) });
}
