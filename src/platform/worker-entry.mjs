/**
 * The entry of the off-thread worker pool (src/platform/workers.ts), plain JavaScript so that a
 * worker thread starts under any runner: `tsx` (npm start), vitest, or node with a TypeScript loader.
 * Node 20 does not hand the parent's module loader to a worker thread, so a `.ts` task module that
 * plain `import()` refuses is loaded through tsx's scoped loader. Each task names its module (a file
 * URL) and an exported function; the worker returns that function's result and its own thread id.
 */
import { threadId } from 'node:worker_threads';

const modules = new Map();

function load(file) {
  let mod = modules.get(file);
  if (!mod) {
    mod = import(file).catch(async (err) => {
      if (err?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw err;
      const { tsImport } = await import('tsx/esm/api');
      return tsImport(file, import.meta.url);
    });
    modules.set(file, mod);
  }
  return mod;
}

export default async function run({ file, name, input }) {
  const mod = await load(file);
  if (typeof mod[name] !== 'function') throw new Error(`${file} exports no function ${name}`);
  return { threadId, output: await mod[name](input) };
}
