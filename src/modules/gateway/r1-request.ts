/**
 * Reading an `/r1/…` request (pure): the service identifier (each part percent-decoded, PR-REST §4.2,
 * then checked against X-Road's identifier rules), the path and query forwarded as sent, the client
 * header (the last one when repeated, PR-REST §4.3), and the size of the headers.
 */
import { validPart } from './identifiers.ts';
import { XRoadError } from './xroad-errors.ts';

/** Metaservices answered by the gateway itself at the service code's place (PR-MREST). */
export const METASERVICES = ['listMethods', 'allowedMethods', 'getOpenAPI'] as const;
export type Metaservice = (typeof METASERVICES)[number];

/** The gateway refuses requests whose header lines add up to more than this (Client.HeadersTooLarge). */
export const MAX_HEADER_BYTES = 8 * 1024;

export interface R1Target {
  /** `INSTANCE/CLASS/MEMBER/SUBSYSTEM`, decoded. */
  provider: string;
  /** The service code, or a metaservice's name. */
  service: string;
  meta: Metaservice | null;
  /** The rest of the path after the service code, as sent (still percent-encoded), '' when none. */
  path: string;
  /** `?…` as sent, or ''. */
  query: string;
}

function decodePart(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new XRoadError('Client.InvalidServiceIdentifier', 'a part is not valid percent-encoding');
  }
}

/** `/r1/VN/GOV/000.00.44.H56/MOTCUA/dossier-status/v1/x?y=1` → its parts; throws Client.* errors. */
export function parseR1(rawUrl: string): R1Target {
  const q = rawUrl.indexOf('?');
  const pathname = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const query = q < 0 ? '' : rawUrl.slice(q);
  if (!pathname.startsWith('/r1/')) throw new XRoadError('Client.BadRequest', 'the path must start with /r1/');
  const segs = pathname.slice(4).split('/');
  if (segs.length < 5) throw new XRoadError('Client.InvalidServiceIdentifier', 'INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE expected');
  const parts = segs.slice(0, 5).map(decodePart);
  if (!parts.every(validPart)) throw new XRoadError('Client.InvalidServiceIdentifier', 'forbidden characters');
  const rest = segs.length > 5 ? `/${segs.slice(5).join('/')}` : '';
  if (rest.split('/').some((s) => s === '..' || s === '.' || /^%2e(%2e)?$/i.test(s) || /%2f|%5c/i.test(s))) {
    throw new XRoadError('Client.BadRequest', 'dot segments and encoded slashes are not allowed in the path');
  }
  const service = parts[4]!;
  const meta = !rest && (METASERVICES as readonly string[]).includes(service) ? (service as Metaservice) : null;
  return { provider: parts.slice(0, 4).join('/'), service, meta, path: rest, query };
}

/** The path only, decoded for matching against access rules (`/v1/x y` for `/v1/x%20y`). */
export function matchPath(path: string): string {
  try {
    return decodeURI(path || '/');
  } catch {
    return path || '/';
  }
}

/** The client subsystem named by a header value (`INSTANCE/CLASS/MEMBER/SUBSYSTEM`, parts percent-decoded), or null. */
export function parseClientHeader(value: string | undefined): string | null {
  if (!value) return null;
  const parts = value.trim().split('/');
  if (parts.length !== 4) return null;
  try {
    const decoded = parts.map((p) => decodeURIComponent(p));
    return decoded.every(validPart) ? decoded.join('/') : null;
  } catch {
    return null;
  }
}

/** The last value of a header among Node's raw headers (names compared without case). */
export function lastHeader(rawHeaders: readonly string[], ...names: string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < rawHeaders.length; i += 2) if (names.includes(rawHeaders[i]!.toLowerCase())) found = rawHeaders[i + 1];
  return found;
}

export function headerBytes(rawHeaders: readonly string[]): number {
  let n = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) n += rawHeaders[i]!.length + rawHeaders[i + 1]!.length + 4;
  return n;
}
