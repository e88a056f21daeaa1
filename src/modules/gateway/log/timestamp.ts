/**
 * Batch time-stamping (X-Road's asynchronous time-stamping): the signatures of every batch written since
 * the last time-stamp become the leaves of one hash tree, whose result (ts-hashchainresult.xml) is sent to
 * the RFC 3161 authority (TSA_URL). Run by the scheduled job `gateway.log.timestamp`, never on the
 * request's path: a slow or failing TSA delays only this job, and status() tells when it falls behind.
 */
import { checkCms, pkiSettings, readTstInfo, requestTimestamp } from '../../pki/index.ts';
import { everyMinutes, type JobDefinition } from '../../../platform/jobs.ts';
import type { ModuleContext } from '../../../platform/module.ts';
import { createHash } from 'node:crypto';
import forge from 'node-forge';
import { hashTree, sha512, type Leaf } from './hashtree.ts';
import { batchesAfter, insertTimestamp, lastTimestamp, type BatchRow } from './store.ts';
import { hashChainResultXml } from './xml.ts';
import type { LogCtx, RunningMessageLog } from './index.ts';

export const TS_CHAIN_URI = '/ts-hashchain.xml#STEP0';
export const SIGNATURES_FILE = 'META-INF/signatures.xml';
/** At most this many batches under one time-stamp (the rest wait for the next run, which follows at once). */
export const MAX_TS_BATCHES = 5000;

/** The leaf of one batch in a time-stamp's tree: its signatures.xml, as a DataRef. */
export const signatureLeaf = (signatureXml: Buffer): Leaf => ({ item: { kind: 'data', uri: `/${SIGNATURES_FILE}`, digest: sha512(signatureXml) } });

export function timestampTree(batches: readonly Pick<BatchRow, 'signature_xml'>[]) {
  const tree = hashTree(batches.map((b) => signatureLeaf(Buffer.from(b.signature_xml))));
  return { ...tree, resultXml: hashChainResultXml(TS_CHAIN_URI, tree.root) };
}

export interface TimestampRun { batches: number; firstBatch: number; lastBatch: number; genTime: Date }

/** Time-stamps what waits, in runs of MAX_TS_BATCHES; null when nothing waits or no TSA_URL is set. Throws when the TSA fails. */
export async function timestampPending(ctx: LogCtx): Promise<TimestampRun | null> {
  const tsa = pkiSettings(ctx.config).tsaUrl;
  if (!tsa) return null;
  let done = null as TimestampRun | null;
  for (;;) {
    const last = await lastTimestamp(ctx.db);
    const batches = await batchesAfter(ctx.db, last ? Number(last.last_batch) : 0, MAX_TS_BATCHES);
    if (batches.length === 0) return done;
    const { resultXml } = timestampTree(batches);
    const token = await requestTimestamp(tsa, resultXml);
    const genTime = readTstInfo(token)?.genTime;
    if (!genTime) throw new Error('time-stamp token without a time');
    const first = Number(batches[0]!.id);
    const lastBatch = Number(batches[batches.length - 1]!.id);
    // A second run that raced this one (the command line beside the job) fails on the unique first_batch.
    await insertTimestamp(ctx.db, {
      id: last ? Number(last.id) + 1 : 1, first_batch: first, last_batch: lastBatch, result_xml: resultXml, token,
      gen_time: genTime, created_at: ctx.clock.now(),
    });
    done = { batches: (done?.batches ?? 0) + batches.length, firstBatch: done?.firstBatch ?? first, lastBatch, genTime };
    if (batches.length < MAX_TS_BATCHES) return done;
  }
}

/** The TSTInfo (the encapsulated content) of a time-stamp token, to check the TSA's signature over it. */
function tstInfoBytes(token: Buffer): Buffer {
  const { asn1 } = forge;
  const ci = asn1.fromDer(token.toString('binary'), false) as forge.asn1.Asn1;
  const signedData = (((ci.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!.value) as forge.asn1.Asn1[];
  const encap = signedData[2]!.value as forge.asn1.Asn1[];
  const octets = (encap[1]!.value as forge.asn1.Asn1[])[0]!;
  return Buffer.from(typeof octets.value === 'string' ? octets.value : (octets.value as forge.asn1.Asn1[]).map((p) => p.value as string).join(''), 'binary');
}

export interface TokenCheck { valid: boolean; reason: string | null; genTime: Date | null; tsa: string | null }

/** A token over `resultXml`: the imprint matches and the TSA's signature over its TSTInfo holds. Never throws. */
export function checkToken(token: Buffer, resultXml: Buffer): TokenCheck {
  const info = readTstInfo(token);
  if (!info) return { valid: false, reason: 'unreadable time-stamp token', genTime: null, tsa: null };
  const alg = info.imprintAlgorithm === '2.16.840.1.101.3.4.2.1' ? 'sha256' : info.imprintAlgorithm === '2.16.840.1.101.3.4.2.3' ? 'sha512' : null;
  const fail = (reason: string): TokenCheck => ({ valid: false, reason, genTime: info.genTime, tsa: null });
  if (!alg) return fail('unsupported time-stamp imprint algorithm');
  const imprint = alg === 'sha512' ? sha512(resultXml) : createHash('sha256').update(resultXml).digest();
  if (!imprint.equals(info.imprint)) return fail('the time-stamp does not cover this hash chain result');
  try {
    const c = checkCms(token, tstInfoBytes(token));
    if (!c.digestMatches || !c.signatureValid || !c.signer) return fail('the time-stamp authority\'s signature does not hold');
    return { valid: true, reason: null, genTime: info.genTime, tsa: c.signer.subject.replace(/\n/g, ', ') };
  } catch (err) {
    return fail(`unreadable time-stamp token (${(err as Error).message})`);
  }
}

/** The scheduled job: every GATEWAY_TIMESTAMP_INTERVAL_SECONDS (in whole minutes, at least one), once across nodes. */
export function logJobs(ctx: ModuleContext): JobDefinition[] {
  const seconds = ctx.config.gateway.timestampIntervalSeconds;
  const cron = seconds > 0 ? everyMinutes(Math.max(1, Math.round(seconds / 60)), 'GATEWAY_TIMESTAMP_INTERVAL_SECONDS') : null;
  return [{
    name: 'gateway.log.timestamp',
    ...(cron ? { schedule: cron } : {}),
    retryLimit: 0,
    async handler() {
      await timestampPending(ctx);
      // This node's status at once; other nodes re-read theirs within STATUS_REFRESH_MS.
      await (ctx.services.gateway?.log as Partial<RunningMessageLog> | undefined)?.refresh?.();
    },
  }];
}
