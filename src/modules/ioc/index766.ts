/**
 * The Decision 766/QĐ-TTg index (100 points) as data: groups, indicators, their points and formulas,
 * de facto as reverse-engineered from the national portal's published scores (domain.md §5). Change
 * the numbers here, not in code. Each indicator is `points × min(1, (numerator / denominator) / fullAt)`;
 * an input the platform does not produce yet is `null` and the indicator is "no data" (never 0, never
 * full marks); a group with no scorable indicator is "no data" too.
 */

/** The inputs of the index for one entity and period; null = not produced by the platform (yet). */
export const INPUTS = [
  'procedures', 'procedures_online', 'procedures_complete', 'procedures_published_on_time', 'procedures_updated_on_time',
  'online_services', 'online_services_used', 'received', 'received_online', 'settled_timed', 'early_on_time',
  'synced_national', 'procedures_with_fees', 'procedures_with_fees_online', 'procedures_paid_online',
  'with_financial_obligation', 'paid_online', 'rated', 'rated_satisfied', 'complaints', 'complaints_on_time',
  'complaints_rated', 'complaints_satisfied', 'returned_known', 'returned_electronic', 'digitised', 'reused',
  'synced_personal_store', 'population_connected', 'procedures_population_connected', 'certified_copies_requested',
  'certified_copies_electronic',
] as const;
export type InputName = (typeof INPUTS)[number];
export type Inputs = Record<InputName, number | null>;

export interface IndicatorDef {
  key: string;
  vi: string;
  en: string;
  points: number;
  num: InputName;
  den: InputName;
  /** The ratio that earns full points (default 1). */
  fullAt?: number;
  /** Points when the denominator is 0 (e.g. nobody rated → 0, no complaints → full); default "no data". */
  ifNone?: number;
}

export interface GroupDef {
  key: string;
  vi: string;
  en: string;
  points: number;
  indicators: IndicatorDef[];
}

export const INDEX_766: readonly GroupDef[] = [
  { key: 'transparency', vi: 'Công khai, minh bạch', en: 'Transparency', points: 18, indicators: [
    { key: 'published_on_time', vi: 'Công bố TTHC đúng hạn', en: 'Procedures published on time', points: 6, num: 'procedures_published_on_time', den: 'procedures' },
    { key: 'updated_on_time', vi: 'Cập nhật TTHC đúng hạn', en: 'Procedures updated on time', points: 4, num: 'procedures_updated_on_time', den: 'procedures' },
    { key: 'content_complete', vi: 'Nội dung TTHC đầy đủ', en: 'Procedure content complete', points: 2, num: 'procedures_complete', den: 'procedures' },
    { key: 'synced_national', vi: 'Hồ sơ đồng bộ lên Cổng DVCQG', en: 'Dossiers synced to the national portal', points: 6, num: 'synced_national', den: 'received' },
  ] },
  { key: 'timeliness', vi: 'Tiến độ giải quyết', en: 'Timeliness', points: 20, indicators: [
    { key: 'on_time', vi: 'Hồ sơ giải quyết trước hạn, đúng hạn', en: 'Dossiers settled early or on time', points: 20, num: 'early_on_time', den: 'settled_timed' },
  ] },
  { key: 'online_service', vi: 'Dịch vụ trực tuyến', en: 'Online service', points: 12, indicators: [
    { key: 'offered_online', vi: 'TTHC cung cấp trực tuyến (A)', en: 'Procedures offered online (A)', points: 2, num: 'procedures_online', den: 'procedures', fullAt: 0.8 },
    { key: 'online_used', vi: 'DVC trực tuyến có phát sinh hồ sơ (B)', en: 'Online services with at least one dossier (B)', points: 4, num: 'online_services_used', den: 'online_services' },
    { key: 'submitted_online', vi: 'Hồ sơ nộp trực tuyến (C)', en: 'Dossiers submitted online (C)', points: 6, num: 'received_online', den: 'received', fullAt: 0.5 },
  ] },
  { key: 'online_payment', vi: 'Thanh toán trực tuyến', en: 'Online payment', points: 10, indicators: [
    { key: 'fees_online', vi: 'TTHC có phí cho phép thanh toán trực tuyến', en: 'Procedures with fees payable online', points: 2, num: 'procedures_with_fees_online', den: 'procedures_with_fees' },
    { key: 'procedures_paid', vi: 'TTHC có phát sinh thanh toán trực tuyến', en: 'Procedures with at least one online payment', points: 2, num: 'procedures_paid_online', den: 'procedures_with_fees' },
    { key: 'dossiers_paid', vi: 'Hồ sơ thanh toán trực tuyến', en: 'Dossiers paid online', points: 6, num: 'paid_online', den: 'with_financial_obligation' },
  ] },
  { key: 'satisfaction', vi: 'Mức độ hài lòng', en: 'Satisfaction', points: 18, indicators: [
    { key: 'receiving_satisfaction', vi: 'Hài lòng về tiếp nhận, giải quyết', en: 'Satisfaction with receiving and handling', points: 6, num: 'rated_satisfied', den: 'rated', fullAt: 0.9, ifNone: 0 },
    { key: 'complaints_on_time', vi: 'Phản ánh, kiến nghị xử lý đúng hạn', en: 'Complaints handled on time', points: 6, num: 'complaints_on_time', den: 'complaints', ifNone: 6 },
    { key: 'complaints_satisfaction', vi: 'Hài lòng về xử lý phản ánh, kiến nghị', en: 'Satisfaction with complaint handling', points: 6, num: 'complaints_satisfied', den: 'complaints_rated', ifNone: 6 },
  ] },
  { key: 'digitisation', vi: 'Số hóa hồ sơ', en: 'Digitisation', points: 22, indicators: [
    { key: 'electronic_results', vi: 'Kết quả giải quyết điện tử', en: 'Results returned electronically', points: 6, num: 'returned_electronic', den: 'returned_known' },
    { key: 'digitised', vi: 'Hồ sơ được số hóa', en: 'Dossiers digitised', points: 4, num: 'digitised', den: 'received' },
    { key: 'reused', vi: 'Tái sử dụng dữ liệu số hóa', en: 'Digitised data reused', points: 2, num: 'reused', den: 'received', fullAt: 0.8 },
    { key: 'personal_store', vi: 'Đồng bộ kho dữ liệu cá nhân', en: 'Synced to the personal data store', points: 4, num: 'synced_personal_store', den: 'received' },
    { key: 'population_dossiers', vi: 'Hồ sơ kết nối CSDL dân cư', en: 'Dossiers connected to the population database', points: 2, num: 'population_connected', den: 'received' },
    { key: 'population_procedures', vi: 'TTHC kết nối CSDL dân cư', en: 'Procedures connected to the population database', points: 2, num: 'procedures_population_connected', den: 'procedures' },
    { key: 'certified_copies', vi: 'Chứng thực bản sao điện tử', en: 'Electronic certified copies', points: 2, num: 'certified_copies_electronic', den: 'certified_copies_requested' },
  ] },
];

