/**
 * PDFs that carry active content, made with pdf-lib the way an attacker (or an unlucky office suite)
 * makes them, with object streams on (pdf-lib's default: the dictionaries end up compressed), and a
 * few written by hand where pdf-lib would not write the trick (lower-case name escapes).
 */
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';

async function base(): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  doc.addPage([300, 300]).drawText('Giay to / Document', { x: 20, y: 250, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc;
}

const save = async (doc: PDFDocument, useObjectStreams = true) => Buffer.from(await doc.save({ useObjectStreams }));

export const ACTIVE_PDFS: Record<string, () => Promise<Buffer>> = {
  async 'OpenAction JavaScript (compressed)'() {
    const doc = await base();
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("xin chao")') }));
    return save(doc);
  },
  async 'document-level JavaScript name tree'() {
    const doc = await base();
    const js = doc.context.register(doc.context.obj({ S: 'JavaScript', JS: PDFString.of('this.print()') }));
    const tree = doc.context.register(doc.context.obj({ Names: [PDFString.of('init'), js] }));
    doc.catalog.set(PDFName.of('Names'), doc.context.obj({ JavaScript: tree }));
    return save(doc);
  },
  async 'Launch action on a link'() {
    const doc = await base();
    const page = doc.getPage(0);
    const annot = doc.context.register(doc.context.obj({
      Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 300, 300], Border: [0, 0, 0],
      A: { S: 'Launch', F: PDFString.of('cmd.exe'), NewWindow: true },
    }));
    page.node.set(PDFName.of('Annots'), doc.context.obj([annot]));
    return save(doc);
  },
  async 'page additional action (/AA)'() {
    const doc = await base();
    doc.getPage(0).node.set(PDFName.of('AA'), doc.context.obj({ O: { S: 'URI', URI: PDFString.of('https://example.invalid/') } }));
    return save(doc);
  },
  async 'embedded file (pdf-lib attach)'() {
    const doc = await base();
    await doc.attach(Buffer.from('MZ fake executable'), 'hoa-don.exe', { mimeType: 'application/octet-stream', description: 'Hóa đơn' });
    return save(doc);
  },
  async 'RichMedia annotation'() {
    const doc = await base();
    const annot = doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'RichMedia', Rect: [0, 0, 10, 10] }));
    doc.getPage(0).node.set(PDFName.of('Annots'), doc.context.obj([annot]));
    return save(doc);
  },
  async 'OpenAction JavaScript with lower-case name escapes (uncompressed, hand-written)'() {
    const doc = await base();
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
    const text = (await save(doc, false)).toString('latin1');
    // /S /JavaScript written /S /J#61v#61Script: a reader decodes it; the raw bytes no longer say "JavaScript".
    const out = text.replace('/S /JavaScript', '/S /J#61v#61Script').replace('/JS ', '/#4aS ');
    if (out === text) throw new Error('active-pdfs: nothing replaced');
    return Buffer.from(out, 'latin1');
  },
};

/** Documents that must be accepted: plain, a GoTo OpenAction (office suites), a link to a web page. */
export const HARMLESS_PDFS: Record<string, () => Promise<Buffer>> = {
  async 'plain pdf-lib document'() {
    return save(await base());
  },
  async 'OpenAction to the first page'() {
    const doc = await base();
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj([doc.getPage(0).ref, PDFName.of('Fit')]));
    return save(doc);
  },
  async 'URI link'() {
    const doc = await base();
    const annot = doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10], A: { S: 'URI', URI: PDFString.of('https://dichvucong.gov.vn/') } }));
    doc.getPage(0).node.set(PDFName.of('Annots'), doc.context.obj([annot]));
    return save(doc);
  },
};
