/**
 * The record format of shared/data/procedures-sample.json: procedure pages of the National Public
 * Service Portal (dichvucong.gov.vn) as crawled by chatbot-tthc and flattened field by field
 * (see shared/data/SOURCES.md §2). Only the fields motcua reads are required here.
 */

export interface SourceChannel {
  channel: 'direct' | 'online' | 'postal';
  /** Time as printed ("3 Ngày làm việc", "1", "20 Ngày", "1 Giờ"), null when none. */
  time: string | null;
  timeValue: number | null;
  /** "Ngày làm việc" | "Ngày" | "Giờ" | null (no unit printed). */
  timeUnit: string | null;
  fee: string | null;
  feeUnit: string | null;
  feeVND: number | null;
  feeNote: string | null;
  /** Time and fee could not be split apart; both are null. */
  ambiguous?: boolean;
  raw?: string;
}

export interface SourceComponent {
  name: string;
  form: string | null;
  originals: number;
  copies: number;
  /** The case heading the document falls under (best effort). */
  group: string | null;
}

export interface SourceResult {
  name: string;
  code: string | null;
}

export interface SourceProcedure {
  code: string;
  name: string;
  field: string;
  level: 'commune' | 'province';
  levels?: string[];
  levelText?: string | null;
  issuingMinistry: string | null;
  agencies: string[] | null;
  agenciesSource?: string | null;
  /** Derived by the data preparer from agency names (not in the portal). */
  agencyType: string[] | null;
  competentAuthority?: string | null;
  applicants: string | null;
  procedureType?: string | null;
  /** The decision that published the procedure, e.g. "163/QĐ-BTP". */
  announcedBy: string | null;
  processingDays: number | null;
  processingDaysUnit: 'working_days' | 'calendar_days' | null;
  feeVND: number | null;
  onlineSubmission: boolean;
  onlineLevel: 'full' | 'partial' | null;
  channels: SourceChannel[];
  components: SourceComponent[];
  componentsRaw: string | null;
  channelsRaw: string | null;
  results: SourceResult[];
  requirements: string | null;
  sourceUrl: string | null;
  sourceFile?: string | null;
  parseStatus?: Record<string, string>;
}

/** Throws an Error naming the index and the field when `x` is not a usable source record. */
export function assertSourceProcedure(x: unknown, index: number): asserts x is SourceProcedure {
  const fail = (what: string): never => {
    const code = isObject(x) && typeof x['code'] === 'string' ? ` (${x['code']})` : '';
    throw new Error(`procedure record #${index}${code}: ${what}`);
  };
  if (!isObject(x)) fail('not an object');
  const r = x as Record<string, unknown>;
  for (const k of ['code', 'name', 'field'] as const) {
    if (typeof r[k] !== 'string' || (r[k] as string).trim() === '') fail(`"${k}" must be a non-empty string`);
  }
  if (r['level'] !== 'commune' && r['level'] !== 'province') fail('"level" must be "commune" or "province"');
  if (typeof r['onlineSubmission'] !== 'boolean') fail('"onlineSubmission" must be a boolean');
  for (const k of ['channels', 'components', 'results'] as const) {
    if (!Array.isArray(r[k])) fail(`"${k}" must be an array`);
  }
  for (const k of ['agencies', 'agencyType'] as const) {
    if (r[k] != null && !(Array.isArray(r[k]) && (r[k] as unknown[]).every((s) => typeof s === 'string'))) {
      fail(`"${k}" must be an array of strings or null`);
    }
  }
  (r['channels'] as unknown[]).forEach((c, i) => {
    if (!isObject(c) || !['direct', 'online', 'postal'].includes(c['channel'] as string)) {
      fail(`channels[${i}].channel must be direct|online|postal`);
    }
  });
  (r['components'] as unknown[]).forEach((c, i) => {
    if (!isObject(c) || typeof c['name'] !== 'string') fail(`components[${i}].name must be a string`);
    const o = c as Record<string, unknown>;
    if (!Number.isInteger(o['originals']) || !Number.isInteger(o['copies'])) {
      fail(`components[${i}] originals/copies must be integers`);
    }
  });
  (r['results'] as unknown[]).forEach((c, i) => {
    if (!isObject(c) || typeof c['name'] !== 'string') fail(`results[${i}].name must be a string`);
  });
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
