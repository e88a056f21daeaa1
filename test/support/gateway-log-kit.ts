/** Messages and bodies for the message log's tests. */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { LogMessage, MessageLog } from '../../src/modules/gateway/contracts.ts';
import { TEST_NOW } from '../config.ts';

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
