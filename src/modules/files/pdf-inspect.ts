/**
 * What an uploaded PDF may not carry: scripts, actions that run or launch something on opening,
 * embedded files and rich media. Read from the document's structure with pdf-lib (object streams and
 * cross-reference streams decoded, so a dictionary compressed inside an object stream is seen too),
 * every object walked, not only those reachable from the catalogue. Names are compared decoded,
 * `#xx` escapes in either case (pdf-lib decodes only upper-case ones). Encrypted or unreadable
 * documents cannot be checked and are refused as such.
 *
 * Runs on a worker thread (`inspectPdfTask`): parsing a large PDF is CPU work.
 */
import { PDFArray, PDFDict, PDFDocument, PDFInvalidObject, PDFName, PDFRawStream, PDFStream, type PDFObject } from 'pdf-lib';

export interface PdfInspection {
  /** false: encrypted, or its structure could not be read. */
  readable: boolean;
  encrypted: boolean;
  /** What was found, as PDF names (`/JavaScript`, `/OpenAction`, `/Launch`, `/EmbeddedFiles`, …). */
  found: string[];
  /** Its pages (null when unreadable or none). */
  pages: number | null;
}

/** Dictionary keys that mean script, automatic action, embedded file or rich media wherever they are. */
const KEYS = new Set(['JS', 'JavaScript', 'AA', 'EmbeddedFiles', 'EmbeddedFile', 'EF', 'RichMedia', 'RichMediaContent', 'RichMediaSettings', 'XFA']);
/** Action types (`/S`) that run or open something. */
const ACTIONS = new Set(['JavaScript', 'Launch', 'RichMediaExecute', 'ImportData', 'GoToE', 'Rendition']);
/** Annotation subtypes that carry files or media. */
const SUBTYPES = new Set(['FileAttachment', 'RichMedia']);
/** Resource categories: their keys are names chosen by the producer (a font may be called /AA). */
const RESOURCE_CATEGORIES = new Set(['Font', 'XObject', 'ExtGState', 'ColorSpace', 'Pattern', 'Shading', 'Properties']);
const RAW_SUSPECT = /\/(?:J(?:#[0-9a-f]{2})*S|JavaScript|AA|Launch|EmbeddedFiles?|RichMedia|XFA|OpenAction)\b/i;

/** A name as a reader understands it: `#xx` decoded in either case. */
function nameOf(n: PDFName): string {
  return n.decodeText().replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * An /OpenAction that only opens a page (a destination array, or a GoTo action) is harmless and
 * common (office suites write it); any other action on opening is refused. An action chained after a
 * GoTo (/Next) is a dictionary of its own, judged by the walk.
 */
function harmlessOpenAction(v: PDFObject, doc: PDFDocument): boolean {
  const target = doc.context.lookup(v);
  if (target instanceof PDFArray) return true;
  if (!(target instanceof PDFDict)) return false;
  const s = target.get(PDFName.of('S'));
  return s instanceof PDFName && nameOf(s) === 'GoTo';
}

function invalidBytes(o: PDFInvalidObject): string {
  const buf = new Uint8Array(o.sizeInBytes());
  o.copyBytesInto(buf, 0);
  return Buffer.from(buf).toString('latin1');
}

function walk(doc: PDFDocument): Set<string> {
  const found = new Set<string>();
  const stack: { obj: PDFObject; resources: boolean }[] = doc.context.enumerateIndirectObjects().map(([, obj]) => ({ obj, resources: false }));
  const seen = new Set<PDFObject>();
  while (stack.length) {
    const { obj, resources } = stack.pop()!;
    if (seen.has(obj)) continue;
    seen.add(obj);
    if (obj instanceof PDFInvalidObject) {
      const m = RAW_SUSPECT.exec(invalidBytes(obj));
      if (m) found.add(m[0]);
      continue;
    }
    if (obj instanceof PDFStream) {
      // An object stream pdf-lib did not recognise (an odd spelling of /ObjStm) is left unread: refuse.
      const type = obj.dict.get(PDFName.of('Type'));
      if (obj instanceof PDFRawStream && type instanceof PDFName && nameOf(type) === 'ObjStm') found.add('/ObjStm');
      stack.push({ obj: obj.dict, resources: false });
      continue;
    }
    if (obj instanceof PDFArray) {
      for (const o of obj.asArray()) stack.push({ obj: o, resources: false });
      continue;
    }
    if (!(obj instanceof PDFDict)) continue;
    for (const [k, v] of obj.entries()) {
      const key = nameOf(k);
      if (!resources) {
        if (KEYS.has(key)) found.add(`/${key}`);
        if (key === 'OpenAction' && !harmlessOpenAction(v, doc)) found.add('/OpenAction');
        if (key === 'S' && v instanceof PDFName && ACTIONS.has(nameOf(v))) found.add(`/${nameOf(v)}`);
        if (key === 'Subtype' && v instanceof PDFName && SUBTYPES.has(nameOf(v))) found.add(`/${nameOf(v)}`);
        if (key === 'Type' && v instanceof PDFName && nameOf(v) === 'EmbeddedFile') found.add('/EmbeddedFile');
      }
      stack.push({ obj: v, resources: !resources && RESOURCE_CATEGORIES.has(key) && v instanceof PDFDict });
    }
  }
  return found;
}

export async function inspectPdf(bytes: Uint8Array): Promise<PdfInspection> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return { readable: false, encrypted: false, found: [], pages: null };
  }
  if (doc.isEncrypted) return { readable: false, encrypted: true, found: [], pages: null };
  const pages = doc.getPageCount();
  return { readable: true, encrypted: false, found: [...walk(doc)].sort(), pages: pages > 0 ? pages : null };
}

/** The worker-thread task (see `runOffThread`). */
export function inspectPdfTask(input: { pdf: Uint8Array }): Promise<PdfInspection> {
  return inspectPdf(input.pdf);
}
