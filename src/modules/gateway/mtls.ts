/**
 * The mutual-TLS listener (GATEWAY_TLS_PORT): HTTPS with the server certificate of GATEWAY_TLS_CERT_FILE,
 * or else one from the province CA (the province People's Committee's seal), asking every client for its certificate. A client certificate
 * counts when it was issued by one of the province's CAs (chain and signatures checked with node:crypto,
 * validity dates, not on the issuer's CRL) and is registered as a credential (gateway_credentials,
 * kind 'certificate', by its SHA-256); then the connection's calls are that credential's. A foreign or
 * unregistered certificate gets Client.Unauthorized (PR-REST body) rather than a bare TLS failure. The
 * same `/r1` and `/listClients` routes are served; a bearer token works here too.
 */
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { TLSSocket } from 'node:tls';
import Fastify from 'fastify';
import * as catalog from '../catalog/index.ts';
import { identityFor, serialHex, trustStore, type TrustStore } from '../pki/index.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { rememberCertificate, type PeerCertificate } from './client-auth.ts';
import { r1Routes } from './routes-r1.ts';

const pem = (der: Buffer) => `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;

function issuedBy(cert: X509Certificate, ca: X509Certificate): boolean {
  return cert.checkIssued(ca) && cert.verify(ca.publicKey);
}

/** Does the leaf chain to the province CA (issuing CA → root), in its validity period, not revoked? */
export function checkPeer(leaf: X509Certificate, trust: TrustStore, now: Date): PeerCertificate {
  if (new Date(leaf.validFrom) > now || new Date(leaf.validTo) < now) return { refused: 'the client certificate is not valid now' };
  const issuer = [...trust.intermediates, ...trust.anchors].find((ca) => issuedBy(leaf, ca));
  if (!issuer) return { refused: 'the client certificate is not issued by the province CA' };
  if (!trust.anchors.includes(issuer) && !trust.anchors.some((root) => issuedBy(issuer, root))) return { refused: 'the issuing CA does not chain to the province root' };
  if (trust.crls.get(issuer.fingerprint256)?.revoked.has(serialHex(leaf))) return { refused: 'the client certificate is revoked' };
  return { sha256: leaf.fingerprint256.replace(/:/g, '').toLowerCase() };
}

export interface MtlsListener { port: number; close(): Promise<void> }

/** The server's key and certificate chain: GATEWAY_TLS_CERT_FILE / _KEY_FILE, or the province People's Committee's seal. */
async function serverIdentity(ctx: ModuleContext): Promise<{ key: string; cert: string }> {
  const { tlsCertFile, tlsKeyFile } = ctx.config.gateway;
  if (tlsCertFile && tlsKeyFile) return { cert: await readFile(tlsCertFile, 'utf8'), key: await readFile(tlsKeyFile, 'utf8') };
  const committee = await catalog.provinceCommittee(ctx.db);
  if (!committee) throw new Error('gateway mTLS: no province People\'s Committee in the catalogue: no server certificate');
  const id = await identityFor(ctx.db, ctx.config, { agencyId: committee.id }, ctx.clock);
  return { key: id.key.export({ type: 'pkcs8', format: 'pem' }) as string, cert: [id.cert, ...id.chain.slice(0, -1)].map(pem).join('') };
}

export async function startMtls(ctx: ModuleContext, opts: { port: number; host?: string }): Promise<MtlsListener> {
  const app = Fastify({ https: { ...(await serverIdentity(ctx)), requestCert: true, rejectUnauthorized: false } });
  app.server.on('secureConnection', (socket: TLSSocket) => {
    const leaf = socket.getPeerX509Certificate();
    rememberCertificate(socket, leaf ? trustStore(ctx.db).then((trust) => checkPeer(leaf, trust, ctx.clock.now())) : Promise.resolve(null));
  });
  await app.register(async (r) => r1Routes(r, ctx));
  await app.listen({ port: opts.port, host: opts.host ?? '0.0.0.0' });
  const addr = app.server.address();
  return { port: typeof addr === 'object' && addr ? addr.port : opts.port, close: () => app.close() };
}
