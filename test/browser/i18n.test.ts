/**
 * i18n of the web application: every key the components use exists in Vietnamese and English, the
 * two languages have the same keys, and no Vietnamese text is hard-coded outside the resources.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en/index.ts';
import { vi } from '../../web/src/i18n/vi/index.ts';
import { ROOT } from './harness.ts';

const SRC = join(ROOT, 'web/src');
const PLURAL = /_(zero|one|two|few|many|other)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(tsx?|css)$/.test(f) ? [p] : [];
  });
}

/** Flattened keys, plural forms folded onto their base key. */
function keys(obj: object, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = `${prefix}${k.replace(PLURAL, '')}`;
    if (v && typeof v === 'object') for (const sub of keys(v, `${key}.`)) out.add(sub);
    else out.add(key);
  }
  return out;
}

const code = files(SRC).filter((f) => !f.includes(`${join('src', 'i18n')}`));
const viKeys = keys(vi);
const enKeys = keys(en);

describe('web i18n', () => {
  it('has the same keys in Vietnamese and English', () => {
    expect([...viKeys].filter((k) => !enKeys.has(k)), 'missing in en').toEqual([]);
    expect([...enKeys].filter((k) => !viKeys.has(k)), 'missing in vi').toEqual([]);
  });

  it('defines every literal key the components use', () => {
    const used = new Set<string>();
    for (const f of code) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !viKeys.has(k) && ![...viKeys].some((v) => v.startsWith(`${k}.`)))).toEqual([]);
  });

  it('keeps Vietnamese out of the components (only in the resources)', () => {
    const vietnamese = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯ]/;
    const offenders = code.flatMap((f) => readFileSync(f, 'utf8').split('\n')
      .map((line, i) => ({ line, at: `${relative(ROOT, f)}:${i + 1}` }))
      .filter(({ line }) => vietnamese.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line))
      .map(({ at, line }) => `${at}: ${line.trim()}`));
    expect(offenders).toEqual([]);
  });
});