export type IndicatorStatus = 'scored' | 'no_data';

export interface IndicatorScore {
  key: string;
  name: { vi: string; en: string };
  max: number;
  points: number | null;
  /** numerator / denominator, null when not computable. */
  ratio: number | null;
  numerator: number | null;
  denominator: number | null;
  status: IndicatorStatus;
}

export interface GroupScore {
  key: string;
  name: { vi: string; en: string };
  max: number;
  /** null: no indicator of the group could be scored ("no data"). */
  points: number | null;
  scorableMax: number;
  indicators: IndicatorScore[];
}

export interface IndexScore {
  /** Points of the scorable indicators, out of 100 (null when nothing was scorable). */
  score: number | null;
  max: 100;
  /** The points the scorable indicators could have earned. */
  scorableMax: number;
  /** score / scorableMax × 100: the score as if the missing indicators had done equally well. */
  normalized: number | null;
  scorable: string[];
  noData: string[];
  groups: GroupScore[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

const names = new WeakMap<IndicatorDef, { vi: string; en: string }>();

export function scoreIndicator(def: IndicatorDef, inputs: Inputs): IndicatorScore {
  const num = inputs[def.num];
  const den = inputs[def.den];
  let name = names.get(def);
  if (!name) names.set(def, (name = { vi: def.vi, en: def.en }));
  let points: number | null = null;
  let ratio: number | null = null;
  if (num !== null && den !== null) {
    if (den === 0) points = def.ifNone ?? null;
    else {
      ratio = Math.round((num / den) * 10_000) / 10_000;
      points = round2(Math.min(def.points, (def.points * (num / den)) / (def.fullAt ?? 1)));
    }
  }
  return { key: def.key, name, max: def.points, points, ratio, numerator: num, denominator: den, status: points === null ? 'no_data' : 'scored' };
}

/** Scores the index from its inputs with the configuration (default: INDEX_766). */
export function scoreIndex(inputs: Inputs, config: readonly GroupDef[] = INDEX_766): IndexScore {
  const groups: GroupScore[] = config.map((g) => {
    const indicators = g.indicators.map((d) => scoreIndicator(d, inputs));
    const scored = indicators.filter((i) => i.status === 'scored');
    return {
      key: g.key, name: { vi: g.vi, en: g.en }, max: g.points, indicators,
      points: scored.length ? round2(scored.reduce((a, i) => a + i.points!, 0)) : null,
      scorableMax: scored.reduce((a, i) => a + i.max, 0),
    };
  });
  const all = groups.flatMap((g) => g.indicators);
  const scored = all.filter((i) => i.status === 'scored');
  const score = scored.length ? round2(scored.reduce((a, i) => a + i.points!, 0)) : null;
  const scorableMax = scored.reduce((a, i) => a + i.max, 0);
  return {
    score, max: 100, scorableMax,
    normalized: score === null || scorableMax === 0 ? null : round2((score / scorableMax) * 100),
    scorable: scored.map((i) => i.key),
    noData: all.filter((i) => i.status === 'no_data').map((i) => i.key),
    groups,
  };
}
