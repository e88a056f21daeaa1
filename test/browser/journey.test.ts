/**
 * The web application in a real browser, at phone and desktop sizes: a citizen registers, finds birth
 * registration without diacritics, submits with files; the desk receives (and a second tab sees the
 * 409), the specialist forwards, the leader signs and issues the result, the desk returns it; the
 * citizen sees it, rates it and reads the notifications; anyone looks it up by code and ID number.
 * Every main page gets a screenshot and an axe-core check; the desk also registers a paper dossier
 * at the counter and prints form 01.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newIdNumber, samplePdf, PNG_1x1 } from '../helpers.ts';
import { context, DESKTOP, ensureWebBuilt, failureShots, launch, PHONE, ROOT, serve, type Served, type Viewport } from './harness.ts';
import { en } from '../../web/src/i18n/en/index.ts';
import { act, check, fillBirthForm, openFromInbox, scanPdf, signIn, text } from './steps.ts';

let server: Served;
let browser: Browser;

beforeAll(async () => {
  await ensureWebBuilt();
  [server, browser] = await Promise.all([serve(), launch()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function citizenSubmits(page: Page, vp: Viewport, idNumber: string): Promise<string> {
  await page.goto('/signup');
  await check(page, vp, '01-signup');
  await page.locator('#su-idNumber').fill(idNumber);
  await page.locator('#su-fullName').fill('Trần Thị Bình');
  await page.locator('#su-phone').fill('0987654321');
  await page.locator('#su-password').fill('Hoa-sen-2026');
  await page.locator('#su-confirm').fill('Hoa-sen-2026');
  await page.locator('form').getByRole('button', { name: text.auth.signUp }).click();
  await page.waitForURL((u) => u.pathname === '/');
  await page.getByRole('heading', { level: 2, name: text.home.popular }).waitFor();
  await check(page, vp, '02-home');

  await page.locator('#q').fill('dang ky khai sinh');
  await page.locator('#q').press('Enter');
  const result = page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh', exact: true });
  await result.waitFor();
  await check(page, vp, '03-search');
  await result.click();
  await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
  await check(page, vp, '04-procedure');

  await page.getByRole('link', { name: text.procedure.submitOnline }).click();
  await page.locator('#ef_applicantPhone').waitFor();
  await page.getByRole('button', { name: text.wizard.next }).click();
  await expect.poll(() => page.locator('.error-detail').count()).toBeGreaterThan(0);
  await fillBirthForm(page, 'ef');
  await check(page, vp, '05-wizard-form');
  await page.getByRole('button', { name: text.wizard.next }).click();

  await page.locator('#file-TP04').setInputFiles({ name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: await scanPdf('GIAY CHUNG SINH') });
  await page.locator('#file-TP06').setInputFiles({ name: 'can-cuoc.png', mimeType: 'image/png', buffer: PNG_1x1 });
  await expect.poll(() => page.getByText(text.upload.done, { exact: true }).count()).toBe(2);
  await check(page, vp, '06-wizard-files');
  await page.getByRole('button', { name: text.wizard.next }).click();
  await page.getByRole('heading', { level: 2, name: text.wizard.steps.review }).waitFor();
  await check(page, vp, '07-wizard-review');
  await page.getByRole('button', { name: text.wizard.submit }).click();

  const code = (await page.getByTestId('dossier-code').textContent())!.trim();
  expect(code).toMatch(/-\d{6}-\d{4,}$/);
  await page.getByRole('heading', { name: text.form01.title }).waitFor();
  await check(page, vp, '08-receipt');
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `test-artifacts/screenshots/${vp.name}-08b-receipt-print.png`, fullPage: true });
  expect(await page.locator('.site-header').isVisible()).toBe(false);
  await page.emulateMedia({ media: 'screen' });
  return code;
}

async function officersProcess(browser: Browser, vp: Viewport, code: string): Promise<Page> {
  const deskCtx = await context(browser, server.url, vp);
  const desk = await deskCtx.newPage();
  await signIn(desk, 'motcua.dongthuan');
  await desk.getByRole('heading', { level: 1, name: text.inbox.title }).waitFor();
  await check(desk, vp, '09-inbox');
  await openFromInbox(desk, code);
  await check(desk, vp, '10-work-new');

  // A second tab on the same dossier acts after the first: 409 → a clear message and a reload.
  const other = await deskCtx.newPage();
  await other.goto(`/desk/dossiers/${code}`);
  await other.locator('.action-buttons').waitFor();
  await act(desk, 'receive');
  await other.locator('.action-buttons').getByRole('button', { name: text.actionNames.receive, exact: true }).click();
  await other.locator('#action-form').getByRole('button', { name: text.actions.confirm.replace('{{action}}', text.actionNames.receive) }).click();
  await other.getByText(text.actions.conflictTitle).waitFor();
  await check(other, vp, '11-conflict');
  await other.getByRole('button', { name: text.actions.reload }).click();
  await other.locator('.status-line').getByText('Được tiếp nhận').waitFor();
  await other.close();

  await act(desk, 'assign');
  for (const [user, steps] of [
    ['chuyenvien.dongthuan', [['forward', { note: 'Hồ sơ hợp lệ, đề nghị ký' }]]],
    ['lanhdao.dongthuan', [['sign', {}], ['issue_result', {}]]],
  ] as const) {
    const ctx = await context(browser, server.url, vp);
    const page = await ctx.newPage();
    await signIn(page, user);
    await openFromInbox(page, code);
    for (const [action, fields] of steps) await act(page, action, fields);
    if (user === 'chuyenvien.dongthuan') await check(page, vp, '12-work-specialist');
    expect(ctx.problems).toEqual([]);
    await ctx.close();
  }
  await desk.reload();
  await act(desk, 'return_result');
  // The scan of the ID card (PNG) previewed in the page, read through the dossier.
  await desk.getByRole('button', { name: text.documents.preview, exact: true }).nth(1).click();
  const img = desk.locator('.preview img');
  await expect.poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
  // The birth certificate (PDF) in the browser's PDF viewer, in a frame of the page.
  const pdf = desk.waitForResponse((r) => r.url().includes(`/dossiers/${code}/files/`) && r.headers()['content-type'] === 'application/pdf');
  await desk.getByRole('button', { name: text.documents.preview, exact: true }).first().click();
  expect((await pdf).status()).toBe(200);
  await desk.locator('.preview iframe').waitFor();
  await desk.waitForTimeout(1000); // let the viewer paint before the screenshot
  await check(desk, vp, '13-work-returned');
  expect(deskCtx.problems).toEqual([]);
  return desk;
}

async function citizenRates(page: Page, vp: Viewport, code: string): Promise<void> {
  await page.goto('/me/dossiers');
  await check(page, vp, '14-my-dossiers');
  await page.getByText(code).waitFor();
  await page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).first().click();
  await page.locator('.status-line').getByText('Đã trả kết quả').waitFor();
  await page.getByText(text.mine.pleaseRate).waitFor();
  await check(page, vp, '15-my-dossier');
  await page.locator('.action-buttons').getByRole('button', { name: text.actionNames.rate }).click();
  await page.getByLabel(text.ratings.very_satisfied).check();
  await page.locator('#action-form').getByRole('button', { name: text.actions.confirm.replace('{{action}}', text.actionNames.rate) }).click();
  await page.locator('.facts').getByText(text.ratings.very_satisfied).waitFor();

  await page.goto('/notifications');
  await page.getByText(`${code}`, { exact: false }).first().waitFor();
  await check(page, vp, '16-notifications');

  // The e-form in English: labels come from the schema's English descriptions, messages from i18n.
  if (vp.mobile) await page.getByRole('button', { name: text.nav.menu }).click();
  await page.getByRole('button', { name: text.nav.switchTo }).click();
  await page.getByRole('heading', { level: 1, name: en.notifications.title }).waitFor();
  await page.goto('/procedures/1.001193/submit');
  await page.getByLabel("Child's full name").waitFor();
  await page.getByRole('button', { name: en.wizard.next }).click();
  await page.getByText(en.eform.errors.required).first().waitFor();
  await check(page, vp, '16b-wizard-en');
}

async function counterIntake(desk: Page, vp: Viewport): Promise<void> {
  await desk.goto('/desk/intake');
  await desk.locator('#pick-q').fill('1.001193');
  await desk.locator('#pick-q').press('Enter');
  await desk.locator('.pick-list').getByRole('button', { name: /Thủ tục đăng ký khai sinh/ }).first().click();
  await desk.locator('#ci_applicantPhone').waitFor();
  await desk.locator('#file-TP04').setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: samplePdf('to khai') });
  await desk.locator('#file-TP06').setInputFiles({ name: 'cccd.pdf', mimeType: 'application/pdf', buffer: samplePdf('cccd') });
  await expect.poll(() => desk.getByText(text.upload.done, { exact: true }).count()).toBe(2);
  await fillBirthForm(desk, 'ci', { name: 'Lê Văn Cường', idNumber: newIdNumber() });
  await check(desk, vp, '19-intake');
  await desk.getByRole('button', { name: text.intake.register }).click();
  await desk.getByText(text.receipt.registered).waitFor();
  const slip = desk.locator('.form01');
  await slip.getByText('Lê Văn Cường').first().waitFor();
  await slip.getByText('Võ Thị Tiếp Nhận').waitFor(); // the receiving officer signs form 01
  expect(await slip.textContent()).not.toContain(text.form01.dueOnReception); // received at once: the return date is set
  await check(desk, vp, '20-intake-receipt');
}

/** The desk verifies the citizen's account after checking their ID card: the citizen's counter dossiers then reach it. */
async function verifyAccount(desk: Page, vp: Viewport, idNumber: string): Promise<void> {
  await desk.goto('/desk/accounts');
  await desk.locator('#verify-id').fill(idNumber);
  await desk.getByRole('button', { name: text.verify.search }).click();
  await desk.getByRole('heading', { level: 2, name: 'Trần Thị Bình' }).waitFor();
  await desk.getByLabel(text.verify.checked).check();
  await desk.getByRole('button', { name: text.verify.confirm }).click();
  await desk.getByText(text.verify.done.replace('{{name}}', 'Trần Thị Bình')).waitFor();
  await check(desk, vp, '21-verify-account');
}

