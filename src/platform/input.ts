/**
 * Text PostgreSQL cannot store: the NUL character (U+0000, refused in `text` and `jsonb`) and lone
 * UTF-16 surrogates (refused in `jsonb` as `\ud800` escapes). Every string of a request — values and
 * object keys of the body, query and path parameters — is checked once, centrally, before validation, so
 * no route reaches the database with them and the caller gets a 400 naming the field. Pure.
 */

export interface BadText {
  /** JSON Pointer into the request, e.g. "/body/formData/applicantName". */
  pointer: string;
  detail: string;
}

const MAX_DEPTH = 32;
const escapePointer = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

function problemOf(s: string): string | null {
  if (s.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (/\p{Cs}/u.test(s)) return 'must be well-formed Unicode (no lone surrogates)';
  return null;
}

/** The first string (value or key) under `value` that cannot be stored, or null. Shown without the value. */
export function unstorableText(value: unknown, pointer = '', depth = 0): BadText | null {
  if (typeof value === 'string') {
    const detail = problemOf(value);
    return detail ? { pointer, detail } : null;
  }
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  if (depth >= MAX_DEPTH) return { pointer, detail: `nested deeper than ${MAX_DEPTH} levels` };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = unstorableText(value[i], `${pointer}/${i}`, depth + 1);
      if (bad) return bad;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    const keyProblem = problemOf(k);
    // The key itself cannot be shown (it may be the data); its parent is named.
    if (keyProblem) return { pointer: pointer || '/', detail: `a field name ${keyProblem}` };
    const bad = unstorableText(v, `${pointer}/${escapePointer(k)}`, depth + 1);
    if (bad) return bad;
  }
  return null;
}
