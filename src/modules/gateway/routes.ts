/**
 * The gateway's HTTP surface outside /api/v1: the OAuth token endpoint, `/r1/…` and `/listClients`
 * (routes-r1.ts); every route is `public` for the platform's session policy and authenticates its
 * callers itself. With GATEWAY_TLS_PORT set, the mTLS listener starts and stops with the server.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ModuleContext } from '../../platform/module.ts';
import { startMtls, type MtlsListener } from './mtls.ts';
import { oauthRoutes } from './oauth.ts';
import { r1Routes } from './routes-r1.ts';

export function gatewayPages(ctx: ModuleContext): FastifyPluginAsync {
  return async (app) => {
    await app.register(oauthRoutes(ctx));
    await app.register(async (r1) => r1Routes(r1, ctx));
    const port = ctx.config.gateway.tlsPort;
    if (port !== null) {
      let listener: MtlsListener | null = null;
      app.addHook('onReady', async () => { listener = await startMtls(ctx, { port, host: ctx.config.host }); });
      app.addHook('onClose', async () => { await listener?.close(); });
    }
  };
}
