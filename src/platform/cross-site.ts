/**
 * Is a request from another site, by what the browser says about it? Pure; the auth hook asks it for
 * state changes authenticated by the session cookie (the credential a browser sends by itself).
 *
 * - `Sec-Fetch-Site` (every current browser) is authoritative: only `same-origin` and `none` (typed by
 *   the user) pass; `same-site` is a sibling host, another party, and is refused.
 * - Else `Origin`: it must be the request's own host (scheme and default port as in the origin), or
 *   the origin of PUBLIC_BASE_URL (a proxy that rewrites Host). `null` (sandboxed frames, data: URLs)
 *   and anything unparsable are refused.
 * - Neither header: not a browser (curl, an integration); the request is not refused.
 */
export interface SiteHeaders {
  secFetchSite?: string | undefined;
  origin?: string | undefined;
  /** The request's Host (host[:port]). */
  host?: string | undefined;
}

export function isCrossSite(h: SiteHeaders, publicOrigin: string | null): boolean {
  const site = h.secFetchSite?.trim().toLowerCase();
  if (site) return site !== 'same-origin' && site !== 'none';
  if (h.origin === undefined) return false;
  if (!URL.canParse(h.origin)) return true;
  const origin = new URL(h.origin);
  if (origin.origin === 'null') return true;
  if (publicOrigin && origin.origin === publicOrigin) return false;
  const own = h.host ? `${origin.protocol}//${h.host}` : null;
  return !own || !URL.canParse(own) || new URL(own).host !== origin.host;
}

/** The methods that change state. */
export const UNSAFE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
