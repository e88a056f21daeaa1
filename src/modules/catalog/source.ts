/**
 * Source procedure records (shared/data/procedures-sample.json, National Public Service Portal via
 * chatbot-tthc) → motcua Procedures. Pure: no I/O. Sub-rules live next door:
 * source-channels.ts (time limits, fees), source-components.ts (documents, `required`),
 * source-agency.ts (agency kind, field code), eforms.ts (online forms).
 */
import type { OnlineLevel, Procedure, ProcedureChannel, ProcedureResult } from './model.ts';
import { eformFor, type CommuneOption } from './eforms.ts';
import { agencyKindOf, fieldCodeOf } from './source-agency.ts';
import { mapChannels, whereToSubmit } from './source-channels.ts';
import { mapComponents } from './source-components.ts';
import { assertSourceProcedure, type SourceProcedure } from './source-types.ts';
import { stripDiacritics } from '../../platform/text.ts';
import { clean, cleanOrNull, uniq } from './text.ts';

export type { SourceChannel, SourceComponent, SourceProcedure, SourceResult } from './source-types.ts';
export { assertSourceProcedure } from './source-types.ts';

/** Keeps line structure (requirements are lists) but trims lines and drops blank runs. */
function cleanMultiline(s: string | null): string | null {
  if (s == null) return null;
  const lines = s.split(/\r?\n/).map(clean).filter((l) => l !== '');
  return lines.length > 0 ? lines.join('\n') : null;
}

/**
 * Online level. The portal page does not say full or partial, so:
 *  - not offered online (onlineSubmission false)         → null;
 *  - the name says "toàn trình" (fully online)            → 'full';
 *  - the source's onlineLevel when it has one (it is set only from the name: "một phần" / "toàn trình");
 *  - otherwise 'partial': the only claim the data supports (a dossier can be filed online; nothing
 *    says the result is returned online, which 'full' would promise).
 */
export function onlineLevelOf(raw: SourceProcedure): OnlineLevel | null {
  if (!raw.onlineSubmission) return null;
  if (/toan trinh/.test(stripDiacritics(raw.name).toLowerCase())) return 'full';
  return raw.onlineLevel ?? 'partial';
}

const DOC_REF = /(Nghị định|Thông tư liên tịch|Thông tư|Quyết định|Nghị quyết)\s+(?:số\s+)?(\d+\/\d{4}\/[A-ZĐ][A-ZĐa-z0-9]*(?:-[A-ZĐa-z0-9]+)*)(?![\p{L}\d])/gu;
const LAW_REF = /Luật [A-ZĐ][\p{L} ]{1,40}? (?:năm \d{4}|số \d+\/\d{4}\/QH\d+)/gu;

/**
 * Legal basis: the publishing decision ("Quyết định công bố 163/QĐ-BTP"), then laws, then the decrees,
 * circulars and decisions cited in the requirements, the document list and the fee notes, in order of
 * first mention. The portal's own CANCUPHAPLY list is not in the source.
 */
export function legalBasisOf(raw: SourceProcedure): string[] {
  const texts = [
    raw.requirements ?? '',
    ...raw.components.map((c) => c.name),
    ...raw.channels.map((c) => c.feeNote ?? ''),
  ].map(clean);
  const laws: string[] = [];
  const docs = new Map<string, string>();
  for (const t of texts) {
    for (const m of t.matchAll(LAW_REF)) laws.push(m[0]);
    for (const m of t.matchAll(DOC_REF)) {
      const num = (m[2] as string).replace(/-+$/, '');
      if (!docs.has(num)) docs.set(num, `${m[1]} số ${num}`);
    }
  }
  const announced = cleanOrNull(raw.announcedBy);
  return uniq([...(announced ? [`Quyết định công bố ${announced}`] : []), ...laws, ...docs.values()]);
}

const HOW: Record<ProcedureChannel['channel'], string> = {
  direct: 'trực tiếp tại Bộ phận Một cửa',
  online: 'trực tuyến trên Cổng Dịch vụ công',
  postal: 'qua dịch vụ bưu chính công ích',
};

/** The source has no step list: the standard one-stop steps, with where to submit when known. */
export function standardSteps(
  channels: ProcedureChannel[], where: string | null, agencyText: string, results: ProcedureResult[],
): string[] {
  const how = channels.map((c) => (c.channel === 'direct' && where ? `trực tiếp (${where})` : HOW[c.channel]));
  const submit = how.length > 0 ? `Nộp hồ sơ: ${how.join('; ')}.` : 'Nộp hồ sơ.';
  const resultNames = results.map((r) => r.name).join('; ');
  return [
    submit,
    'Tiếp nhận và kiểm tra hồ sơ: kiểm tra tính đầy đủ, hợp lệ; cấp Giấy tiếp nhận hồ sơ và hẹn trả kết quả, ' +
      'hoặc hướng dẫn bổ sung, hoàn thiện, hoặc từ chối tiếp nhận (nêu rõ lý do).',
    `Giải quyết hồ sơ: ${agencyText || 'cơ quan có thẩm quyền'} xem xét, giải quyết theo quy định.`,
    resultNames ? `Trả kết quả: ${resultNames}.` : 'Trả kết quả.',
  ];
}

/** One source record → a Procedure. `communes` feeds the e-form's commune list (may be empty). */
export function mapSourceProcedure(raw: SourceProcedure, communes: readonly CommuneOption[] = []): Procedure {
  const name = clean(raw.name);
  const fieldName = clean(raw.field);
  const channels = mapChannels(raw);
  const agencyText = uniq((raw.agencies ?? []).map(clean).filter((a) => a !== '')).join('; ') ||
    (cleanOrNull(raw.competentAuthority) ?? '');
  const results: ProcedureResult[] = raw.results
    .map((r) => ({ code: cleanOrNull(r.code), name: clean(r.name) }))
    .filter((r) => r.name !== '');
  const where = whereToSubmit(raw);
  const onlineLevel = onlineLevelOf(raw);
  const base = { code: clean(raw.code), name, fieldName };
  return {
    ...base,
    fieldCode: fieldCodeOf(fieldName),
    level: raw.level,
    agencyKind: agencyKindOf(raw),
    agencyText,
    issuingMinistry: cleanOrNull(raw.issuingMinistry),
    applicants: cleanOrNull(raw.applicants),
    requirements: cleanMultiline(raw.requirements),
    steps: standardSteps(channels, where, agencyText, results),
    channels,
    components: mapComponents(raw),
    results,
    onlineLevel,
    legalBasis: legalBasisOf(raw),
    whereToSubmit: where,
    sourceUrl: cleanOrNull(raw.sourceUrl),
    eform: onlineLevel == null ? null : eformFor(base, communes),
  };
}

/**
 * A whole source file (parsed JSON) → Procedures, in input order. Throws an Error naming the index
 * of the first bad record, or of a repeated procedure code. Used by `motcua import procedures FILE`.
 */
export function mapSourceFile(json: unknown, communes: readonly CommuneOption[] = []): Procedure[] {
  if (!Array.isArray(json)) throw new Error('procedure file: expected a JSON array of procedure records');
  const seen = new Map<string, number>();
  return json.map((x: unknown, i: number) => {
    assertSourceProcedure(x, i);
    const code = clean(x.code);
    const first = seen.get(code);
    if (first !== undefined) throw new Error(`procedure record #${i} (${code}): code already used by record #${first}`);
    seen.set(code, i);
    return mapSourceProcedure(x, communes);
  });
}
