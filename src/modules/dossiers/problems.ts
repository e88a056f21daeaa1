/** The dossiers module's problem types, merged into the catalogue of problems when this file loads. */
import { registerProblems, type ProblemDefs, type ProblemNames } from '../../platform/errors.ts';

export const DOSSIER_PROBLEMS = {
  'version-conflict': { status: 409, vi: 'Hồ sơ vừa được người khác xử lý, vui lòng tải lại', en: 'Someone else acted on this dossier first; reload it' },
  'missing-components': { status: 422, vi: 'Thiếu thành phần hồ sơ bắt buộc', en: 'Required dossier components are missing' },
  'invalid-form': { status: 422, vi: 'Tờ khai điện tử không hợp lệ', en: 'The e-form data is invalid' },
  'not-online': { status: 422, vi: 'Thủ tục không tiếp nhận hồ sơ trực tuyến', en: 'This procedure is not offered online' },
} as const satisfies ProblemDefs;

registerProblems('dossiers', DOSSIER_PROBLEMS);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ProblemCatalog extends ProblemNames<typeof DOSSIER_PROBLEMS> {}
}
