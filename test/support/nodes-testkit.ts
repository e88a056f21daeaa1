/**
 * Several app nodes for the multi-node test: `src/main.ts` as real processes (`node --import tsx`), a
 * round-robin HTTP reverse proxy in front of them (node:http), a scratch PostgreSQL database, and a
 * client that retries with the same request on connection errors and 502/503/504.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** A free TCP port on the loopback (closed again before it is returned). */
export async function freePort(): Promise<number> {
  const s = http.createServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const { port } = s.address() as AddressInfo;
  s.close();
  await once(s, 'close');
  return port;
}

/** An empty database on the test's PostgreSQL (named so that the run's teardown drops it if we do not). */
export async function emptyDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `motcua_t${randomUUID().slice(0, 8)}_${process.ppid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export interface AppNode {
  name: string;
  port: number;
  url: string;
  proc: ChildProcess;
  /** Everything the process wrote (stdout and stderr). */
  output(): string;
  /** Resolves when it listens; rejects with its output if it exits first. */
  ready: Promise<void>;
  exited: Promise<number | null>;
}

/** Starts `src/main.ts` in its own process. */
export function startNode(name: string, port: number, env: Record<string, string>): AppNode {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const onData = () => {
      if (out.includes('motcua: http')) {
        proc.stdout!.off('data', onData);
        resolve();
      }
    };
    proc.stdout!.on('data', onData);
    void exited.then((code) => reject(new Error(`node ${name} exited (${code}) before listening:\n${out.slice(-4000)}`)));
  });
  ready.catch(() => undefined);
  return { name, port, url: `http://127.0.0.1:${port}`, proc, output: () => out, ready, exited };
}

export async function stopNode(node: AppNode, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (node.proc.exitCode !== null || node.proc.signalCode !== null) return;
  node.proc.kill(signal);
  await node.exited;
}

export interface Proxy {
  url: string;
  /** Responses per node by status ("502" also counts failed forwards). */
  counts: Map<string, Map<number, number>>;
  /** Requests under way per node. */
  inFlight: Map<string, number>;
  /** Replace a node (a restarted one on its port keeps its name). */
  targets: AppNode[];
  close(): Promise<void>;
}

/** A round-robin reverse proxy over `targets`: each request goes to the next node; a failed forward answers 502. */
export async function roundRobinProxy(targets: AppNode[]): Promise<Proxy> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const counts = new Map<string, Map<number, number>>();
  const inFlight = new Map<string, number>();
  const count = (name: string, status: number) => {
    const m = counts.get(name) ?? new Map<number, number>();
    counts.set(name, m.set(status, (m.get(status) ?? 0) + 1));
  };
  let next = 0;
  const proxy: Proxy = { url: '', counts, inFlight, targets, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const target = proxy.targets[next++ % proxy.targets.length]!;
    inFlight.set(target.name, (inFlight.get(target.name) ?? 0) + 1);
    let done = false;
    const finish = (status: number) => {
      if (done) return;
      done = true;
      inFlight.set(target.name, inFlight.get(target.name)! - 1);
      count(target.name, status);
    };
    const upstream = http.request({ host: '127.0.0.1', port: target.port, method: req.method, path: req.url, headers: req.headers, agent }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
      up.on('end', () => finish(up.statusCode ?? 502));
      up.on('error', () => {
        finish(502);
        res.destroy();
      });
    });
    upstream.on('error', () => {
      finish(502);
      if (res.headersSent) return void res.destroy();
      res.writeHead(502, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ type: 'about:blank', title: 'Bad Gateway', status: 502 }));
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = async () => {
    server.closeAllConnections();
    server.close();
    agent.destroy();
  };
  return proxy;
}

const RETRYABLE = new Set([502, 503, 504]);

export interface Sent {
  status: number;
  headers: Headers;
  body: any;
  /** How many times the request was sent again after a connection error or a 502/503/504. */
  retries: number;
}

/**
 * Sends a request until it gets an answer that is not a connection error or 502/503/504 — the same
 * request each time (for a submission: the same Idempotency-Key). Gives up after `attempts`.
 */
export async function send(url: string, init: RequestInit & { body?: string | FormData }, attempts = 100): Promise<Sent> {
  for (let i = 0; ; i++) {
    try {
      const res = await fetch(url, init);
      const text = await res.text();
      if (!RETRYABLE.has(res.status) || i + 1 >= attempts) {
        return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null, retries: i };
      }
    } catch (err) {
      if (i + 1 >= attempts) throw err;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
