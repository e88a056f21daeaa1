/**
 * The public verification page behind the QR code: plain HTML, Vietnamese and English, no script. A copy
 * the reader holds is checked on the web application's page (/verify), which shows the report in words.
 */
import type { verifyStored } from './access.ts';

type Result = Awaited<ReturnType<typeof verifyStored>>;

const esc = (s: unknown) => String(s ?? '—').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '—');
const yes = (ok: boolean, vi: string, en: string, noVi: string, noEn: string) =>
  `<span class="${ok ? 'ok' : 'bad'}">${ok ? `✔ ${vi} / ${en}` : `✘ ${noVi} / ${noEn}`}</span>`;

const REVOCATION: Record<string, [string, string]> = {
  good: ['Chưa bị thu hồi', 'Not revoked'],
  unknown: ['Không có thông tin thu hồi', 'Revocation status unknown'],
  revoked_after_signing: ['Thu hồi sau thời điểm ký', 'Revoked after the signing time'],
  revoked: ['Đã bị thu hồi', 'Revoked'],
};

export function verifyPageHtml(r: Result): string {
  const doc = r.document;
  const d = r.dossier;
  const signers = r.signatures.map((s) => `
    <tr><td>${s.index}</td><td><b>${esc(s.signer?.commonName)}</b><br><small>${esc(s.signer?.organization)}${s.signer?.title ? ` · ${esc(s.signer.title)}` : ''}</small></td>
    <td>${esc(when(s.timestamp?.genTime ?? s.claimedSigningTime))}${s.timestamp ? '<br><small>dấu thời gian / time-stamped</small>' : ''}</td>
    <td>${yes(s.digestMatches && s.signatureValid, 'Chữ ký đúng', 'Signature valid', 'Chữ ký sai', 'Signature invalid')}<br>
    ${yes(s.chainTrusted, 'Chứng thư tin cậy', 'Trusted chain', 'Chứng thư không tin cậy', 'Untrusted chain')}<br>
    <span class="${s.revocation === 'revoked' ? 'bad' : s.revocation === 'good' ? 'ok' : ''}">${esc(REVOCATION[s.revocation]?.[0])} / ${esc(REVOCATION[s.revocation]?.[1])}</span></td></tr>`).join('');
  const problems = r.problems.map((p) => `<li>${esc(p.vi)} / ${esc(p.en)}</li>`).join('');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kiểm tra văn bản điện tử / Document verification</title>
<style>
body{font-family:system-ui,sans-serif;max-width:860px;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.45}
.banner{padding:1rem 1.25rem;border-radius:8px;font-size:1.2rem;font-weight:600}
.valid{background:#e6f4ea;border:2px solid #1e7b34}.invalid{background:#fce8e6;border:2px solid #b3261e}
.ok{color:#1e7b34}.bad{color:#b3261e;font-weight:600}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ccc;padding:.45rem;vertical-align:top;text-align:left}dt{font-weight:600}dd{margin:0 0 .5rem 0}
code{font-size:.8rem;word-break:break-all}
</style></head><body>
<h1>Kiểm tra văn bản điện tử<br><small>Electronic document verification</small></h1>
<div class="banner ${r.valid ? 'valid' : 'invalid'}">${r.valid
    ? '✔ Văn bản hợp lệ: nguyên vẹn, chữ ký số đúng và tin cậy / Valid: intact, signatures correct and trusted'
    : '✘ Văn bản KHÔNG hợp lệ / The document is NOT valid'}</div>
${problems ? `<ul>${problems}</ul>` : ''}
${doc?.status === 'superseded' ? '<p class="bad">Văn bản này đã được thay thế bằng văn bản ký sau / This document has been superseded by a later one</p>' : ''}
${doc?.status === 'signed' ? '<p>Văn bản đã ký, chưa đóng dấu ban hành / Signed, not yet sealed and issued</p>' : ''}
<h2>Văn bản / Document</h2>
<dl><dt>Tên / Title</dt><dd>${esc(doc?.title)}</dd>
<dt>Loại / Kind</dt><dd>${esc(doc?.kindName.vi)} / ${esc(doc?.kindName.en)}</dd>
<dt>Mã văn bản / Document ID</dt><dd><code>${esc(doc?.id)}</code></dd>
<dt>Ban hành / Issued</dt><dd>${esc(when(doc?.issuedAt))}</dd>
<dt>Nguyên vẹn / Intact</dt><dd>${yes(r.intact, 'Không bị thay đổi', 'Unmodified', 'Đã bị thay đổi', 'Modified')}</dd>
<dt>SHA-256</dt><dd><code>${esc(r.sha256)}</code></dd></dl>
<h2>Chữ ký số / Signatures</h2>
<table><tr><th>#</th><th>Người ký / Signer</th><th>Thời điểm / Time</th><th>Kết quả / Result</th></tr>${signers}</table>
${d ? `<h2>Hồ sơ / Dossier</h2>
<dl><dt>Mã hồ sơ / Dossier code</dt><dd>${esc(d.code)}</dd>
<dt>Thủ tục / Procedure</dt><dd>${esc(d.procedure.name)} (${esc(d.procedure.code)})</dd>
<dt>Trạng thái / Status</dt><dd>${esc(d.statusName.vi)} / ${esc(d.statusName.en)}</dd>
<dt>Cơ quan giải quyết / Handling agency</dt><dd>${esc(d.handlingAgency.name)}</dd>
<dt>Tiếp nhận / Received</dt><dd>${esc(when(d.receivedAt))}</dd></dl>` : ''}
<h2>Kiểm tra bản bạn đang giữ / Check the copy you hold</h2>
<p>Tải tệp PDF bạn đang giữ lên trang <a href="/verify">Xác thực giấy tờ / Verify a document</a>: bản đúng là văn bản này được báo hợp lệ và có trong hệ thống.<br>
<small>Upload the PDF you hold there: a true copy of this document is reported valid and on record.</small></p>
<p><small>Chứng thư gốc của tỉnh / Province root certificate: <a href="/api/v1/pki/ca">/api/v1/pki/ca</a></small></p>
</body></html>`;
}
