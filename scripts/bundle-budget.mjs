#!/usr/bin/env node
// Checks the portal's first load against a budget: the JavaScript and CSS that web/dist/index.html
// loads before the home page can render (entry script, modulepreloads, stylesheets), gzip-compressed.
// Lazy chunks (the e-form, the officer workspace, English) are not part of it.
//
//   node scripts/bundle-budget.mjs [--budget-kb N] [--dist DIR] [--json]
//
// Exit 1 when over budget or when the build is missing (run `npm run build:web` first).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DEFAULT_BUDGET_KB = 130;

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** The files index.html loads up front: module entry scripts, modulepreloads and stylesheets. */
function firstLoad(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = new Set();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const src = /\s(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (!src || /^(https?:)?\/\//.test(src)) continue;
    const isScript = tag.startsWith('<script') && /type="module"/.test(tag);
    const isPreload = /rel="modulepreload"/.test(tag);
    const isStyle = /rel="stylesheet"/.test(tag);
    if (isScript || isPreload || isStyle) files.add(src.replace(/^\//, ''));
  }
  return [...files].map((file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

const dist = arg('--dist', 'web/dist');
const budgetKb = Number(arg('--budget-kb', process.env.BUNDLE_BUDGET_KB ?? DEFAULT_BUDGET_KB));
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`bundle-budget: ${dist}/index.html not found; run npm run build:web first`);
  process.exit(1);
}
const files = firstLoad(dist);
const total = files.reduce((n, f) => n + f.gzip, 0);
const budget = budgetKb * 1024;
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ budgetBytes: budget, totalGzipBytes: total, files }, null, 2));
} else {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  for (const f of files.sort((a, b) => b.gzip - a.gzip)) console.log(`${kb(f.gzip).padStart(10)}  ${f.file}  (${kb(f.bytes)} raw)`);
  console.log(`${kb(total).padStart(10)}  first load, gzip — budget ${kb(budget)} (${Math.round((total / budget) * 100)}%)`);
}
if (total > budget) {
  console.error(`bundle-budget: first load ${total} bytes gzip exceeds the budget of ${budget} bytes`);
  process.exit(1);
}