async function lookup(page: Page, vp: Viewport, code: string, idNumber: string): Promise<void> {
  await page.goto('/lookup');
  await page.locator('#lk-code').fill(code);
  await page.locator('#lk-id').fill(idNumber);
  await page.getByRole('button', { name: text.lookup.submit }).click();
  await page.getByRole('heading', { name: text.lookup.result.replace('{{code}}', code) }).waitFor();
  expect(page.url()).not.toContain(idNumber);
  await check(page, vp, '17-lookup');
  // English on demand: the menu (collapsed on phones) holds the switch.
  if (vp.mobile) await page.getByRole('button', { name: text.nav.menu }).click();
  await page.getByRole('button', { name: text.nav.switchTo }).click();
  await page.getByRole('heading', { level: 1, name: en.lookup.title }).waitFor();
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  await check(page, vp, '18-lookup-en');
}

describe('serving the application', () => {
  it('sends index.html for app paths, cached assets (pre-compressed), and problems for unknown API paths', async () => {
    const page = await server.app.inject({ url: '/me/dossiers/000.00.01.H50-260310-0001' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)![1]!;
    const js = await server.app.inject({ url: asset, headers: { 'accept-encoding': 'br, gzip' } });
    expect(js.statusCode).toBe(200);
    expect(js.headers['cache-control']).toContain('immutable');
    expect(js.headers['content-encoding']).toBe('br');
    for (const url of ['/api/v1/nothing-here', '/assets/missing.js', '/health/nope', '/favicon.png']) {
      const res = await server.app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/problem\+json/);
    }
    expect((await server.app.inject({ url: '/favicon.svg' })).statusCode).toBe(200);
    expect((await server.app.inject({ url: '/api/v1/procedures?limit=1' })).json().total).toBeGreaterThan(100);
  });
});

describe('the portal bundle', () => {
  it("keeps the first load (JS + CSS, gzip) within the budget", () => {
    const r = spawnSync(process.execPath, ['scripts/bundle-budget.mjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    expect(r.stdout).toMatch(/first load, gzip/);
  });
});

describe.each([PHONE, DESKTOP])('the web application at $name size', (vp) => {
  it('carries a dossier from sign-up to rating', async () => {
    try {
      const citizenCtx = await context(browser, server.url, vp);
      const citizen = await citizenCtx.newPage();
      const idNumber = newIdNumber();
      const code = await citizenSubmits(citizen, vp, idNumber);
      const desk = await officersProcess(browser, vp, code);
      await counterIntake(desk, vp);
      await verifyAccount(desk, vp, idNumber);
      await citizenRates(citizen, vp, code);
      const anon = await (await context(browser, server.url, vp)).newPage();
      await lookup(anon, vp, code, idNumber);
      expect(citizenCtx.problems).toEqual([]);
    } catch (err) {
      await failureShots(browser, vp);
      throw err;
    } finally {
      for (const ctx of browser.contexts()) await ctx.close();
    }
  }, 240_000);
});
