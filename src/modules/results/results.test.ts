import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { resultTemplate, vnDate, vnDateTime } from './model.ts';
import { BASE_CHARS } from './pdf/fonts.ts';

describe('documents, pure', () => {
  it('writes dates the Decree 30 way, in Vietnam time', () => {
    expect(vnDate(new Date('2026-02-05T03:00:00Z'))).toBe('ngày 05 tháng 02 năm 2026');
    expect(vnDate(new Date('2026-03-09T18:00:00Z'))).toBe('ngày 10 tháng 3 năm 2026');
    expect(vnDateTime(new Date('2026-03-10T02:05:00Z'))).toBe('09:05 ngày 10/03/2026');
  });

  it('picks a result template from the procedure result and the outcome', () => {
    expect(resultTemplate('Giấy khai sinh', 'granted')).toBe('certificate');
    expect(resultTemplate('Trích lục khai tử', 'granted')).toBe('certificate');
    expect(resultTemplate('- Giấy phép xây dựng được điều chỉnh.', 'granted')).toBe('permit');
    expect(resultTemplate('Quyết định hình thức sử dụng đất.', 'granted')).toBe('decision');
    expect(resultTemplate('Cập nhật thông tin trong Cơ sở dữ liệu về cư trú', 'granted')).toBe('record_update');
    expect(resultTemplate('Thông báo kết quả giải quyết thủ tục về cư trú', 'granted')).toBe('notice');
    expect(resultTemplate('Giấy khai sinh', 'refused')).toBe('refusal');
  });
});

describe('DejaVu Sans covers Vietnamese', () => {
  it('has a glyph for every base character in both faces', () => {
    const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
      const font = fontkit.create(readFileSync(join(dir, file)));
      const missing = [...BASE_CHARS].filter((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id === 0);
      expect(missing, file).toEqual([]);
    }
    expect(BASE_CHARS).toContain('ự');
    expect(BASE_CHARS).toContain('Ỹ');
  });
});
