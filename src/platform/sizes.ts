/** Sizes and limits in words people read ("20 MB", "1,5 MB"), in both languages. Pure. */
import type { PlainText } from './errors.ts';

const KB = 1024;
const MB = 1024 * 1024;

/** 20971520 → "20 MB"; 1572864 → "1,5 MB" / "1.5 MB"; 358400 → "350 KB"; anything smaller than 1 KB → "1 KB". */
export function sizeText(bytes: number): PlainText {
  if (bytes >= MB) {
    const mb = Math.round((bytes / MB) * 10) / 10;
    const s = Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
    return { vi: `${s.replace('.', ',')} MB`, en: `${s} MB` };
  }
  const kb = String(Math.max(1, Math.round(bytes / KB)));
  return { vi: `${kb} KB`, en: `${kb} KB` };
}
