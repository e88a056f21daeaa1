/**
 * Verification off the HTTP thread: a signed PDF is verified on the platform's worker pool, bounded
 * in time (`VERIFY_TIMEOUT_MS`) and in the number of signatures (`VERIFY_MAX_SIGNATURES`); its size is
 * bounded by the routes that receive it (`FILE_MAX_BYTES`).
 */
import { createHash } from 'node:crypto';
import { runOffThread } from '../../platform/workers.ts';
import type { PdfVerification, TrustStore } from './verify.ts';
import type { PortableTrust, VerifyTaskInput } from './verify-task.ts';

const TASK = { name: 'pki.verify', file: new URL('./verify-task.ts', import.meta.url), fn: 'verifyPdfTask' };

const portable = new WeakMap<TrustStore, PortableTrust>();

function portableTrust(t: TrustStore): PortableTrust {
  let p = portable.get(t);
  if (!p) {
    const anchors = t.anchors.map((c) => new Uint8Array(c.raw));
    const intermediates = t.intermediates.map((c) => new Uint8Array(c.raw));
    const crls = [...t.crls.entries()];
    const key = createHash('sha256')
      .update(JSON.stringify([t.anchors.map((c) => c.fingerprint256), t.intermediates.map((c) => c.fingerprint256), crls.map(([fp, c]) => [fp, c.thisUpdate, c.revoked.size])]))
      .digest('hex');
    p = { key, anchors, intermediates, crls };
    portable.set(t, p);
  }
  return p;
}

export interface VerifyOptions {
  timeoutMs: number;
  maxSignatures: number;
  threads: number;
}

/** `verifyPdf` on a worker thread; throws WorkerTimeout, WorkerBusy or WorkerFailed (platform/workers.ts). */
export function verifyPdfOffThread(pdf: Buffer, trust: TrustStore, now: Date, opts: VerifyOptions): Promise<PdfVerification> {
  const input: VerifyTaskInput = { pdf, trust: portableTrust(trust), now: now.toISOString(), maxSignatures: opts.maxSignatures };
  return runOffThread<PdfVerification>(TASK, input, { timeoutMs: opts.timeoutMs, threads: opts.threads });
}
