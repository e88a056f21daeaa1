/**
 * Issue 13, item 9: the catalogue search finds what people call things ("giấy khai sinh", "sổ đỏ",
 * "bằng lái") and English words ("birth registration", "passport"), from a synonym list kept as data
 * (src/modules/catalog/synonyms.json); and the signed-in citizen's own phone number for the e-form.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, login, registerCitizen, testApp, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

const codes = async (q: string, limit = 20): Promise<string[]> => {
  const res = await t.app.inject({ url: `/api/v1/procedures?limit=${limit}&q=${encodeURIComponent(q)}` });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { code: string }[]).map((p) => p.code);
};

describe('search by what people call things', () => {
  it.each([
    ['giấy khai sinh', '1.001193'],
    ['giay khai sinh', '1.001193'],
    ['làm giấy khai sinh', '1.001193'],
    ['birth registration', '1.001193'],
    ['Birth certificate', '1.001193'],
    ['register a birth', '1.001193'],
    ['passport', '1.001456'],
    ['hộ chiếu', '1.001456'],
    ['giấy chứng tử', '1.000656'],
    ['death registration', '1.000656'],
    ['marriage registration', '1.000894'],
    ['giấy đăng ký kết hôn', '1.000894'],
    ['bằng lái xe', '3.000348'],
    ["driving licence", '3.000348'],
    ['CCCD', '1.014061'],
    ['xác nhận độc thân', '1.004873'],
    ['hộ khẩu', '1.004222'],
  ])('"%s" finds %s among the first three', async (q, code) => {
    expect((await codes(q)).slice(0, 3)).toContain(code);
  });

  it('"sổ đỏ" and "land use certificate" find the land-use-right certificates', async () => {
    for (const q of ['sổ đỏ', 'so do', 'sổ hồng', 'land use certificate', 'red book']) {
      const found = await codes(q, 50);
      expect(found, q).toEqual(expect.arrayContaining(['1.012783', '1.012786', '1.013978']));
    }
  });

  it('keeps the plain search as it was: every word must match, diacritics optional', async () => {
    expect(await codes('dang ky khai sinh')).toContain('1.001193');
    expect((await codes('1.001193'))[0]).toBe('1.001193');
    expect(await codes('khong co thu tuc nao nhu the nay')).toEqual([]);
  });

  it('every synonym in the list leads to at least one procedure', async () => {
    const list = JSON.parse(readFileSync(new URL('../src/modules/catalog/synonyms.json', import.meta.url), 'utf8')) as { groups: { means: string[]; say: string[] }[] };
    expect(list.groups.length).toBeGreaterThan(20);
    for (const g of list.groups) for (const said of g.say) expect((await codes(said, 1)).length, `"${said}" → ${g.means.join(' | ')}`).toBe(1);
  });
});

describe("the signed-in user's own phone", () => {
  it('GET /auth/me and the sign-in answer carry it for the user themself', async () => {
    const { idNumber, token } = await registerCitizen(t.app, 'Lê Văn Phúc');
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: auth(token) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: idNumber, phone: '0987654321' });
    const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: idNumber, password: 'Hoa-sen-2026' } });
    expect(signIn.json().user.phone).toBe('0987654321');
  });

  it('an officer without a phone gets null', async () => {
    const token = await login(t.app, 'motcua.dongthuan');
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: auth(token) });
    expect(me.json().phone).toBeNull();
  });
});
