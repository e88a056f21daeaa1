/** Messages and bodies for the message log's tests. */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../src/config.ts';
import type { LogMessage, MessageLog } from '../../src/modules/gateway/contracts.ts';
import { openMessageLog } from '../../src/modules/gateway/log/index.ts';
import type { Clock } from '../../src/platform/clock.ts';
import type { Services } from '../../src/platform/module.ts';
import { testConfig, TEST_NOW } from '../config.ts';
import { freshDatabase } from '../helpers.ts';
import { startTsa } from './openssl-tsa.ts';

/** Streams `body` through a sink in 16 KB chunks, as the proxy does, and finishes it. */
export async function sinkOf(l: MessageLog, body: Buffer, digestOnly = false) {
  const sink = l.bodySink({ digestOnly });
  await pipeline(Readable.from((function* () { for (let i = 0; i < body.length; i += 16_384) yield body.subarray(i, i + 16_384); })()), sink.stream);
  return sink.finish();
}

export function message(over: Partial<LogMessage> & { body: LogMessage['body'] }): LogMessage {
  return {
    kind: 'request', xRoadId: randomUUID(), requestId: randomUUID(), client: 'VN/GOV/000.00.44.H56/MOTCUA',
    service: 'VN/GOV/000.00.01.G01/DANCU/citizen', method: 'POST', path: '/lookup?x=1', headers: { 'content-type': 'application/json' },
    at: new Date(TEST_NOW), ...over,
  };
}

/** A request and its response with small bodies, as one record() call. */
export async function exchange(l: MessageLog, over: Partial<LogMessage> = {}): Promise<LogMessage[]> {
  const xRoadId = over.xRoadId ?? randomUUID();
  const requestId = randomUUID();
  const req = message({ ...over, xRoadId, requestId, body: await sinkOf(l, Buffer.from(`{"q":"${xRoadId}"}`)) });
  const res = message({ ...over, kind: 'response', status: 200, xRoadId, requestId, headers: { 'content-type': 'application/json' }, body: await sinkOf(l, Buffer.from('{"ok":true}')) });
  await l.record([req, res]);
  return [req, res];
}

/** A database, a test TSA in its own process (TSA_URL) and an open message log, for one test file. */
export async function logFixture(dir: string, clock: Clock) {
  const tsa = await startTsa(mkdtempSync(join(dir, 'tsa-')));
  const config = { ...testConfig(dir), pki: { tsaUrl: tsa.url } } as Config;
  const database = await freshDatabase();
  const log = await openMessageLog({ db: database.db, config, clock, services: {} as Services });
  return {
    tsa, config, database, log,
    ctx: () => ({ db: database.db, config, clock }),
    async close() {
      await log.close();
      await database.close();
      await tsa.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
