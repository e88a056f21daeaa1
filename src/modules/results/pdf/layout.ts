/**
 * Page layout for the administrative documents (A4, Decree 30/2020 header: the issuing agency on the
 * left, the national motto on the right), with wrapped text, fields, tables, signature blocks and a
 * footer carrying the verification QR code on every page.
 */
import { degrees, PDFContentStream, PDFDict, PDFDocument, PDFName, PDFString, popGraphicsState, pushGraphicsState, rectangle, fill, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { deflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import { embedFonts, type Fonts, type FontStyle } from './fonts.ts';
import { vnDate } from '../model.ts';

const W = 595.28;
const H = 841.89;
const M = { left: 62, right: 42, top: 50, bottom: 92 };
const INK = rgb(0, 0, 0);

export const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'] as const;

type Style = FontStyle | 'italic';
const ITALIC = degrees(12);

export interface TextOpts {
  /** Italic is the regular face slanted. */
  style?: Style;
  size?: number;
  align?: 'left' | 'center' | 'right';
  indent?: number;
  /** Left padding of every line (hanging lists). */
  pad?: number;
  /** A column [x, width] instead of the full text width (header columns: no page break). */
  box?: [number, number];
  gapAfter?: number;
}

export interface DocumentMeta {
  /** The document's id: printed, linked by the QR code, stored in the PDF's information dictionary. */
  id: string;
  title: string;
  verifyUrl: string;
  author: string;
  /** A draft to read before signing: "DỰ THẢO" across every page, no QR code (it is registered nowhere). */
  draft?: boolean;
}

export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(next, size) > width) {
        out.push(line);
        line = word;
      } else line = next;
    }
    out.push(line);
  }
  return out;
}

export class Sheet {
  private page!: PDFPage;
  private y = 0;
  private constructor(readonly doc: PDFDocument, readonly fonts: Fonts, private readonly meta: DocumentMeta) {
    this.newPage();
  }

