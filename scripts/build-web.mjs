#!/usr/bin/env node
// Builds the web application (web/ → web/dist) with Vite. `--if-missing` skips the build when a
// build is already there (what `npm start` uses, so a first start builds and later starts are quick).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const config = 'web/vite.config.ts';
if (!existsSync(config)) {
  console.log('build-web: no web application in this checkout');
  process.exit(0);
}
if (process.argv.includes('--if-missing') && existsSync('web/dist/index.html')) process.exit(0);
console.log('build-web: building the web application (vite build)…');
// Production React even when started from a test run (NODE_ENV=test would bundle the development build).
const r = spawnSync('npx', ['vite', 'build', '--config', config], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
process.exit(r.status ?? 1);
