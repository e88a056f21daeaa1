/**
 * A request validator's (Ajv's) complaint about one field, in plain words in both languages
 * ("Vietnamese / English", the form the web app splits by language) instead of "must NOT have more than
 * 20 characters". Pure.
 */
export interface ValidatorComplaint {
  keyword: string;
  params: Record<string, unknown>;
}

export function plainFieldDetail(v: ValidatorComplaint): string {
  const n = (k: string) => (typeof v.params[k] === 'number' ? (v.params[k] as number) : undefined);
  const limit = n('limit');
  switch (v.keyword) {
    case 'required':
      return 'Bắt buộc / Required';
    case 'minLength':
      return limit === undefined || limit <= 1 ? 'Bắt buộc / Required' : `Ít nhất ${limit} ký tự / At least ${limit} characters`;
    case 'maxLength':
      return `Tối đa ${limit} ký tự / At most ${limit} characters`;
    case 'minItems':
      return `Ít nhất ${limit} mục / At least ${limit} items`;
    case 'maxItems':
      return `Tối đa ${limit} mục / At most ${limit} items`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `Phải ${v.keyword === 'minimum' ? 'từ' : 'lớn hơn'} ${limit} / Must be ${v.keyword === 'minimum' ? 'at least' : 'more than'} ${limit}`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `Phải ${v.keyword === 'maximum' ? 'không quá' : 'nhỏ hơn'} ${limit} / Must be ${v.keyword === 'maximum' ? 'at most' : 'less than'} ${limit}`;
    case 'pattern':
    case 'format':
      return 'Không đúng định dạng / Not in the expected format';
    case 'type':
      return 'Sai kiểu dữ liệu / Wrong kind of value';
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return 'Giá trị không được chấp nhận / Value not accepted';
    case 'additionalProperties':
      return `Trường không được phép: ${String(v.params.additionalProperty ?? '')} / Field not allowed: ${String(v.params.additionalProperty ?? '')}`;
    default:
      return 'Giá trị không hợp lệ / Invalid value';
  }
}
