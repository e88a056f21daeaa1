/**
 * Simulators of outside systems (sims/…), each a separate process speaking its real protocol. In demo
 * mode `npm start` starts the ones whose URL the operator did not set (TSA_URL: the time-stamp authority)
 * and stops them at shutdown; tests and benchmarks start them the same way. Never in production.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Config } from '../config.ts';

export interface Simulator {
  /** What the simulator printed when it listened (`port`, `url`, …). */
  info: { port: number; url: string } & Record<string, unknown>;
  stop(): Promise<void>;
}

const SIMS = new URL('../../sims/', import.meta.url);

/** Starts `sims/<script>` (TypeScript, run with tsx) and waits for its one JSON line saying where it listens. */
export async function startSimulator(script: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Simulator> {
  const main = fileURLToPath(new URL(script, SIMS));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', main, ...args], {
    // Its stdin is a pipe from this process: a simulator that asks (SIM_EXIT_WITH_PARENT) ends when it closes.
    stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, SIM_EXIT_WITH_PARENT: '1', ...env },
  });
  const info = await new Promise<Simulator['info']>((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`simulator ${script} exited (${code}) before listening`));
    child.once('exit', exited);
    child.once('error', reject);
    createInterface({ input: child.stdout! }).once('line', (line) => {
      child.off('exit', exited);
      try {
        resolve(JSON.parse(line) as Simulator['info']);
      } catch {
        reject(new Error(`simulator ${script} said ${line.slice(0, 200)}`));
      }
    });
  });
  return {
    info,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

export type TsaFault = 'none' | 'down' | 'unavailable' | 'slow' | 'bad-signature' | 'rejection' | 'garbage';

/** The time-stamp authority simulator (sims/tsa): its keys in `dir` (kept, so its root stays the same), its URL, its root CA. */
export async function startTsaSimulator(opts: { dir?: string; fault?: TsaFault } = {}): Promise<Simulator & { url: string; caCert: string; setFault(fault: TsaFault, slowMs?: number): Promise<void> }> {
  const sim = await startSimulator('tsa/main.ts', [...(opts.dir ? ['--dir', opts.dir] : []), ...(opts.fault ? ['--fault', opts.fault] : [])]);
  const url = sim.info.url;
  const control = new URL('/control', url).toString();
  return {
    ...sim, url, caCert: String(sim.info.caCert),
    async setFault(fault, slowMs) {
      const res = await fetch(control, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fault, ...(slowMs !== undefined ? { slowMs } : {}) }) });
      if (!res.ok) throw new Error(`the TSA simulator refused fault ${fault}: ${res.status}`);
    },
  };
}

/** Whether `npm start` runs simulators of outside systems: demo mode, unless SIMULATORS=off. Never in production. */
export function simulatorsWanted(config: Pick<Config, 'environment'>, env: NodeJS.ProcessEnv = process.env): boolean {
  return config.environment === 'demo' && !['off', 'false', '0', 'no'].includes((env.SIMULATORS ?? '').toLowerCase());
}

/**
 * Demo mode: starts the simulators whose URL is not set (SIMULATORS=off: none) and sets their URL in
 * `env` (TSA_URL, read when the services are built). Production: nothing.
 */
export async function startDemoSimulators(config: Pick<Config, 'environment' | 'dataDir'>, env: NodeJS.ProcessEnv = process.env, log: (m: string) => void = () => undefined): Promise<{ stop(): Promise<void> }> {
  const started: Simulator[] = [];
  if (simulatorsWanted(config, env)) {
    if (!env.TSA_URL) {
      // A demo without its simulator still starts (without time-stamps), saying why.
      try {
        const tsa = await startTsaSimulator({ dir: join(config.dataDir, 'tsa-sim') });
        started.push(tsa);
        env.TSA_URL = tsa.url;
        log(`motcua: demo time-stamp authority (simulator) at ${tsa.url}; its root certificate: ${tsa.caCert}`);
      } catch (err) {
        log(`motcua: the time-stamp authority simulator did not start (${err instanceof Error ? err.message : String(err)}); no time-stamps`);
      }
    }
  }
  return { stop: async () => void (await Promise.all(started.map((s) => s.stop()))) };
}
