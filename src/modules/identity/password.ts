/**
 * Password policy, pure: 8–128 characters with letters and digits, and not guessable — zxcvbn's
 * estimate (common passwords, English words, keyboard patterns, dates, plus Vietnamese words people use
 * in passwords and the account's own details) must put it at 10^6 guesses or more (score ≥ 2).
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

/** Words Vietnamese users put in passwords: "mật khẩu", greetings, places, names of this service. */
const VIETNAMESE = [
  'matkhau', 'matma', 'motcua', 'dichvucong', 'congdan', 'canbo', 'quantri', 'xinchao', 'anhyeuem', 'emyeuanh',
  'yeuem', 'yeuanh', 'vietnam', 'hanoi', 'saigon', 'hochiminh', 'danang', 'quangtri', 'hue', 'nguyen', 'tran',
  'le', 'pham', 'hoang', 'phan', 'vu', 'dang', 'bui', 'do', 'ho', 'ngo', 'duong', 'ly', 'minh', 'anh', 'linh',
  'huong', 'trang', 'thao', 'tuan', 'hung', 'dung', 'long', 'nam', 'hai', 'son', 'thanh', 'hoa', 'mai', 'lan',
];

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary, vi: VIETNAMESE },
  graphs: common.adjacencyGraphs,
});

/** Text without diacritics, in lower case: "Nguyễn Văn An" → "nguyen van an". */
function plain(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();
}

export interface PasswordProblem { vi: string; en: string }

/** Why this password is refused, or null. `about` are the account's own details (ID number, name, phone, username). */
export function passwordProblem(pw: string, about: readonly string[] = []): PasswordProblem | null {
  if (pw.length < 8 || pw.length > 128 || !/[0-9]/.test(pw) || !/[^0-9]/.test(pw)) {
    return { vi: 'Mật khẩu cần 8–128 ký tự, có cả chữ và số', en: 'Password needs 8–128 characters with letters and digits' };
  }
  const inputs = about.flatMap((a) => [plain(a), ...plain(a).split(/[\s.@_-]+/)]).filter((w) => w.length >= 3);
  if (zxcvbn.check(pw, inputs).score < 2) {
    return {
      vi: 'Mật khẩu quá dễ đoán (mật khẩu phổ biến, từ thông dụng, ngày tháng hoặc thông tin của chính bạn); hãy dùng một cụm từ dài hơn',
      en: 'Password is too easy to guess (a common password, word, date or your own details); use a longer phrase',
    };
  }
  return null;
}
