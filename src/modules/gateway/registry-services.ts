/**
 * Services of a provider subsystem: registered or updated (upsert), with their endpoints from an OpenAPI
 * document or given by hand, digest-only logging, a timeout, disabled or not.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';
import { formatServiceId } from './identifiers.ts';
import { importOpenApi, normaliseEndpoint, OpenApiError, type Endpoint } from './openapi-import.ts';
import { change, checkUrl, serviceIdOf, subsystemRow, type RegistryCtx } from './registry-core.ts';
import * as store from './registry-store.ts';

export interface ServiceInput {
  url?: string;
  /** The OpenAPI 3 document (JSON or YAML text, or parsed); its endpoints replace the service's. */
  openapi?: string | Buffer | Record<string, unknown>;
  /** Endpoints by hand (when no OpenAPI document): they replace the service's. */
  endpoints?: { method?: string; path?: string }[];
  digestOnly?: boolean;
  timeoutMs?: number | null;
  title?: string;
  disabled?: boolean;
}

function endpointsOf(input: ServiceInput): { endpoints?: Endpoint[]; doc?: ReturnType<typeof importOpenApi> } {
  if (input.openapi !== undefined) {
    try {
      const doc = importOpenApi(input.openapi);
      return { endpoints: doc.endpoints, doc };
    } catch (err) {
      if (err instanceof OpenApiError) throw new AppError('gateway-bad-openapi', err.message);
      throw err;
    }
  }
  if (!input.endpoints) return {};
  const endpoints = input.endpoints.map((e) => {
    const n = normaliseEndpoint(e);
    if (!n) throw new AppError('gateway-bad-endpoint', `${String(e.method ?? '*')} ${String(e.path ?? '*')}`.slice(0, 200));
    return n;
  });
  return { endpoints: [...new Map(endpoints.map((e) => [`${e.method} ${e.path}`, e])).values()] };
}

const MAX_TIMEOUT_MS = 600_000;

/**
 * Registers a service, or updates it when it exists (only the fields given change). With an OpenAPI
 * document its endpoints replace the service's, and its first server is the default base URL.
 */
export async function addService(ctx: RegistryCtx, serviceId: string, input: ServiceInput) {
  const id = serviceIdOf(serviceId);
  const text = formatServiceId(id);
  const { endpoints, doc } = endpointsOf(input);
  if (input.url !== undefined) checkUrl(input.url);
  const t = input.timeoutMs;
  if (t !== undefined && t !== null && (!Number.isInteger(t) || t < 1 || t > MAX_TIMEOUT_MS)) {
    throw new AppError('validation', `timeout must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}`, { errors: [{ pointer: '/body/timeoutMs', detail: 'out of range' }] });
  }
  return change(ctx, 'service_saved', 'gateway_service', text, async (tx, at) => {
    const sub = await subsystemRow(tx, id);
    const had = await store.findService(tx, id);
    const url = input.url ?? had?.base_url ?? (doc?.serverUrl ? checkUrl(doc.serverUrl) : undefined);
    if (!url) throw new AppError('gateway-bad-url', 'the service needs a base URL (--url, or a server in its OpenAPI document)');
    const title = (input.title ?? (had?.title || doc?.title) ?? '').slice(0, 200);
    let serviceRowId: string;
    if (had) {
      serviceRowId = had.id;
      await store.updateService(tx, had.id, {
        base_url: url, title, updated_at: at,
        ...(doc ? { openapi: doc.document } : {}),
        ...(input.digestOnly !== undefined ? { digest_only: input.digestOnly } : {}),
        ...(t !== undefined ? { timeout_ms: t } : {}),
        ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
      });
    } else {
      serviceRowId = randomUUID();
      await store.insertService(tx, {
        id: serviceRowId, subsystem_id: sub.id, service_code: id.serviceCode, title, base_url: url, openapi: doc?.document ?? null,
        digest_only: input.digestOnly ?? false, timeout_ms: t ?? null, disabled: input.disabled ?? false, created_at: at, updated_at: at,
      });
    }
    if (endpoints) await store.replaceEndpoints(tx, serviceRowId, endpoints, randomUUID, at);
    const saved = (await store.findService(tx, id))!;
    return {
      id: text, created: !had, url: saved.base_url, title: saved.title, digestOnly: saved.digest_only, timeoutMs: saved.timeout_ms,
      disabled: saved.disabled, hasOpenApi: saved.openapi !== null, endpoints: await store.endpointsOf(tx, serviceRowId),
    };
  }, (r) => ({ created: r.created, url: r.url, digestOnly: r.digestOnly, disabled: r.disabled, endpoints: r.endpoints.length, openapi: !!doc }));
}

/** Disables a service (calls are refused) or enables it again. */
export async function setServiceDisabled(ctx: RegistryCtx, serviceId: string, disabled: boolean) {
  const id = serviceIdOf(serviceId);
  return change(ctx, disabled ? 'service_disabled' : 'service_enabled', 'gateway_service', formatServiceId(id), async (tx, at) => {
    const had = await store.findService(tx, id);
    if (!had) throw new AppError('gateway-unknown-service', `service ${formatServiceId(id)} is not registered`);
    await store.updateService(tx, had.id, { disabled, updated_at: at });
    return { id: formatServiceId(id), disabled };
  });
}
