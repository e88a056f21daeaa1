/** The verdict of a signature verification, pure: which checks failed, in Vietnamese and English. */

export type Problem = { code: string; vi: string; en: string };

export interface SignatureFinding {
  digestMatches: boolean;
  signatureValid: boolean;
  coversWholeFile: boolean;
  chainTrusted: boolean;
  certValidAtSigning: boolean;
  revocation: 'good' | 'revoked' | 'revoked_after_signing' | 'unknown';
}

/** The overall verdict: intact means no byte differs from what each signer signed. */
export function verdict(signatures: SignatureFinding[], structureOk: boolean, opts: { tooManySignatures?: boolean } = {}): { valid: boolean; intact: boolean; problems: Problem[] } {
  const problems: Problem[] = [];
  const add = (code: string, vi: string, en: string) => problems.push({ code, vi, en });
  if (opts.tooManySignatures) add('too_many_signatures', 'Tệp có quá nhiều chữ ký số, không được kiểm tra', 'The file carries too many signatures and was not checked');
  if (!structureOk) add('malformed', 'Cấu trúc chữ ký trong tệp không hợp lệ', 'The signature structure of the file is invalid');
  if (signatures.length === 0 && !opts.tooManySignatures) add('unsigned', 'Tệp không có chữ ký số', 'The file carries no digital signature');
  if (signatures.some((s) => !s.digestMatches || !s.signatureValid)) add('modified', 'Nội dung đã bị thay đổi sau khi ký', 'The content was changed after signing');
  const last = signatures.at(-1);
  if (last && !last.coversWholeFile) add('unsigned_changes', 'Có nội dung được thêm sau chữ ký cuối cùng', 'Content was added after the last signature');
  if (signatures.some((s) => !s.chainTrusted)) add('untrusted', 'Chứng thư số không thuộc chuỗi tin cậy của tỉnh', 'A certificate does not chain to a trusted root');
  if (signatures.some((s) => !s.certValidAtSigning)) add('expired', 'Chứng thư số không còn hiệu lực tại thời điểm ký', 'A certificate was not valid at the signing time');
  if (signatures.some((s) => s.revocation === 'revoked')) add('revoked', 'Chứng thư số đã bị thu hồi', 'A certificate has been revoked');
  const intact = structureOk && !opts.tooManySignatures && signatures.length > 0 && !problems.some((p) => p.code === 'modified' || p.code === 'unsigned_changes');
  return { valid: problems.length === 0, intact, problems };
}
