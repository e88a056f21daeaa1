/**
 * Page cursors of the dossier lists: `[instant or null, dossier id]` as base64url JSON. A cursor comes
 * back from the client, so it is decoded defensively: anything but an array of an ISO instant between
 * 1970 and 9999 (or null where allowed) and a UUID is a 400 naming `/query/cursor`, never a value the
 * database refuses. Pure.
 */
import { AppError } from '../../platform/errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

export function encodeCursor(at: Date | null, id: string): string {
  return Buffer.from(JSON.stringify([at?.toISOString() ?? null, id])).toString('base64url');
}

const invalid = () => new AppError('validation', 'invalid cursor', { errors: [{ pointer: '/query/cursor', detail: 'invalid cursor' }] });

/** The cursor's instant (null only when `nullable`) and id; a 400 for anything else. */
export function decodeCursor(c: string, nullable: true): { at: Date | null; id: string };
export function decodeCursor(c: string, nullable?: false): { at: Date; id: string };
export function decodeCursor(c: string, nullable = false): { at: Date | null; id: string } {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(c, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(v) || v.length !== 2) throw invalid();
  const [at, id] = v as unknown[];
  if (typeof id !== 'string' || !UUID.test(id)) throw invalid();
  if (at === null && nullable) return { at: null, id };
  if (typeof at !== 'string' || !ISO.test(at)) throw invalid();
  const d = new Date(at);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1970) throw invalid();
  return { at: d, id };
}
