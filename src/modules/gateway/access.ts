/**
 * Access rules (pure): deny by default. A right or an endpoint has a method (`*` or exact) and a path
 * pattern (`*` alone = any path; otherwise `/`-separated segments where `*` and `{param}` match one
 * non-empty segment and a final `**` matches the rest, none or several segments; as X-Road's endpoints). Patterns are
 * matched against the request path after the service code, without its query.
 */

export interface Rule {
  method: string;
  path: string;
}

export function methodMatches(pattern: string, method: string): boolean {
  return pattern === '*' || pattern === method.toUpperCase();
}

const PARAM = /^\{[^{}/]+\}$/;

/** Does `path` (e.g. `/v1/dossiers/123`) match `pattern` (e.g. `/v1/dossiers/{id}`, `/v1/*`, `/v1/**`, `*`)? */
export function pathMatches(pattern: string, path: string): boolean {
  if (pattern === '*' || pattern === '/**') return true;
  const p = pattern.split('/');
  const s = (path || '/').split('/');
  for (let i = 0; i < p.length; i++) {
    const seg = p[i]!;
    if (seg === '**' && i === p.length - 1) return s.length >= p.length - 1;
    if (i >= s.length) return false;
    const got = s[i]!;
    if (seg === '*' || PARAM.test(seg)) {
      if (got === '') return false;
      continue;
    }
    if (seg !== got) return false;
  }
  return s.length === p.length;
}

export function ruleMatches(rule: Rule, method: string, path: string): boolean {
  return methodMatches(rule.method, method) && pathMatches(rule.path, path);
}

/** Deny by default: allowed only when some right matches the method and path. */
export function allowed(rights: readonly Rule[], method: string, path: string): boolean {
  return rights.some((r) => ruleMatches(r, method, path));
}

/**
 * Does a right cover (some of) an endpoint? Used by allowedMethods: an endpoint is listed when a right
 * grants it whole (the right's pattern matches the endpoint's path taken literally, or both are the same
 * pattern) or the right is for the whole service.
 */
export function coversEndpoint(right: Rule, endpoint: Rule): boolean {
  if (right.method !== '*' && endpoint.method !== right.method) return false;
  if (right.path === '*' || right.path === endpoint.path) return true;
  return pathMatches(right.path, endpoint.path);
}
