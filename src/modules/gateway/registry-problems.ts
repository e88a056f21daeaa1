/** The gateway registry's problem types (admin API and command line), merged into the catalogue when this file loads. */
import { registerProblems, type ProblemDefs, type ProblemNames } from '../../platform/errors.ts';

export const REGISTRY_PROBLEMS = {
  'gateway-bad-identifier': {
    status: 400, vi: 'Mã định danh không hợp lệ (dạng INSTANCE/CLASS/MEMBER/SUBSYSTEM[/SERVICE], không chứa / \\ : ; % hay khoảng trắng)',
    en: 'Malformed identifier (INSTANCE/CLASS/MEMBER/SUBSYSTEM[/SERVICE], without / \\ : ; % or whitespace in a part)',
  },
  'gateway-unknown-member': { status: 404, vi: 'Không có thành viên này trong danh bạ', en: 'No such member in the registry' },
  'gateway-unknown-subsystem': { status: 404, vi: 'Không có hệ thống con này trong danh bạ', en: 'No such subsystem in the registry' },
  'gateway-unknown-service': { status: 404, vi: 'Không có dịch vụ này trong danh bạ', en: 'No such service in the registry' },
  'gateway-unknown-client': { status: 404, vi: 'Không có mã ứng dụng (client_id) này', en: 'No such client id' },
  'gateway-unknown-group': { status: 404, vi: 'Không có nhóm này', en: 'No such group' },
  'gateway-duplicate': { status: 409, vi: 'Đã có trong danh bạ', en: 'Already registered' },
  'gateway-bad-url': { status: 400, vi: 'Địa chỉ dịch vụ phải là URL http hoặc https đầy đủ', en: 'The service address must be a full http or https URL' },
  'gateway-bad-openapi': { status: 400, vi: 'Tài liệu OpenAPI không hợp lệ (cần OpenAPI 3.x dạng JSON hoặc YAML)', en: 'Invalid OpenAPI document (OpenAPI 3.x, JSON or YAML, expected)' },
  'gateway-bad-certificate': { status: 400, vi: 'Chứng thư số không hợp lệ (cần một chứng thư X.509 dạng PEM)', en: 'Invalid certificate (an X.509 certificate in PEM expected)' },
  'gateway-bad-endpoint': { status: 400, vi: 'Điểm cuối không hợp lệ (phương thức GET, POST, … hoặc *, đường dẫn bắt đầu bằng / hoặc *)', en: 'Invalid endpoint (method GET, POST, … or *; path starting with / or *)' },
} as const satisfies ProblemDefs;

registerProblems('gateway', REGISTRY_PROBLEMS);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ProblemCatalog extends ProblemNames<typeof REGISTRY_PROBLEMS> {}
}
