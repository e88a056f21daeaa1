/**
 * motcua's own services as a member of the gateway: the province's one-stop system is the subsystem
 * `INSTANCE/GOV/<the province People's Committee's electronic id>/MOTCUA`, offering
 * - `dossier-status`: the public dossier status lookup (`POST /lookup` with the code and ID number in the
 *   body; `GET /{code}?idNumber=` is not offered — personal data stays out of URLs);
 * - `catalogue`: the public procedure catalogue (`GET /procedures`, `/procedures/{code}`, `/procedure-fields`, `/agencies`).
 * Their base URLs are motcua's own public API (PUBLIC_BASE_URL, or this server on PORT). The demo seed
 * calls it; it is idempotent (an existing registration is updated, not duplicated).
 */
import * as catalog from '../catalog/index.ts';
import { addService, addSubsystem, type RegistryCtx } from './registry.ts';

export const OWN_SUBSYSTEM_CODE = 'MOTCUA';

export async function registerOwnServices(ctx: RegistryCtx): Promise<{ subsystem: string; services: string[] } | null> {
  const committee = await catalog.provinceCommittee(ctx.db);
  if (!committee) return null;
  const subsystem = `${ctx.config.gateway.instance}/GOV/${committee.id}/${OWN_SUBSYSTEM_CODE}`;
  await addSubsystem(ctx, subsystem, { memberName: committee.name, name: 'Hệ thống thông tin giải quyết TTHC (một cửa) / One-stop system', ifMissing: true });
  const api = `${(ctx.config.publicBaseUrl ?? `http://127.0.0.1:${ctx.config.port}`).replace(/\/+$/, '')}/api/v1`;
  const services = [
    {
      code: 'dossier-status', url: `${api}/public/dossiers`, title: 'Tra cứu tình trạng hồ sơ / Dossier status',
      // The answer names no person, but the request carries an ID number: the log keeps digests only.
      digestOnly: true, endpoints: [{ method: 'POST', path: '/lookup' }],
    },
    {
      code: 'catalogue', url: api, title: 'Danh mục thủ tục hành chính / Procedure catalogue', digestOnly: false,
      endpoints: [{ method: 'GET', path: '/procedures' }, { method: 'GET', path: '/procedures/*' }, { method: 'GET', path: '/procedure-fields' }, { method: 'GET', path: '/agencies' }],
    },
  ];
  for (const s of services) await addService(ctx, `${subsystem}/${s.code}`, { url: s.url, title: s.title, digestOnly: s.digestOnly, endpoints: s.endpoints });
  return { subsystem, services: services.map((s) => `${subsystem}/${s.code}`) };
}
