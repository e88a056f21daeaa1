/**
 * Dossier components (Thành phần hồ sơ) of a source record → ProcedureComponent[]. Pure.
 *
 * Cleaning: whitespace collapsed, leading bullets ("- ", "+ ", "* ") stripped, a template file name
 * glued to the text ("…TT-BCA).1.MuCT01banhnhkmtheoThngts53.doc") moved to `formTemplate` (what
 * followed it, a glued count or the start of the next line, is dropped), and counts that swallowed
 * the end of the name ("theo Mẫu số" + "181 bản chính" → "Mẫu số 18", 1 original) repaired.
 *
 * Entries with 0 originals and 0 copies are notes or headings as printed on the portal: they are
 * left OUT of `components` (codes TP01, TP02… number the real documents in source order).
 * The 4 BHXH procedures whose section could not be parsed (`componentsRaw`) get NO components:
 * their raw text is a fragment of the steps, not a document list, so nothing can be named honestly.
 *
 * `required` is true only for a real document that
 *  1. is not conditional by its own wording: starts with "Trường hợp", "Nếu", "Đối với", "Lưu ý",
 *     "Tùy…", or says "(nếu có)", "(nếu …", ", nếu …", "trong trường hợp", "đối với trường hợp"; and
 *  2. sits in a primary group. Groups are headings detected by the preparer (a heading glued behind a
 *     previous line's counts, "…1 bản chính,1 bản saob) Đối với…", is cut to "b) Đối với…"):
 *     - no group, or a mandatory section ("Giấy tờ phải nộp", "Giấy tờ phải xuất trình",
 *       "Thành phần hồ sơ", "Người yêu cầu chứng thực nộp/phải xuất trình…") → primary;
 *     - "Lưu ý…" → notes; "Một trong…" / "Tùy từng trường hợp…" → alternatives: never required;
 *     - any other heading is a CASE ("Trường hợp…", "(1.2) Đối với công trình theo tuyến",
 *       "Đăng ký thường trú tại cơ sở tôn giáo"…). Cases are alternatives: when the procedure has an
 *       unconditional document in a primary group, no case is required. Otherwise exactly one case
 *       is taken as the default and its documents may be required: among the cases not about
 *       authorisation ("ủy quyền"): for an enumerated list ("(1.1) …", "(1.2) …") the first one with
 *       an application form (Tờ khai / Giấy đề nghị / Đơn …); otherwise the one with an application
 *       form whose heading plus best form are closest to the first clause of the procedure name
 *       (word Jaccard), then one not itself conditional, then the first in source order.
 *  The model has no "one of" construct, so alternatives the preparer split into separate entries
 *  (e.g. the list of acceptable land papers) each keep their own flag.
 */
import type { ProcedureComponent } from './model.ts';
import type { SourceComponent, SourceProcedure } from './source-types.ts';
import { stripDiacritics } from '../../platform/text.ts';
import { clean, cleanOrNull } from './text.ts';

const BULLETS = /^(?:[-–+*•.]\s*)+/u;
const ENUMERATOR = /^(?:\(?(?:[0-9]+(?:\.[0-9]+)*|[ivx]+|[a-zđ])\)\s*|[0-9]+\.\s+)/iu;
const CONDITIONAL_START = /^(?:trường hợp|nếu|đối với|lưu ý|tùy|tuỳ|\*\s*lưu ý)/iu;
const CONDITIONAL_ANYWHERE = /\(nếu có\)|[(,]\s*nếu\s|(?:^|\s)(?:trong|đối với) trường hợp(?:\s|$)/iu;
const SECTION = /^(?:giấy tờ phải (?:nộp|xuất trình)|thành phần hồ sơ(?: (?:bao )?gồm)?:?$|người yêu cầu chứng thực (?:nộp|phải xuất trình))/iu;
const ALTERNATIVES = /^(?:một trong|tùy từng trường hợp|tuỳ từng trường hợp)/iu;
const GLUED_COUNTS = /\d+ bản (?:chính|sao)(?:,\s*\d+ bản sao)?/gu;
const AUTHORISATION = /ủy quyền|uỷ quyền/iu;
const APPLICATION_FORM = /^(?:tờ khai|giấy đề nghị|đơn|phiếu (?:đề nghị|yêu cầu|khai)|văn bản đề nghị|thông báo)/iu;
const FILE_EXT = /\.(?:docx?|xlsx?|pdf|rtf|odt)(?![a-z])/iu;

/** Text of a heading or name without bullets and "(1.2)", "a)", "(ii)", "1. " enumerators. */
function bare(s: string): string {
  let t = s.replace(BULLETS, '');
  for (let i = 0; i < 3 && ENUMERATOR.test(t); i++) t = t.replace(ENUMERATOR, '').replace(BULLETS, '');
  return t;
}

export function isConditionalText(name: string): boolean {
  return CONDITIONAL_START.test(bare(name)) || CONDITIONAL_ANYWHERE.test(name);
}

/** Splits a glued template file name off a component name. */
export function splitTemplate(name: string, form: string | null): { name: string; formTemplate: string | null } {
  const cleanForm = (f: string | null): string | null => {
    const c = cleanOrNull(f);
    const m = c ? FILE_EXT.exec(c) : null;
    return m && c ? c.slice(0, m.index + m[0].length) : c;
  };
  const m = FILE_EXT.exec(name);
  if (!m) {
    // The preparer split "…y tếMau01-DS(BHYT).doc" into name "…y tếMau" and form "01-DS(BHYT).doc".
    const f = cleanForm(form);
    const tail = f ? /(?<=\S)(Mau|Mẫu)$/u.exec(name) : null;
    if (tail && f) return { name: name.slice(0, tail.index).replace(/[\s.;,]+$/u, ''), formTemplate: tail[1] + f };
    return { name, formTemplate: f };
  }
  const extEnd = m.index + m[0].length;
  for (let p = 1; p < m.index; p++) {
    const glue = name[p - 1] as string;
    const first = name[p] as string;
    if (!'.;)'.includes(glue) || /[\s.;),]/u.test(first)) continue;
    const file = name.slice(p, extEnd);
    if (file.length > 150 || /[.;)]\s/u.test(file)) continue;
    const head = glue === ')' ? name.slice(0, p) : name.slice(0, p - 1);
    return { name: head.replace(/[\s.;,]+$/u, ''), formTemplate: cleanForm(form) ?? file };
  }
  return { name, formTemplate: cleanForm(form) };
}

