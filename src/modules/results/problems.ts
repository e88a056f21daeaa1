/** The results module's problem types, merged into the catalogue of problems when this file loads. */
import { registerProblems, type ProblemDefs, type ProblemNames } from '../../platform/errors.ts';

export const RESULT_PROBLEMS = {
  'verification-timeout': {
    status: 422,
    vi: 'Không kiểm tra xong văn bản trong thời gian cho phép (tệp quá phức tạp hoặc hệ thống đang bận)',
    en: 'The document could not be verified within the time allowed (too complex, or the service is busy)',
  },
  'no-result-draft': {
    status: 409,
    vi: 'Hồ sơ không có dự thảo kết quả để xem (chưa đến bước xử lý hoặc kết quả đã được ký)',
    en: 'There is no draft result to show (the dossier is not being processed, or its result is already signed)',
  },
  'not-certifiable': {
    status: 422,
    vi: 'Không chứng thực bản sao được cho hồ sơ này (thủ tục không phải chứng thực bản sao, hoặc hồ sơ đã dừng)',
    en: 'No certified copy can be issued for this dossier (not a certification of copies, or the dossier is closed)',
  },
  'already-certified': {
    status: 409,
    vi: 'Bản chụp này đã được chứng thực; bản sao điện tử đã cấp nằm trong danh sách văn bản của hồ sơ',
    en: 'This scan is already certified; its certified copy is among the dossier\'s documents',
  },
  'verification-failed': { status: 422, vi: 'Không kiểm tra được văn bản này', en: 'This document could not be verified' },
} as const satisfies ProblemDefs;

registerProblems('results', RESULT_PROBLEMS);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ProblemCatalog extends ProblemNames<typeof RESULT_PROBLEMS> {}
}
