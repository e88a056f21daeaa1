import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const search = async (qs: string) => (await t.app.inject({ url: `/api/v1/procedures?${qs}` })).json();

describe('procedure catalogue', () => {
  it('holds the real procedures of the demo province', async () => {
    const all = await search('limit=200');
    expect(all.total).toBeGreaterThanOrEqual(40);
    const online = await search('onlineLevel=partial&limit=1');
    const full = await search('onlineLevel=full&limit=1');
    expect(online.total + full.total).toBeGreaterThanOrEqual(40);
  });

  it('matches with or without Vietnamese diacritics', async () => {
    const plain = await search(`q=${encodeURIComponent('dang ky khai sinh')}`);
    const marked = await search(`q=${encodeURIComponent('Đăng ký khai sinh')}`);
    const upper = await search(`q=${encodeURIComponent('ĐĂNG KÝ KHAI SINH')}`);
    expect(plain.total).toBeGreaterThan(0);
    expect(plain.items.map((p: { name: string }) => p.name)).toContain('Thủ tục đăng ký khai sinh');
    expect(marked.total).toBe(plain.total);
    expect(upper.total).toBe(plain.total);
    const reordered = await search(`q=${encodeURIComponent('khai sinh dang ky')}`);
    expect(reordered.total).toBe(plain.total);
  });

  it('filters by field, agency, level and online level, and pages', async () => {
    const byLevel = await search('level=province&limit=200');
    expect(byLevel.items.every((p: { level: string }) => p.level === 'province')).toBe(true);
    const field = byLevel.items[0].fieldCode;
    const byField = await search(`field=${field}&limit=200`);
    expect(byField.items.every((p: { fieldCode: string }) => p.fieldCode === field)).toBe(true);
    const byAgency = await search('agency=commune_police&limit=200');
    expect(byAgency.total).toBeGreaterThan(0);
    expect(byAgency.items.every((p: { agencyKind: string }) => p.agencyKind === 'commune_police')).toBe(true);
    const none = await search('onlineLevel=none&limit=200');
    expect(none.items.every((p: { onlineLevel: unknown }) => p.onlineLevel === null)).toBe(true);
    const p1 = await search('limit=10&offset=0');
    const p2 = await search('limit=10&offset=10');
    expect(p1.items.map((p: { code: string }) => p.code)).not.toEqual(p2.items.map((p: { code: string }) => p.code));
    expect(p1.total).toBe(p2.total);
  });

  it('returns a full procedure with components, channels and its e-form', async () => {
    const res = await t.app.inject({ url: '/api/v1/procedures/1.001193' });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.name).toBe('Thủ tục đăng ký khai sinh');
    expect(p.components.length).toBeGreaterThan(0);
    expect(p.channels.map((c: { channel: string }) => c.channel)).toContain('online');
    expect(p.eform.type).toBe('object');
    expect(p.eform.required).toContain('communeCode');
    expect(p.version).toBe(1);
  });

  it('rejects a bad query with problem+json', async () => {
    const res = await t.app.inject({ url: '/api/v1/procedures?limit=5000' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].pointer).toBe('/query/limit');
  });
});

describe('most-used procedures', () => {
  it('lists procedures by recent dossiers, topped up from the online catalogue', async () => {
    const res = await t.app.inject({ url: '/api/v1/procedures/popular?limit=6' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; dossiers: number }[];
    expect(items).toHaveLength(6);
    expect(new Set(items.map((i) => i.code)).size).toBe(6);
    const counts = items.map((i) => i.dossiers);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });
});
