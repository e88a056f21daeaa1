/**
 * What people call things → the words procedure names use: "giấy khai sinh" → "đăng ký khai sinh",
 * "sổ đỏ" → "giấy chứng nhận … đất đai", "passport" → "hộ chiếu". The list is data (synonyms.json);
 * this file only turns a folded query into the phrases the search tries. Pure.
 */
import { readFileSync } from 'node:fs';
import { fold } from '../../platform/text.ts';

export interface SynonymList {
  /** Words that carry no meaning in a query ("làm", "xin", "how", "a"); dropped from the alternatives. */
  ignore: string[];
  groups: { means: string[]; say: string[] }[];
}

export interface CompiledSynonyms {
  ignore: ReadonlySet<string>;
  /** Folded phrase (as words, ignored words removed) → what it means (folded phrases). */
  phrases: ReadonlyMap<string, string[]>;
  longest: number;
}

export const SYNONYMS_FILE = new URL('./synonyms.json', import.meta.url);

export function compileSynonyms(list: SynonymList): CompiledSynonyms {
  const ignore = new Set(list.ignore.map(fold).filter((w) => w && !w.includes(" ")));
  const words = (s: string) => fold(s).split(' ').filter((w) => w && !ignore.has(w));
  const phrases = new Map<string, string[]>();
  let longest = 0;
  for (const g of list.groups) {
    const means = g.means.map(fold).filter(Boolean);
    for (const said of g.say) {
      const w = words(said);
      if (!w.length) continue;
      const key = w.join(' ');
      phrases.set(key, [...new Set([...(phrases.get(key) ?? []), ...means])]);
      longest = Math.max(longest, w.length);
    }
  }
  return { ignore, phrases, longest };
}

let loaded: CompiledSynonyms | undefined;
/** The list shipped with the catalogue, read once. */
export function defaultSynonyms(): CompiledSynonyms {
  loaded ??= compileSynonyms(JSON.parse(readFileSync(SYNONYMS_FILE, 'utf8')) as SynonymList);
  return loaded;
}

export interface Expanded {
  /** The query as typed (folded), and without its filler words: every word must appear. */
  exact: string[];
  /** The query with what a recognised phrase means put in its place: every word must appear. */
  meant: string[];
  /** What a recognised phrase means on its own, the rest of the query left out. */
  loose: string[];
}

const MAX = 8;

/** The phrases to search for a folded query. */
export function expandQuery(query: string, syn: CompiledSynonyms): Expanded {
  const all = query.split(' ').filter(Boolean);
  if (!all.length) return { exact: [], meant: [], loose: [] };
  const words = all.filter((w) => !syn.ignore.has(w));
  // Left to right, the longest known phrase at each position.
  const parts: { options: string[]; means?: string[] }[] = [];
  for (let i = 0; i < words.length;) {
    let hit: { n: number; means: string[] } | undefined;
    for (let n = Math.min(syn.longest, words.length - i); n > 0 && !hit; n--) {
      const means = syn.phrases.get(words.slice(i, i + n).join(' '));
      if (means) hit = { n, means };
    }
    if (hit) {
      parts.push({ options: hit.means, means: hit.means });
      i += hit.n;
    } else {
      parts.push({ options: [words[i]!] });
      i++;
    }
  }
  const exact = [...new Set([all.join(' '), words.join(' ')])].filter(Boolean);
  if (!parts.some((p) => p.means)) return { exact, meant: [], loose: [] };
  let combos = [''];
  for (const p of parts) combos = combos.flatMap((c) => p.options.map((o) => (c ? `${c} ${o}` : o))).slice(0, MAX);
  const meant = [...new Set(combos)].filter((c) => !exact.includes(c));
  const loose = [...new Set(parts.flatMap((p) => p.means ?? []))].filter((m) => !exact.includes(m) && !meant.includes(m)).slice(0, MAX);
  return { exact, meant, loose };
}
