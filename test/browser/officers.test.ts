/**
 * What each officer finds (issue 13): the menu of every demo role (counter intake only at the counter),
 * a fee of any whole amount of đồng, the leader's draft result before signing and no second signature,
 * and the operations centre's headline (the real score out of 100 first, sample data said to be so).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generate } from '../../src/cli/generate.ts';
import { auth, DEMO_CITIZEN, DEMO_COMMUNE, login, upload } from '../helpers.ts';
import { fill } from '../sample-form.ts';
import { TEST_NOW } from '../config.ts';
import { join } from 'node:path';
import { context, DESKTOP, ensureWebBuilt, failureShots, launch, PHONE, serve, SHOTS, type Served, type Viewport } from './harness.ts';
import { act, check, openFromInbox, signIn, text } from './steps.ts';

let server: Served;
let browser: Browser;

beforeAll(async () => {
  await ensureWebBuilt();
  [server, browser] = await Promise.all([serve({ consumers: true }), launch()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function guarded(vp: Viewport, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    await failureShots(browser, vp);
    throw err;
  }
}

let keyN = 0;
/** A birth registration of the demo citizen, moved by the API to `upTo` (processing, or the leader's signing step). */
async function dossierAt(upTo: 'processing' | 'signing'): Promise<string> {
  const { app } = server;
  const citizen = await login(app, DEMO_CITIZEN);
  const p = (await app.inject({ url: '/api/v1/procedures/1.001193' })).json();
  const files = [];
  for (const c of p.components.filter((c: { required: boolean }) => c.required)) files.push({ componentCode: c.code, fileId: (await upload(app, citizen)).json().id });
  const res = await app.inject({
    method: 'POST', url: '/api/v1/dossiers', headers: { ...auth(citizen), 'idempotency-key': `browser-officers-${++keyN}-key` },
    payload: { procedureCode: '1.001193', formData: fill(p.eform, { communeCode: DEMO_COMMUNE, applicantIdNumber: DEMO_CITIZEN, childFullName: 'Lê Minh Châu' }), files },
  });
  expect(res.statusCode, res.body).toBe(201);
  const code = res.json().code as string;
  const steps: [string, string][] = [['motcua.dongthuan', 'receive'], ['motcua.dongthuan', 'assign']];
  if (upTo === 'signing') steps.push(['chuyenvien.dongthuan', 'forward']);
  for (const [who, action] of steps) {
    const token = await login(app, who);
    const v = (await app.inject({ url: `/api/v1/dossiers/${code}`, headers: auth(token) })).json().version;
    const r = await app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/actions`, headers: { ...auth(token), 'if-match': String(v) }, payload: { action } });
    expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
  }
  return code;
}

const nav = (page: Page) => page.getByRole('navigation', { name: text.nav.main });

describe('menus by role', () => {
  // [username, shown, not shown]: counter intake and account checks only for counter officers.
  const ROLES: [string, string[], string[]][] = [
    ['admin.tinh', [text.nav.ioc], [text.nav.intake, text.nav.inbox, text.nav.accounts]],
    ['motcua.tinh', [text.nav.inbox, text.nav.intake, text.nav.accounts], [text.nav.ioc]],
    ['chuyenvien.taichinh', [text.nav.inbox], [text.nav.intake, text.nav.accounts, text.nav.ioc]],
    ['lanhdao.taichinh', [text.nav.inbox, text.nav.ioc], [text.nav.intake, text.nav.accounts]],
    ['quantri.taichinh', [text.nav.procedures], [text.nav.intake, text.nav.inbox, text.nav.accounts, text.nav.ioc]],
    ['motcua.dongthuan', [text.nav.inbox, text.nav.intake, text.nav.accounts], [text.nav.ioc]],
    ['chuyenvien.dongthuan', [text.nav.inbox], [text.nav.intake, text.nav.accounts, text.nav.ioc]],
    ['lanhdao.dongthuan', [text.nav.inbox, text.nav.ioc], [text.nav.intake, text.nav.accounts]],
  ];

  it('shows each demo account the links of its role, and counter intake only to counter officers', async () => {
    const vp = DESKTOP;
    await guarded(vp, async () => {
      for (const [username, shown, hidden] of ROLES) {
        const ctx = await context(browser, server.url, vp);
        const page = await ctx.newPage();
        await signIn(page, username);
        await nav(page).getByRole('link', { name: text.nav.procedures }).waitFor();
        const links = (await nav(page).getByRole('link').allInnerTexts()).map((s) => s.trim());
        for (const l of shown) expect(links, `${username} sees ${l}`).toContain(l);
        for (const l of hidden) expect(links, `${username} does not see ${l}`).not.toContain(l);
        // Nor is counter intake offered on the work queue or a procedure's page, nor opened by its address.
        const counter = username.startsWith('motcua.');
        if (links.includes(text.nav.inbox)) {
          await page.goto('/desk');
          await page.locator('#ib-code').waitFor();
          expect(await page.getByRole('link', { name: text.nav.intake, exact: true }).count(), `${username} queue`).toBe(counter ? 2 : 0);
        }
        // In-app navigation to the procedure's page (a reload of that address is another item of the issue).
        await page.evaluate("window.history.pushState({}, '', '/procedures/1.001193'); window.dispatchEvent(new PopStateEvent('popstate'))");
        await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
        expect(await page.getByRole('link', { name: text.procedure.counterIntake }).count(), `${username} procedure page`).toBe(counter ? 1 : 0);
        await page.goto('/desk/intake');
        if (counter) await page.getByRole('heading', { level: 1, name: text.intake.title }).waitFor();
        else {
          await page.waitForURL((u) => !u.pathname.startsWith('/desk/intake'));
          expect(await page.getByRole('heading', { level: 1, name: text.intake.title }).count()).toBe(0);
        }
        expect(ctx.problems, username).toEqual([]);
        await ctx.close();
      }
    });
  }, 240_000);
});

describe('a fee', () => {
  it('takes 8,000 đồng, shown with thousands separators to the officer and to the applicant', async () => {
    const vp = DESKTOP;
    await guarded(vp, async () => {
      const code = await dossierAt('processing');
      const ctx = await context(browser, server.url, vp);
      const page = await ctx.newPage();
      await signIn(page, 'chuyenvien.dongthuan');
      await openFromInbox(page, code);
      await page.locator('.action-buttons').getByRole('button', { name: text.actionNames.request_payment, exact: true }).click();
      const amount = page.locator('#action-form [name="amountVND"]');
      await amount.fill('8000');
      await expect.poll(() => amount.inputValue()).toBe('8.000');
      expect(await amount.evaluate((el) => (el as unknown as { validity: { valid: boolean } }).validity.valid), 'the browser accepts 8.000 đồng').toBe(true);
      await amount.fill('50000');
      await expect.poll(() => amount.inputValue()).toBe('50.000');
      await amount.fill('8000');
      await page.locator('#action-form [name="description"]').fill('Lệ phí đăng ký khai sinh');
      await check(page, vp, '41-fee');
      const name = text.actionNames.request_payment;
      await page.locator('#action-form').getByRole('button', { name: text.actions.confirm.replace('{{action}}', name) }).click();
      await page.getByText(text.actions.done.replace('{{action}}', name)).waitFor();
      const row = (await server.app.inject({ url: `/api/v1/dossiers/${code}`, headers: auth(await login(server.app, 'chuyenvien.dongthuan')) })).json();
      expect(row.history.at(-1)).toMatchObject({ action: 'request_payment', data: { amountVND: 8000 } });

      const citizenCtx = await context(browser, server.url, PHONE);
      const citizen = await citizenCtx.newPage();
      await signIn(citizen, DEMO_CITIZEN);
      await citizen.goto(`/me/dossiers/${code}`);
      await citizen.getByText(/Số tiền: 8\.000\s?₫/).waitFor();
      await check(citizen, PHONE, '42-fee-citizen');
      await citizen.locator('.timeline').screenshot({ path: join(SHOTS, 'phone-42-fee-citizen-timeline.png') });
      expect([...ctx.problems, ...citizenCtx.problems]).toEqual([]);
    });
  }, 120_000);
});

describe('the leader', () => {
  it('reads the draft result before signing, and is not offered to sign again', async () => {
    const vp = DESKTOP;
    await guarded(vp, async () => {
      const code = await dossierAt('signing');
      const ctx = await context(browser, server.url, vp);
      const page = await ctx.newPage();
      await signIn(page, 'lanhdao.dongthuan');
      await openFromInbox(page, code);
      await page.getByRole('heading', { level: 2, name: text.resultDraft.title }).waitFor();
      const link = page.getByRole('link', { name: text.resultDraft.open });
      const href = await link.getAttribute('href');
      expect(href).toBe(`/api/v1/dossiers/${code}/result-draft`);
      const draft = await ctx.request.get(href!);
      expect(draft.status()).toBe(200);
      expect(draft.headers()['content-type']).toBe('application/pdf');
      expect((await draft.body()).subarray(0, 5).toString()).toBe('%PDF-');
      await check(page, vp, '43-leader-draft');

      await act(page, 'sign');
      const buttons = page.locator('.action-buttons');
      await buttons.getByRole('button', { name: text.actionNames.issue_result, exact: true }).waitFor();
      expect(await buttons.getByRole('button', { name: text.actionNames.sign, exact: true }).count()).toBe(0);
      expect(await buttons.getByRole('button', { name: text.actionNames.approve, exact: true }).count()).toBe(0);
      expect(await page.getByRole('heading', { level: 2, name: text.resultDraft.title }).count()).toBe(0);
      expect(ctx.problems).toEqual([]);
    });
  }, 120_000);
});

describe('the operations centre\'s headline', () => {
  it('shows the real score out of 100 first and the normalised one second, no change against a year without data, and says the data are samples', async () => {
    const vp = DESKTOP;
    await guarded(vp, async () => {
      await generate(server.database, { dossiers: 200, year: 2026, seed: 'officers', now: new Date(TEST_NOW), databaseUrl: server.database.url });
      const token = await login(server.app, 'admin.tinh');
      const d = (await server.app.inject({ url: '/api/v1/ioc/dashboard?level=province&period=2026', headers: auth(token) })).json();
      expect(d.index.score).not.toBeNull();
      expect(d.previous.figures.received).toBe(0);
      const vi = (x: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(x);

      const ctx = await context(browser, server.url, vp);
      const page = await ctx.newPage();
      await signIn(page, 'admin.tinh');
      await page.goto('/ioc?level=province&period=2026');
      await page.getByRole('heading', { level: 1, name: text.ioc.title }).waitFor();
      await expect.poll(() => page.getByTestId('ioc-score').innerText()).toBe(`${vi(d.index.score)} / 100`);
      expect(await page.getByTestId('ioc-normalized').innerText()).toContain(`${vi(d.index.normalized)} / 100`);
      expect(await page.getByTestId('ioc-demo').innerText()).toBe(text.ioc.demo);
      // 2025 has no dossiers: no "up 200 vs 2025".
      expect(await page.locator('[data-kpi="received"] .ioc-kpi-trend').count()).toBe(0);
      await check(page, vp, '44-ioc-headline');
      await page.locator('.ioc-index').screenshot({ path: join(SHOTS, 'desktop-44-ioc-index.png') });
      const phone = await (await context(browser, server.url, PHONE)).newPage();
      await signIn(phone, 'admin.tinh');
      await phone.goto('/ioc?level=province&period=2026');
      await expect.poll(() => phone.getByTestId('ioc-score').innerText()).toBe(`${vi(d.index.score)} / 100`);
      await check(phone, PHONE, '45-ioc-headline');
      await phone.locator('.ioc-index').screenshot({ path: join(SHOTS, 'phone-45-ioc-index.png') });
      expect(ctx.problems).toEqual([]);
    });
  }, 240_000);
});