/** A count above 9 swallowed the end of the name ("Mẫu số" + "181" → "Mẫu số 18" + 1). */
function repairCount(name: string, n: number): { name: string; n: number } {
  if (n <= 9) return { name, n };
  const digits = String(n);
  const lead = digits.slice(0, -1);
  const fixed = /(?:Mẫu số|Mẫu|năm|số|Điều)$/u.test(name) ? `${name} ${lead}` : name;
  return { name: fixed, n: Number(digits.slice(-1)) };
}

interface Doc {
  name: string;
  formTemplate: string | null;
  originals: number;
  copies: number;
  group: string | null;
}

/** A heading glued behind a previous line's counts keeps only what follows the last count. */
export function cleanGroup(group: string | null): string | null {
  const g = cleanOrNull(group);
  if (g == null) return null;
  const counts = [...g.matchAll(GLUED_COUNTS)];
  const last = counts[counts.length - 1];
  if (!last) return g;
  return cleanOrNull(g.slice((last.index ?? 0) + last[0].length).replace(BULLETS, '')) ?? g;
}

function toDoc(c: SourceComponent): Doc {
  const split = splitTemplate(clean(c.name), c.form);
  let name = split.name.replace(BULLETS, '');
  const o = repairCount(name, c.originals);
  name = o.name;
  const k = repairCount(name, c.copies);
  return { name: k.name, formTemplate: split.formTemplate, originals: o.n, copies: k.n, group: cleanGroup(c.group) };
}

type GroupKind = 'primary' | 'note' | 'alternatives' | 'case';

function groupKind(group: string | null): GroupKind {
  if (group == null) return 'primary';
  if (/lưu ý/iu.test(group)) return 'note';
  const b = bare(group);
  if (ALTERNATIVES.test(b)) return 'alternatives';
  return SECTION.test(b) ? 'primary' : 'case';
}

function words(s: string): Set<string> {
  return new Set(stripDiacritics(s).toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 0));
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  const shared = overlap(a, b);
  return shared / (a.size + b.size - shared || 1);
}

/** The default case group when no unconditional document sits in a primary group. */
function defaultCase(docs: Doc[], procedureName: string): string | null {
  // The main case is named first: "Đăng ký thành lập hợp tác xã, …; đăng ký chuyển đổi …".
  const target = words(procedureName.split(/[;,]/)[0] ?? procedureName);
  const cases = [...new Set(docs.filter((d) => groupKind(d.group) === 'case').map((d) => d.group as string))]
    .filter((g) => !AUTHORISATION.test(g));
  const formsOf = (g: string) => docs.filter((d) => d.group === g && APPLICATION_FORM.test(bare(d.name)));
  // An enumerated list of cases ("(1.1) …", "(1.2) …" / "a) …", "b) …"): the first one with a form.
  if (cases.length > 0 && cases.every((g) => ENUMERATOR.test(g.replace(BULLETS, '')))) {
    return cases.find((g) => formsOf(g).length > 0) ?? cases[0] ?? null;
  }
  const ranked = cases.map((g, order) => {
    const forms = formsOf(g);
    const formFit = Math.max(0, ...forms.map((d) => jaccard(words(d.name), target)));
    return {
      g,
      key: [
        forms.length > 0 ? 1 : 0,
        jaccard(words(bare(g)), target) + formFit,
        CONDITIONAL_START.test(bare(g)) ? 0 : 1,
        -order,
      ],
    };
  });
  ranked.sort((x, y) => {
    for (let i = 0; i < x.key.length; i++) {
      const d = (y.key[i] as number) - (x.key[i] as number);
      if (d !== 0) return d;
    }
    return 0;
  });
  return ranked[0]?.g ?? null;
}

export function mapComponents(raw: SourceProcedure): ProcedureComponent[] {
  const docs = raw.components.map(toDoc).filter((d) => d.originals + d.copies > 0 && d.name !== '');
  const hasPrimaryDocs = docs.some((d) => groupKind(d.group) === 'primary' && !isConditionalText(d.name));
  const chosenCase = hasPrimaryDocs ? null : defaultCase(docs, clean(raw.name));
  return docs.map((d, i) => {
    const kind = groupKind(d.group);
    const inPrimary = kind === 'primary' || (kind === 'case' && d.group === chosenCase);
    return {
      code: `TP${String(i + 1).padStart(2, '0')}`,
      name: d.name,
      originals: d.originals,
      copies: d.copies,
      required: inPrimary && !isConditionalText(d.name),
      group: d.group,
      formTemplate: d.formTemplate,
    };
  });
}
