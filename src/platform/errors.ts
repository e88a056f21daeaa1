/**
 * RFC 9457 problem details with a stable `type`, Vietnamese and English titles and field details.
 * The catalogue of problems is data: one entry per type. The platform's generic types are here; each
 * module adds its own (`src/modules/<name>/problems.ts`: `registerProblems` at load, and the type names
 * merged into `ProblemCatalog` by declaration so that `new AppError('…')` is checked).
 */
export interface ProblemDef {
  status: number;
  vi: string;
  en: string;
}
export type ProblemDefs = Record<string, ProblemDef>;

export const PLATFORM_PROBLEMS = {
  'bad-request': { status: 400, vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
  'malformed-json': { status: 400, vi: 'Nội dung JSON sai cú pháp', en: 'Malformed JSON body' },
  validation: { status: 400, vi: 'Dữ liệu không hợp lệ', en: 'Invalid request data' },
  unauthenticated: { status: 401, vi: 'Chưa đăng nhập hoặc phiên đã hết hạn', en: 'Not signed in or session expired' },
  forbidden: { status: 403, vi: 'Không có quyền thực hiện', en: 'Not allowed' },
  'cross-site-request': { status: 403, vi: 'Yêu cầu từ trang web khác bị từ chối', en: 'Request from another site refused' },
  'not-found': { status: 404, vi: 'Không tìm thấy', en: 'Not found' },
  conflict: { status: 409, vi: 'Xung đột dữ liệu', en: 'Conflict' },
  'action-not-allowed': { status: 409, vi: 'Thao tác không được phép ở trạng thái hiện tại của hồ sơ', en: 'This action is not allowed in the dossier\'s current state' },
  'precondition-required': { status: 428, vi: 'Thiếu tiêu đề If-Match (phiên bản hồ sơ)', en: 'If-Match header (the dossier version) is required' },
  'idempotency-key-reused': { status: 422, vi: 'Khóa Idempotency-Key đã dùng cho một yêu cầu khác', en: 'Idempotency-Key was used for a different request' },
  'malformed-multipart': { status: 400, vi: 'Nội dung multipart/form-data sai cú pháp', en: 'Malformed multipart/form-data body' },
  'file-too-large': { status: 413, vi: 'Tệp vượt quá dung lượng cho phép', en: 'File too large' },
  'payload-too-large': { status: 413, vi: 'Nội dung yêu cầu quá lớn', en: 'Request body too large' },
  'uri-too-long': { status: 414, vi: 'Địa chỉ yêu cầu (URL) quá dài', en: 'URI too long' },
  'unsupported-media-type': { status: 415, vi: 'Kiểu nội dung không được hỗ trợ', en: 'Unsupported content type' },
  'rate-limited': { status: 429, vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau', en: 'Too many requests, try again later' },
  unavailable: { status: 503, vi: 'Dịch vụ tạm thời không sẵn sàng', en: 'Service temporarily unavailable' },
  internal: { status: 500, vi: 'Lỗi hệ thống', en: 'Internal error' },
} as const satisfies ProblemDefs;

/** The names of a set of problem definitions, as `ProblemCatalog` members. */
export type ProblemNames<T extends ProblemDefs> = { [K in keyof T]: true };

/** Every problem type; modules add theirs: `declare module '…/platform/errors.ts' { interface ProblemCatalog extends ProblemNames<typeof X> {} }`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProblemCatalog extends ProblemNames<typeof PLATFORM_PROBLEMS> {}

export type ProblemType = keyof ProblemCatalog & string;

const catalogue = new Map<string, ProblemDef & { owner: string }>(Object.entries(PLATFORM_PROBLEMS).map(([k, v]) => [k, { ...v, owner: 'platform' }]));

/** Adds a module's problem types to the catalogue (idempotent; a name taken by another owner is an error). */
export function registerProblems(owner: string, defs: ProblemDefs): void {
  for (const [type, def] of Object.entries(defs)) {
    const had = catalogue.get(type);
    if (had && had.owner !== owner) throw new Error(`problem type ${type} of ${owner} is already defined by ${had.owner}`);
    catalogue.set(type, { ...def, owner });
  }
}

/** A problem type's definition; a type nobody registered is a programming error. */
export function problemDef(type: ProblemType): ProblemDef {
  const def = catalogue.get(type);
  if (!def) throw new Error(`unknown problem type ${type}: is its module's problems.ts loaded?`);
  return def;
}

/** The whole catalogue (for the API documentation and tests). */
export function problemCatalogue(): ReadonlyMap<string, ProblemDef & { owner: string }> {
  return catalogue;
}

export interface FieldError {
  /** JSON Pointer into the request, e.g. "/body/formData/applicantIdNumber" or "/files/TP01". */
  pointer: string;
  detail: string;
}

/**
 * A detail written for the person using the application, in both languages: plain words, what went
 * wrong and what to do — no media types, byte counts or field names (those go in extension members).
 */
export interface PlainText {
  vi: string;
  en: string;
}

/** A detail: developer text for API clients (a string), or plain words for people (PlainText). */
export type Detail = string | PlainText;

export class AppError extends Error {
  readonly type: ProblemType;
  readonly status: number;
  readonly detail: Detail | undefined;
  readonly errors: FieldError[] | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(type: ProblemType, detail?: Detail, opts: { errors?: FieldError[]; extra?: Record<string, unknown> } = {}) {
    const def = problemDef(type);
    super(typeof detail === 'object' ? detail.en : (detail ?? def.en));
    this.type = type;
    this.status = def.status;
    this.detail = detail;
    this.errors = opts.errors;
    this.extra = opts.extra;
  }
}

export interface ProblemBody {
  type: string;
  title: string;
  titleVi: string;
  titleEn: string;
  status: number;
  detail?: string;
  /** Present when the detail is plain words for people (then `detail` is one of them, in the asked language). */
  detailVi?: string;
  detailEn?: string;
  instance?: string;
  errors?: FieldError[];
  [k: string]: unknown;
}

export function problemBody(
  type: ProblemType,
  lang: 'vi' | 'en',
  opts: { detail?: Detail; instance?: string; errors?: FieldError[]; extra?: Record<string, unknown> } = {},
): ProblemBody {
  const p = problemDef(type);
  const d = opts.detail;
  const detail = typeof d === 'object' ? { detail: lang === 'en' ? d.en : d.vi, detailVi: d.vi, detailEn: d.en } : d ? { detail: d } : {};
  return {
    ...opts.extra,
    type: `/problems/${type}`,
    title: lang === 'en' ? p.en : p.vi,
    titleVi: p.vi,
    titleEn: p.en,
    status: p.status,
    ...detail,
    ...(opts.instance ? { instance: opts.instance } : {}),
    ...(opts.errors?.length ? { errors: opts.errors } : {}),
  };
}
