/**
 * RFC 9457 problem details with a stable `type`, Vietnamese and English titles and field details.
 * The catalogue of problems is data: one entry per type.
 */
export const PROBLEMS = {
  'bad-request': { status: 400, vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
  'malformed-json': { status: 400, vi: 'Nội dung JSON sai cú pháp', en: 'Malformed JSON body' },
  validation: { status: 400, vi: 'Dữ liệu không hợp lệ', en: 'Invalid request data' },
  unauthenticated: { status: 401, vi: 'Chưa đăng nhập hoặc phiên đã hết hạn', en: 'Not signed in or session expired' },
  'invalid-credentials': { status: 401, vi: 'Tên đăng nhập hoặc mật khẩu không đúng', en: 'Wrong username or password' },
  forbidden: { status: 403, vi: 'Không có quyền thực hiện', en: 'Not allowed' },
  'account-locked': { status: 423, vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần', en: 'Account temporarily locked after repeated failed sign-ins' },
  'not-found': { status: 404, vi: 'Không tìm thấy', en: 'Not found' },
  conflict: { status: 409, vi: 'Xung đột dữ liệu', en: 'Conflict' },
  'already-registered': { status: 409, vi: 'Số định danh đã được đăng ký', en: 'This personal ID number is already registered' },
  'version-conflict': { status: 409, vi: 'Hồ sơ vừa được người khác xử lý, vui lòng tải lại', en: 'Someone else acted on this dossier first; reload it' },
  'action-not-allowed': { status: 409, vi: 'Thao tác không được phép ở trạng thái hiện tại của hồ sơ', en: 'This action is not allowed in the dossier\'s current state' },
  'precondition-required': { status: 428, vi: 'Thiếu tiêu đề If-Match (phiên bản hồ sơ)', en: 'If-Match header (the dossier version) is required' },
  'idempotency-key-reused': { status: 422, vi: 'Khóa Idempotency-Key đã dùng cho một yêu cầu khác', en: 'Idempotency-Key was used for a different request' },
  'missing-components': { status: 422, vi: 'Thiếu thành phần hồ sơ bắt buộc', en: 'Required dossier components are missing' },
  'invalid-form': { status: 422, vi: 'Tờ khai điện tử không hợp lệ', en: 'The e-form data is invalid' },
  'not-online': { status: 422, vi: 'Thủ tục không tiếp nhận hồ sơ trực tuyến', en: 'This procedure is not offered online' },
  'file-too-large': { status: 413, vi: 'Tệp vượt quá dung lượng cho phép', en: 'File too large' },
  'unsupported-file-type': { status: 415, vi: 'Chỉ chấp nhận tệp PDF, JPEG hoặc PNG', en: 'Only PDF, JPEG and PNG files are accepted' },
  'unsupported-media-type': { status: 415, vi: 'Kiểu nội dung không được hỗ trợ', en: 'Unsupported content type' },
  'rate-limited': { status: 429, vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau', en: 'Too many requests, try again later' },
  unavailable: { status: 503, vi: 'Dịch vụ tạm thời không sẵn sàng', en: 'Service temporarily unavailable' },
  internal: { status: 500, vi: 'Lỗi hệ thống', en: 'Internal error' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ProblemType = keyof typeof PROBLEMS;

export interface FieldError {
  /** JSON Pointer into the request, e.g. "/body/formData/applicantIdNumber" or "/files/TP01". */
  pointer: string;
  detail: string;
}

export class AppError extends Error {
  readonly type: ProblemType;
  readonly status: number;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(type: ProblemType, detail?: string, opts: { errors?: FieldError[]; extra?: Record<string, unknown> } = {}) {
    super(detail ?? PROBLEMS[type].en);
    this.type = type;
    this.status = PROBLEMS[type].status;
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
  instance?: string;
  errors?: FieldError[];
  [k: string]: unknown;
}

export function problemBody(
  type: ProblemType,
  lang: 'vi' | 'en',
  opts: { detail?: string; instance?: string; errors?: FieldError[]; extra?: Record<string, unknown> } = {},
): ProblemBody {
  const p = PROBLEMS[type];
  return {
    ...opts.extra,
    type: `/problems/${type}`,
    title: lang === 'en' ? p.en : p.vi,
    titleVi: p.vi,
    titleEn: p.en,
    status: p.status,
    ...(opts.detail ? { detail: opts.detail } : {}),
    ...(opts.instance ? { instance: opts.instance } : {}),
    ...(opts.errors?.length ? { errors: opts.errors } : {}),
  };
}