  static async create(meta: DocumentMeta): Promise<Sheet> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.setTitle(meta.title);
    doc.setAuthor(meta.author);
    doc.setCreator('motcua');
    doc.setProducer('motcua (pdf-lib)');
    doc.setLanguage('vi-VN');
    doc.context.lookup(doc.context.trailerInfo.Info, PDFDict).set(PDFName.of('MotcuaDocumentId'), PDFString.of(meta.id));
    return new Sheet(doc, await embedFonts(doc), meta);
  }

  private newPage() {
    this.page = this.doc.addPage([W, H]);
    this.y = H - M.top;
  }

  private ensure(height: number) {
    if (this.y - height < M.bottom) this.newPage();
  }

  get width() {
    return W - M.left - M.right;
  }

  text(s: string, o: TextOpts = {}): this {
    const font = this.fonts[o.style === 'italic' ? 'regular' : o.style ?? 'regular'];
    const skew = o.style === 'italic' ? { ySkew: ITALIC } : {};
    const size = o.size ?? 11;
    const [x0, w] = o.box ?? [M.left + (o.pad ?? 0), this.width - (o.pad ?? 0)];
    const lead = size * 1.38;
    for (const [i, line] of wrap(s, font, size, w - (o.indent ?? 0)).entries()) {
      if (!o.box) this.ensure(lead);
      const tw = font.widthOfTextAtSize(line, size);
      const x = o.align === 'center' ? x0 + (w - tw) / 2 : o.align === 'right' ? x0 + w - tw : x0 + (i === 0 ? o.indent ?? 0 : 0);
      this.y -= lead;
      this.page.drawText(line, { x, y: this.y + lead * 0.28, size, font, color: INK, ...skew });
    }
    this.y -= o.gapAfter ?? 0;
    return this;
  }

  gap(h: number): this {
    this.y -= h;
    return this;
  }

  line(x: number, width: number): this {
    this.page.drawLine({ start: { x, y: this.y + 2 }, end: { x: x + width, y: this.y + 2 }, thickness: 0.7, color: INK });
    return this;
  }

  /** Issuing agency (left) and national motto with place and date (right), then the title. */
  header(h: { parentAgency?: string | null; agency: string; number?: string | null; place: string; date: Date }): this {
    const top = this.y;
    const left: [number, number] = [M.left - 20, 230];
    const right: [number, number] = [M.left + 200, this.width - 200 + 20];
    if (h.parentAgency) this.text(h.parentAgency.toUpperCase(), { box: left, align: 'center', size: 10 });
    this.text(h.agency.toUpperCase(), { box: left, align: 'center', size: 10, style: 'bold' });
    this.gap(3).line(left[0] + left[1] / 2 - 35, 70).gap(4);
    if (h.number) this.text(`Số: ${h.number}`, { box: left, align: 'center', size: 10 });
    const leftBottom = this.y;
    this.y = top;
    this.text(MOTTO[0], { box: right, align: 'center', size: 10, style: 'bold' });
    this.text(MOTTO[1], { box: right, align: 'center', size: 10.5, style: 'bold' });
    const mw = this.fonts.bold.widthOfTextAtSize(MOTTO[1], 10.5);
    this.gap(1).line(right[0] + (right[1] - mw) / 2, mw).gap(6);
    this.text(`${h.place}, ${vnDate(h.date)}`, { box: right, align: 'center', size: 10, style: 'italic' });
    this.y = Math.min(this.y, leftBottom) - 14;
    return this;
  }

  title(main: string, ...sub: string[]): this {
    this.text(main.toUpperCase(), { style: 'bold', size: 13, align: 'center' });
    for (const s of sub) this.text(s, { style: 'bold', size: 11, align: 'center' });
    return this.gap(10);
  }

  field(label: string, value: string): this {
    return this.text(`${label}: ${value}`, { indent: 0 });
  }

  bullets(items: string[]): this {
    items.forEach((it, i) => this.text(`${i + 1}. ${it}`, { pad: 14 }));
    return this;
  }

  /** A ruled table; `widths` are fractions of the text width. */
  table(headers: string[], rows: string[][], widths: number[]): this {
    const size = 8.5;
    const cols = widths.map((f) => f * this.width);
    const draw = (cells: string[], style: FontStyle) => {
      const lines = cells.map((c, i) => wrap(c, this.fonts[style], size, cols[i]! - 6));
      const h = Math.max(...lines.map((l) => l.length)) * size * 1.3 + 6;
      this.ensure(h);
      let x = M.left;
      lines.forEach((ls, i) => {
        this.page.drawRectangle({ x, y: this.y - h, width: cols[i]!, height: h, borderColor: INK, borderWidth: 0.5 });
        ls.forEach((l, k) => this.page.drawText(l, { x: x + 3, y: this.y - 3 - (k + 1) * size * 1.3 + 2, size, font: this.fonts[style], color: INK }));
        x += cols[i]!;
      });
      this.y -= h;
    };
    draw(headers, 'bold');
    for (const r of rows) draw(r, 'regular');
    return this.gap(8);
  }

  /** Signature blocks side by side, from the right. */
  signatures(blocks: { heading: string[]; name: string; note?: string }[]): this {
    this.ensure(110);
    const top = this.y - 6;
    const colW = this.width / 2;
    let bottom = top;
    blocks.forEach((b, i) => {
      this.y = top;
      const box: [number, number] = [M.left + this.width - colW * (i + 1), colW];
      for (const hd of b.heading) this.text(hd, { box, align: 'center', style: 'bold', size: 10.5 });
      this.text(b.note ?? '(Đã ký số)', { box, align: 'center', style: 'italic', size: 9, gapAfter: 28 });
      this.text(b.name, { box, align: 'center', style: 'bold', size: 10.5 });
      bottom = Math.min(bottom, this.y);
    });
    this.y = bottom - 10;
    return this;
  }

  /** Footers with page numbers and the verification link; the QR code on every page. */
  async finish(): Promise<PDFDocument> {
    if (this.meta.draft) return this.finishDraft();
    const qr = QRCode.create(this.meta.verifyUrl, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const side = 64;
    const cell = side / n;
    const pages = this.doc.getPages();
    for (const [i, page] of pages.entries()) {
      const ops = [pushGraphicsState()];
      for (let r = 0; r < n; r++) {
        for (let c = 0; c < n;) {
          if (!qr.modules.get(r, c)) { c++; continue; }
          let e = c;
          while (e < n && qr.modules.get(r, e)) e++;
          ops.push(rectangle(M.left + c * cell, 18 + side - (r + 1) * cell, (e - c) * cell, cell));
          c = e;
        }
      }
      page.pushOperators(...ops, fill(), popGraphicsState());
      const small = { size: 7.5, font: this.fonts.regular, color: INK };
      const x = M.left + side + 10;
      page.drawText('Văn bản điện tử có chữ ký số. Kiểm tra tính xác thực bằng mã QR hoặc tại:', { x, y: 66, ...small });
      page.drawText('Electronic document with digital signatures. Verify it with the QR code or at:', { x, y: 56, ...small });
      page.drawText(this.meta.verifyUrl, { x, y: 44, ...small, font: this.fonts.bold });
      page.drawText(`Mã văn bản / Document ID: ${this.meta.id} · Trang / Page ${i + 1}/${pages.length}`, { x, y: 32, ...small });
    }
    return this.deflated();
  }

  /** A draft: the word DỰ THẢO across each page and a footer saying it is unsigned. */
  private finishDraft(): PDFDocument {
    const pages = this.doc.getPages();
    for (const [i, page] of pages.entries()) {
      page.drawText('DỰ THẢO', { x: 120, y: 110, size: 96, font: this.fonts.bold, color: rgb(0.8, 0.8, 0.8), rotate: degrees(35), opacity: 0.5 });
      const small = { size: 7.5, font: this.fonts.regular, color: INK };
      page.drawText('DỰ THẢO để xem trước khi ký: chưa ký số, chưa đóng dấu, không có giá trị pháp lý.', { x: M.left, y: 56, ...small, font: this.fonts.bold });
      page.drawText('DRAFT to read before signing: not signed, not sealed, of no legal effect.', { x: M.left, y: 44, ...small });
      page.drawText(`Trang / Page ${i + 1}/${pages.length}`, { x: M.left, y: 32, ...small });
    }
    return this.deflated();
  }

  private deflated(): PDFDocument {
    // Page contents deflated now by node:zlib rather than by pako at save.
    const context = this.doc.context;
    for (const [ref, obj] of context.enumerateIndirectObjects()) {
      if (obj instanceof PDFContentStream) context.assign(ref, context.stream(deflateSync(obj.getUnencodedContents()), { Filter: 'FlateDecode' }));
    }
    return this.doc;
  }
}
