/**
 * DejaVu Sans (full Vietnamese coverage, from the dejavu-fonts-ttf package) for pdf-lib, made cheap
 * enough to produce dozens of documents per second:
 * - each font file is read and parsed once per process;
 * - text goes to glyphs through the character map after NFC normalisation (every Vietnamese letter
 *   has a precomposed glyph) — pdf-lib keeps only the glyphs of fontkit's shaping anyway;
 * - every document's subset starts with the same base set (ASCII and all Vietnamese letters), so
 *   nearly every document has the same subset: its encoding and its compressed stream are computed
 *   once and reused (keyed by the exact glyph list, so a document with other characters still gets a
 *   correct subset of its own);
 * - the document's font and CMap streams are deflated with node:zlib instead of pako.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type FontkitFont = ReturnType<Fontkit['create']>;
interface Subset { glyphs: number[]; encodeStream(): NodeJS.ReadableStream }

const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
export type FontStyle = keyof typeof FILES;

/** ASCII, the Vietnamese letters (Latin-1, Latin Extended-A/B, U+1EA0–U+1EF9) and common punctuation. */
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i)).join('');
export const BASE_CHARS = `${range(0x20, 0x7e)}ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư${range(0x1ea0, 0x1ef9)}–—…·“”‘’•°`;

const fontBytes = new Map<FontStyle, Uint8Array>();
const parsed = new WeakMap<Uint8Array, FontkitFont>();
const encodings = new Map<string, Uint8Array>();
const deflated = new Map<string, Uint8Array>();
const CACHE_MAX = 64;

function remember<V>(m: Map<string, V>, k: string, v: V): V {
  if (m.size >= CACHE_MAX) m.delete(m.keys().next().value!);
  m.set(k, v);
  return v;
}

/** A cache hit, moved to the young end (least recently used entries go first). */
function recall<V>(m: Map<string, V>, k: string): V | undefined {
  const v = m.get(k);
  if (v !== undefined) {
    m.delete(k);
    m.set(k, v);
  }
  return v;
}

function bytesOf(style: FontStyle): Uint8Array {
  let b = fontBytes.get(style);
  if (!b) fontBytes.set(style, (b = new Uint8Array(readFileSync(join(dir, FILES[style])))));
  return b;
}

/** A subset whose encoding is shared by every subset with the same glyph list. */
function sharedSubset(real: Subset, fontKey: string): Subset {
  return Object.create(real, {
    encodeStream: {
      value: () => {
        const out = new PassThrough();
        const key = `${fontKey}:${real.glyphs.join(',')}`;
        const hit = recall(encodings, key);
        if (hit) out.end(hit);
        else {
          const parts: Buffer[] = [];
          real.encodeStream().on('data', (b: Uint8Array) => parts.push(Buffer.from(b)))
            .on('end', () => out.end(remember(encodings, key, Buffer.concat(parts))))
            .on('error', (e: Error) => out.destroy(e));
        }
        return out;
      },
    },
  }) as Subset;
}

const cachingFontkit: Fontkit = {
  create(data: Uint8Array, postscriptName?: string) {
    let font = parsed.get(data);
    if (!font) {
      const real = fontkit.create(data, postscriptName);
      const glyphs = new Map<string, ReturnType<typeof real.glyphForCodePoint>>();
      const glyphFor = (ch: string) => {
        let g = glyphs.get(ch);
        if (!g) glyphs.set(ch, (g = real.glyphForCodePoint(ch.codePointAt(0)!)));
        return g;
      };
      const key = real.postscriptName ?? 'font';
      font = Object.create(real, {
        layout: { value: (text: string) => ({ glyphs: Array.from(text.normalize('NFC'), glyphFor), positions: [] }) },
        createSubset: { value: () => sharedSubset(real.createSubset() as unknown as Subset, key) },
      }) as FontkitFont;
      parsed.set(data, font);
    }
    return font;
  },
} as Fontkit;

/** This document's font and CMap streams deflated by node:zlib; large ones once per content (they repeat). */
function nativeDeflate(doc: PDFDocument): void {
  const context = doc.context;
  context.flateStream = (contents: string | Uint8Array, dict: Parameters<typeof context.stream>[1] = {}) => {
    const data = typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents;
    const key = data.length > 4096 ? createHash('sha1').update(data).digest('hex') : null;
    const packed = (key && recall(deflated, key)) ?? new Uint8Array(deflateSync(data));
    if (key && !deflated.has(key)) remember(deflated, key, packed);
    return context.stream(packed, { ...dict, Filter: 'FlateDecode' });
  };
}

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  doc.registerFontkit(cachingFontkit);
  nativeDeflate(doc);
  const [regular, bold] = await Promise.all([doc.embedFont(bytesOf('regular'), { subset: true }), doc.embedFont(bytesOf('bold'), { subset: true })]);
  // The base set first, in a fixed order: the subset (and its encoding) is then the same in every document.
  regular!.encodeText(BASE_CHARS);
  bold!.encodeText(BASE_CHARS);
  return { regular: regular!, bold: bold! };
}
