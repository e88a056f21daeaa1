/**
 * GatewayClient: how motcua's modules (national connectors, e-office) call other systems through the
 * province's gateway. It gets an OAuth 2.0 access token with its client credentials, keeps it until
 * shortly before it expires (one request for concurrent callers), and calls
 * `/r1/{service}{path}` with X-Road-Client; a 401 from the gateway refreshes the token once and retries
 * (when the body can be sent again). Gateway errors come back as `error` ({type, message, detail}).
 */
import { randomUUID } from 'node:crypto';
import { request } from 'undici';

export interface GatewayClientOptions {
  /** The gateway's base URL (`https://lgsp.example.gov.vn`). */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** The calling subsystem, `INSTANCE/CLASS/MEMBER/SUBSYSTEM`. */
  client: string;
  timeoutMs?: number;
}

export interface GatewayResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  xRoadId: string;
  /** Set when the gateway itself answered with an X-Road error (X-Road-Error header). */
  error?: { type: string; message: string; detail: string };
  json<T = unknown>(): T;
}

const encodeId = (id: string) => id.split('/').map(encodeURIComponent).join('/');

export class GatewayClient {
  private token: { value: string; refreshAt: number } | null = null;
  private pending: Promise<string> | null = null;

  constructor(private readonly opts: GatewayClientOptions) {}

  /** A valid access token (cached; fetched again 30 s before expiry). */
  accessToken(force = false): Promise<string> {
    if (!force && this.token && Date.now() < this.token.refreshAt) return Promise.resolve(this.token.value);
    this.pending ??= this.fetchToken().finally(() => { this.pending = null; });
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    const basic = Buffer.from(`${encodeURIComponent(this.opts.clientId)}:${encodeURIComponent(this.opts.clientSecret)}`).toString('base64');
    const r = await request(`${this.opts.baseUrl.replace(/\/+$/, '')}/gateway/oauth2/token`, {
      method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials', headersTimeout: this.opts.timeoutMs, bodyTimeout: this.opts.timeoutMs,
    });
    const body = (await r.body.json()) as { access_token?: string; expires_in?: number; error?: string; error_description?: string };
    if (r.statusCode !== 200 || !body.access_token) throw new Error(`gateway token: ${r.statusCode} ${body.error ?? ''} ${body.error_description ?? ''}`.trim());
    this.token = { value: body.access_token, refreshAt: Date.now() + Math.max(0, (body.expires_in ?? 60) - 30) * 1000 };
    return body.access_token;
  }

  /** Calls a service (`INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE`) at `path` (with its query, already encoded). */
  async call(service: string, path = '', init: { method?: string; headers?: Record<string, string>; body?: Buffer | string; xRoadId?: string } = {}): Promise<GatewayResponse> {
    const xRoadId = init.xRoadId ?? randomUUID();
    const once = async (token: string) => {
      const r = await request(`${this.opts.baseUrl.replace(/\/+$/, '')}/r1/${encodeId(service)}${path}`, {
        method: (init.method ?? 'GET') as 'GET', body: init.body, headersTimeout: this.opts.timeoutMs, bodyTimeout: this.opts.timeoutMs,
        headers: { ...init.headers, authorization: `Bearer ${token}`, 'x-road-client': encodeId(this.opts.client), 'x-road-id': xRoadId },
      });
      const body = Buffer.from(await r.body.arrayBuffer());
      const headers = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
      const res: GatewayResponse = { status: r.statusCode, headers, body, xRoadId, json: <T>() => JSON.parse(body.toString('utf8')) as T };
      if (headers['x-road-error']) res.error = JSON.parse(body.toString('utf8')) as GatewayResponse['error'];
      return res;
    };
    const first = await once(await this.accessToken());
    if (first.status !== 401 || !first.error) return first;
    return once(await this.accessToken(true));
  }
}
