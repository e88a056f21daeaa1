/**
 * `POST /api/v1/verify` under attack (issue 12, item 4): a crafted large PDF with many signature
 * ranges must not stall the server. The verification runs on a worker thread, so the main thread
 * answers health checks while it runs; a verification past its time is abandoned with a problem.
 * The assertions are about threads and ordering, never about durations.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { AddressInfo } from 'node:net';
import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './helpers.ts';
import { craftedSignedPdf, someCms } from './support/crafted-pdf.ts';

const MiB = 1024 * 1024;
type Report = { valid: boolean; intact: boolean; size: number; signatures: unknown[]; problems: { code: string }[] };
let t: TestApp;
let base: string;
let crafted: Buffer;

beforeAll(async () => {
  t = await testApp({ fileMaxBytes: 24 * MiB });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  crafted = craftedSignedPdf(8 * MiB, 16, await someCms());
});
afterAll(async () => {
  await t.close();
});

const verify = (body: Buffer, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/v1/verify`, { method: 'POST', headers: { 'content-type': 'application/pdf', ...headers }, body });

describe('POST /verify under a crafted PDF', () => {
  it('verifies on a worker thread while the main thread keeps answering health checks', async () => {
    // The server publishes each off-thread task on this channel: submitted on the main thread, done on a worker.
    const events: { task: string; phase: string; threadId?: number }[] = [];
    const order: string[] = [];
    let health: Promise<void> | null = null;
    const checkHealth = () => (health ??= fetch(`${base}/health/live`).then(async (r) => {
      expect(r.status).toBe(200);
      await r.arrayBuffer();
      order.push('health');
    }));
    const listener = (m: unknown) => {
      const e = m as { task: string; phase: string; threadId?: number };
      events.push(e);
      if (e.task === 'pki.verify' && e.phase === 'start') void checkHealth();
      if (e.task === 'pki.verify' && e.phase === 'end') order.push('verified');
    };
    subscribe('motcua:worker', listener);
    try {
      const responses = await Promise.all([1, 2, 3].map(async () => {
        const r = await verify(crafted);
        const body = await r.json() as Report;
        order.push('response');
        return { status: r.status, body };
      }));
      await checkHealth();
      for (const r of responses) {
        expect(r.status).toBe(200);
        expect(r.body).toMatchObject({ valid: false, intact: false, size: crafted.length });
        expect(r.body.signatures).toHaveLength(16);
      }
      const done = events.filter((e) => e.task === 'pki.verify' && e.phase === 'end');
      expect(done).toHaveLength(3);
      // Structural: every verification ran on a thread other than the one serving HTTP.
      for (const e of done) expect(e.threadId).not.toBe(threadId);
      // Ordering: the health check sent when the first verification was handed over was answered
      // before that verification (and so before any verify response) was done.
      expect(order.indexOf('health')).toBeGreaterThanOrEqual(0);
      expect(order.indexOf('health')).toBeLessThan(order.indexOf('verified'));
      expect(order.indexOf('health')).toBeLessThan(order.indexOf('response'));
    } finally {
      unsubscribe('motcua:worker', listener);
    }
  });

  it('abandons a verification that runs past its time with a problem, and the pool goes on working', async () => {
    const slow = await testApp({ fileMaxBytes: 24 * MiB, verifyTimeoutMs: 1 });
    try {
      const res = await slow.app.inject({ method: 'POST', url: '/api/v1/verify', headers: { 'content-type': 'application/pdf', 'accept-language': 'en' }, payload: crafted });
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ type: '/problems/verification-timeout', titleVi: expect.any(String), titleEn: expect.any(String) });
    } finally {
      await slow.close();
    }
    const small = craftedSignedPdf(64 * 1024, 2, await someCms());
    const again = await verify(small);
    expect(again.status).toBe(200);
    expect(((await again.json()) as Report).signatures).toHaveLength(2);
  });

  it('reports more signatures than the limit as malformed without checking them', async () => {
    const many = craftedSignedPdf(64 * 1024, 17, await someCms());
    const res = await verify(many, { 'accept-language': 'en' });
    expect(res.status).toBe(200);
    const body = await res.json() as Report;
    expect(body.valid).toBe(false);
    expect(body.problems.map((p) => p.code)).toContain('too_many_signatures');
    expect(body.signatures.length).toBeLessThanOrEqual(16);
  });
});
