/** Starts the test time-stamp authority (openssl-tsa-server.ts) as a child process. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface TestTsa {
  url: string;
  /** Makes the TSA answer 503 (true) or work again (false). */
  setDown(down: boolean): Promise<void>;
  stop(): Promise<void>;
}

export async function startTsa(dir: string): Promise<TestTsa> {
  const script = fileURLToPath(new URL('./openssl-tsa-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.setEncoding('utf8');
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (s: string) => {
      out += s;
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`test TSA exited (${code})`)));
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    url: `${base}/tsa`,
    async setDown(down) {
      await fetch(`${base}/${down ? 'down' : 'up'}`, { method: 'POST' });
    },
    async stop() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}
