/** HTTP for the PKI's public material: the trust anchors and intermediates, and the CRLs. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { errors } from '../../platform/schemas.ts';
import * as store from './store.ts';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Open = (description: string) => Type.Object({}, { additionalProperties: true, description });

export function pkiRoutes(deps: AppDeps) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get('/pki/ca', {
      config: { policy: 'public' },
      schema: { tags: ['verification'], summary: "The PKI's trust anchors and intermediates (PEM) / Chứng thư số gốc", response: { 200: Type.Object({ items: Type.Array(Open('certificate')) }) } },
    }, async () => ({
      items: (await store.trustRows(deps.db)).map((c) => ({ id: c.id, purpose: c.purpose, status: c.status, fingerprint: c.fingerprint, pem: c.cert_pem, crl: `/api/v1/pki/crl/${c.id}` })),
    }));

    r.get('/pki/crl/:id', {
      config: { policy: 'public' },
      schema: { tags: ['verification'], summary: 'The latest CRL of an issuing certificate (DER) / Danh sách thu hồi', params: Id, produces: ['application/pkix-crl'], response: { 200: Type.Any(), ...errors(404) } },
    }, async (req, reply) => {
      const crl = await store.latestCrlOf(deps.db, req.params.id);
      if (!crl) throw new AppError('not-found', 'no CRL for this issuer');
      return reply.header('content-type', 'application/pkix-crl').header('cache-control', 'public, max-age=3600').send(Buffer.from(crl.der));
    });
  };
}
