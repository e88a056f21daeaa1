/** The files module's problem types, merged into the catalogue of problems when this file loads. */
import { registerProblems, type ProblemDefs, type ProblemNames } from '../../platform/errors.ts';

export const FILE_PROBLEMS = {
  'unsupported-file-type': { status: 415, vi: 'Chỉ chấp nhận tệp PDF, JPEG hoặc PNG', en: 'Only PDF, JPEG and PNG files are accepted' },
  'upload-quota-exceeded': {
    status: 413,
    vi: 'Tài khoản đã dùng hết dung lượng lưu trữ tệp tải lên',
    en: 'The account has used up its storage for uploaded files',
  },
  'pdf-active-content': {
    status: 422,
    vi: 'Tệp PDF chứa mã lệnh (JavaScript), hành động tự chạy hoặc tệp đính kèm nên không được chấp nhận; hãy in ra PDF hoặc quét lại',
    en: 'The PDF contains script (JavaScript), automatic actions or embedded files and is not accepted; print it to PDF or scan it again',
  },
  'pdf-unreadable': {
    status: 422,
    vi: 'Không kiểm tra được tệp PDF (có mật khẩu, bị mã hóa hoặc bị hỏng)',
    en: 'The PDF could not be checked (password-protected, encrypted or damaged)',
  },
} as const satisfies ProblemDefs;

registerProblems('files', FILE_PROBLEMS);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ProblemCatalog extends ProblemNames<typeof FILE_PROBLEMS> {}
}
