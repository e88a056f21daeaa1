/**
 * What modules add to the node's observability without the platform knowing them: Prometheus metrics
 * on the node's one registry (served at /metrics) and readiness checks (answered at /health/ready).
 * Both live on the services, so a module's `provides` registers its own.
 */
import client from 'prom-client';

export interface ReadinessResult {
  /** `failing`: the node must not take traffic (503); `degraded`: it may, but something needs an operator (200, said in the body). */
  status: 'ok' | 'degraded' | 'failing';
  /** Why (plain words, no personal data); shown in /health/ready's body. */
  detail?: string;
}

export interface ReadinessCheck {
  /** Short name, the key in /health/ready's body (`database`, `gateway-message-log`, …). */
  name: string;
  check(): ReadinessResult | Promise<ReadinessResult>;
}

export interface Observability {
  /** The node's metrics registry: every module registers its metrics here (`registers: [metrics]`). */
  metrics: client.Registry;
  /** Checks /health/ready runs after the database's; any one failing makes the node not ready (503). */
  readiness: ReadinessCheck[];
}

export function newObservability(): Observability {
  return { metrics: new client.Registry(), readiness: [] };
}

/** Runs the checks; a check that throws counts as failing (its message as the detail). The worst status wins. */
export async function runReadiness(checks: readonly ReadinessCheck[]): Promise<{ status: ReadinessResult['status']; results: Record<string, ReadinessResult> }> {
  const results: Record<string, ReadinessResult> = {};
  await Promise.all(checks.map(async (c) => {
    try {
      results[c.name] = await c.check();
    } catch (err) {
      results[c.name] = { status: 'failing', detail: err instanceof Error ? err.message : String(err) };
    }
  }));
  const all = Object.values(results).map((r) => r.status);
  return { status: all.includes('failing') ? 'failing' : all.includes('degraded') ? 'degraded' : 'ok', results };
}
