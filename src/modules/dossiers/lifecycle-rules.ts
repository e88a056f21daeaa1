/**
 * The lifecycle's rules as data: actions, the actions allowed per status (exhaustive, checked by the
 * compiler), the statuses each action may lead to, and who may perform each action.
 */
import type { StatusCode } from './model.ts';
import type { StepAction } from './workflow.ts';

export const ACTIONS = [
  'submit',
  'receive',
  'register_counter',
  'refuse',
  'request_supplement',
  'resubmit_supplement',
  'assign',
  'forward',
  'send_back',
  'propose_refusal',
  'approve',
  'sign',
  'transfer',
  'request_payment',
  'confirm_payment',
  'issue_result',
  'return_result',
  'request_withdrawal',
  'accept_withdrawal',
  'reschedule',
  'rate',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Actions that create a dossier (there is no status before them). */
export const CREATION_ACTIONS = ['submit', 'register_counter'] as const satisfies readonly Action[];

/** The actions allowed in each status. Terminal: 3 refused, 8 stopped; 10 only takes the rating. */
export const ALLOWED = {
  1: ['receive', 'refuse', 'request_supplement', 'request_withdrawal'],
  2: ['assign', 'request_supplement', 'request_withdrawal'],
  3: [],
  4: [
    'forward', 'send_back', 'transfer', 'propose_refusal', 'approve', 'sign', 'request_supplement',
    'request_payment', 'issue_result', 'reschedule', 'request_withdrawal',
  ],
  5: ['resubmit_supplement', 'request_withdrawal'],
  6: ['confirm_payment', 'reschedule', 'request_withdrawal'],
  7: ['accept_withdrawal'],
  8: [],
  9: ['request_payment', 'return_result'],
  10: ['rate'],
} as const satisfies Record<StatusCode, readonly Action[]>;

/**
 * The statuses an accepted action may lead to. `resubmit_supplement` and `confirm_payment` go back to
 * the status the dossier had when the supplement or payment was requested.
 */
export const TARGETS = {
  submit: [1],
  receive: [2],
  register_counter: [2],
  refuse: [3],
  request_supplement: [5],
  resubmit_supplement: [1, 2, 4],
  assign: [4],
  forward: [4],
  send_back: [4],
  propose_refusal: [4],
  approve: [4],
  sign: [4],
  transfer: [4],
  request_payment: [6],
  confirm_payment: [4, 9],
  issue_result: [9],
  return_result: [10],
  request_withdrawal: [7],
  accept_withdrawal: [8],
  reschedule: [4, 6],
  rate: [10],
} as const satisfies Record<Action, readonly StatusCode[]>;

/**
 * Who may act:
 * - `applicant`: the citizen who owns the dossier;
 * - `desk`: a `counter_officer` of the receiving one-stop desk;
 * - `step`: an officer holding the current step's role in the agency acting at the current step;
 * - `first_step`: an officer holding the first step's role in the agency acting at the first step;
 * - `handling_leader`: an `agency_leader` of the procedure's handling agency;
 * - `system`: the platform itself (payment-platform callback, electronic return of the result).
 */
export type Party = 'applicant' | 'desk' | 'step' | 'first_step' | 'handling_leader' | 'system';
export interface PermissionRule {
  party: Party;
  /** Only in these statuses (default: wherever ALLOWED lets the action happen). */
  statuses?: readonly StatusCode[];
}

export const PERMISSIONS = {
  submit: [{ party: 'applicant' }],
  receive: [{ party: 'desk' }],
  register_counter: [{ party: 'desk' }],
  refuse: [{ party: 'desk' }],
  request_supplement: [{ party: 'desk', statuses: [1, 2] }, { party: 'step', statuses: [4] }],
  resubmit_supplement: [{ party: 'applicant' }, { party: 'desk' }],
  assign: [{ party: 'desk' }, { party: 'first_step' }],
  forward: [{ party: 'step' }],
  send_back: [{ party: 'step' }],
  propose_refusal: [{ party: 'step' }],
  approve: [{ party: 'step' }],
  sign: [{ party: 'step' }],
  transfer: [{ party: 'step' }],
  request_payment: [{ party: 'step', statuses: [4] }, { party: 'desk', statuses: [9] }],
  confirm_payment: [{ party: 'desk' }, { party: 'step' }, { party: 'system' }],
  issue_result: [{ party: 'step' }],
  return_result: [{ party: 'desk' }, { party: 'system' }],
  request_withdrawal: [{ party: 'applicant' }],
  accept_withdrawal: [{ party: 'desk' }, { party: 'handling_leader' }],
  reschedule: [{ party: 'step' }, { party: 'handling_leader' }],
  rate: [{ party: 'applicant' }],
} as const satisfies Record<Action, readonly PermissionRule[]>;

/** Actions that, when done by the `step` party, must be listed in the current step's actions. */
export const STEP_GATED = {
  request_supplement: 'request_supplement',
  forward: 'forward',
  send_back: 'send_back',
  propose_refusal: 'propose_refusal',
  approve: 'approve',
  sign: 'sign',
  transfer: 'transfer',
  issue_result: 'issue_result',
} as const satisfies Partial<Record<Action, StepAction>>;

/**
 * The largest amount an officer may ask the applicant to pay, in đồng: a trillion (fees and charges
 * are far below; a land-use levy can run to billions). Any whole amount from 1 đồng up to it is valid.
 */
export const MAX_AMOUNT_VND = 1_000_000_000_000;

export const RATINGS = ['very_satisfied', 'satisfied', 'not_satisfied'] as const;
export type Rating = (typeof RATINGS)[number];

/** How a result reaches the applicant: at the counter, by post, or electronically (their document store). */
export const RETURN_METHODS = ['counter', 'postal', 'electronic'] as const;
export type ReturnMethod = (typeof RETURN_METHODS)[number];
export const RATING_NAMES = {
  very_satisfied: { vi: 'Rất hài lòng', en: 'Very satisfied' },
  satisfied: { vi: 'Hài lòng', en: 'Satisfied' },
  not_satisfied: { vi: 'Không hài lòng', en: 'Not satisfied' },
} as const satisfies Record<Rating, { vi: string; en: string }>;

/** Vietnamese labels of the actions, for the processing history (NoiDungXuLy). */
export const ACTION_NAMES = {
  submit: 'Nộp hồ sơ trực tuyến',
  receive: 'Tiếp nhận hồ sơ',
  register_counter: 'Tiếp nhận hồ sơ trực tiếp',
  refuse: 'Từ chối tiếp nhận hồ sơ',
  request_supplement: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
  resubmit_supplement: 'Bổ sung hồ sơ',
  assign: 'Chuyển xử lý',
  forward: 'Chuyển bước xử lý',
  send_back: 'Trả lại bước trước',
  propose_refusal: 'Đề xuất từ chối giải quyết',
  approve: 'Phê duyệt',
  sign: 'Ký duyệt',
  transfer: 'Chuyển liên thông',
  request_payment: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  confirm_payment: 'Xác nhận thực hiện nghĩa vụ tài chính',
  issue_result: 'Có kết quả giải quyết',
  return_result: 'Trả kết quả',
  request_withdrawal: 'Công dân yêu cầu rút hồ sơ',
  accept_withdrawal: 'Dừng xử lý hồ sơ',
  reschedule: 'Xin lỗi và hẹn lại ngày trả kết quả',
  rate: 'Đánh giá mức độ hài lòng',
} as const satisfies Record<Action, string>;
