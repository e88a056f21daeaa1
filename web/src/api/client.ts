/**
 * The API client: same-origin fetch with the session cookie (httpOnly, set by POST /auth/login), the
 * UI language as Accept-Language (problem titles come back in it) and RFC 9457 problems as ApiError.
 */
export interface FieldProblem {
  pointer: string;
  detail: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldProblem[];
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    const title = typeof body.title === 'string' ? body.title : `HTTP ${status}`;
    super(title);
    this.status = status;
    this.type = typeof body.type === 'string' ? body.type.replace(/^\/problems\//, '') : 'http';
    this.title = title;
    this.detail = typeof body.detail === 'string' ? body.detail : undefined;
    this.errors = Array.isArray(body.errors) ? (body.errors as FieldProblem[]) : [];
    this.body = body;
  }
}

let language = 'vi';
let onUnauthenticated: (() => void) | undefined;

/** Called when the API says the session is gone (expired or signed out elsewhere). */
export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler;
}

export function setApiLanguage(lang: string): void {
  language = lang;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export const API = '/api/v1';

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language, ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`${API}${path}`, {
      method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, { type: '/problems/network' });
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const err = new ApiError(res.status, (body && typeof body === 'object' ? body : {}) as Record<string, unknown>);
    if (err.type === 'unauthenticated' && !path.startsWith('/auth/')) onUnauthenticated?.();
    throw err;
  }
  return body as T;
}

/** A query string from defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * A random idempotency key. crypto.randomUUID exists only in secure contexts; getRandomValues
 * works everywhere (the platform may be reached over plain http on an intranet).
 */
export function newKey(prefix = 'web'): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
