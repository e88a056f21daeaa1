/** The identity module's problem types, merged into the catalogue of problems when this file loads. */
import { registerProblems, type ProblemDefs, type ProblemNames } from '../../platform/errors.ts';

export const IDENTITY_PROBLEMS = {
  'invalid-credentials': { status: 401, vi: 'Tên đăng nhập hoặc mật khẩu không đúng', en: 'Wrong username or password' },
  'account-locked': { status: 423, vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần', en: 'Account temporarily locked after repeated failed sign-ins' },
  'already-verified': { status: 409, vi: 'Tài khoản đã được xác thực', en: 'This account is already verified' },
  'id-number-verified-elsewhere': {
    status: 409, vi: 'Số định danh này đã được xác thực cho một tài khoản khác; khóa tài khoản đó trước',
    en: 'Another account is verified for this ID number; disable that account first',
  },
} as const satisfies ProblemDefs;

registerProblems('identity', IDENTITY_PROBLEMS);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ProblemCatalog extends ProblemNames<typeof IDENTITY_PROBLEMS> {}
}
