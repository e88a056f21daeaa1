/**
 * The page count of a stored file (digitisation records each scan with its pages, Circular 01/2023:
 * scans match the originals page for page): a PDF's pages as pdf-lib reads them, an image is one page.
 * null when the bytes cannot be read as a document with pages.
 */
import { PDFDocument } from 'pdf-lib';
import type { BlobStore } from './blobs.ts';

export async function pageCount(blobs: BlobStore, sha256: string, mediaType: string): Promise<number | null> {
  if (mediaType === 'image/jpeg' || mediaType === 'image/png') return 1;
  if (mediaType !== 'application/pdf') return null;
  const chunks: Buffer[] = [];
  for await (const c of await blobs.get(sha256)) chunks.push(Buffer.from(c as Buffer));
  try {
    const doc = await PDFDocument.load(Buffer.concat(chunks), { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
    const n = doc.getPageCount();
    return n > 0 ? n : null;
  } catch {
    return null;
  }
}
