/**
 * Issue 13, items 9 and 11 in the browser: the online submission keeps what was typed, the step and the
 * uploaded files through a reload and Back/Forward (nothing personal in the address), prefills the
 * account's phone, states the upload limit before an upload, explains a refused file in plain words,
 * and forgets the draft once the dossier is submitted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CITIZEN_PASSWORD, PNG_1x1, registerCitizen } from '../helpers.ts';
import { context, DESKTOP, ensureWebBuilt, failureShots, launch, PHONE, serve, type Served, type Viewport } from './harness.ts';
import { check, fillBirthForm, scanPdf, signIn, text } from './steps.ts';
import { formatSize } from '../../web/src/ui/format.ts';

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

const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);
const field = (page: Page, name: string) => page.locator(`#ef_${name}`);
const filesHeading = (page: Page) => page.getByRole('heading', { level: 2, name: text.wizard.steps.files });

async function draftSurvives(vp: Viewport): Promise<void> {
  const { idNumber } = await registerCitizen(server.app, 'Hoàng Thị Mai');
  const ctx = await context(browser, server.url, vp);
  const page = await ctx.newPage();
  await signIn(page, idNumber, CITIZEN_PASSWORD);
  // Found by what people call it.
  await page.goto('/');
  await page.locator('#q').fill('giấy khai sinh');
  await page.locator('#q').press('Enter');
  await page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
  await page.getByRole('link', { name: text.procedure.submitOnline }).click();

  // The phone comes from the account.
  await field(page, 'applicantPhone').waitFor();
  await expect.poll(() => field(page, 'applicantPhone').inputValue()).toBe('0987654321');
  await check(page, vp, '40-wizard-prefilled');

  // Typed values survive going Back to the procedure and Forward again, and a reload.
  await field(page, 'address').fill('Số 7 đường Hùng Vương');
  await field(page, 'childFullName').fill('Lê Minh An');
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
  await page.goForward();
  await field(page, 'childFullName').waitFor();
  await expect.poll(() => field(page, 'childFullName').inputValue()).toBe('Lê Minh An');
  await page.reload();
  await field(page, 'childFullName').waitFor();
  await expect.poll(() => field(page, 'childFullName').inputValue()).toBe('Lê Minh An');
  expect(await field(page, 'address').inputValue()).toBe('Số 7 đường Hùng Vương');
  expect(await field(page, 'applicantPhone').inputValue()).toBe('0987654321');

  await fillBirthForm(page, 'ef');
  await page.getByRole('button', { name: text.wizard.next }).click();
  await filesHeading(page).waitFor();
  // Nothing personal in the address bar.
  for (const personal of [idNumber, '0912345678', 'Khang', 'Nguy']) expect(page.url()).not.toContain(personal);

  // The limit is stated before an upload, from the server's configuration (FILE_MAX_BYTES; 256 KB in tests).
  const maxBytes = (await server.app.inject({ url: '/api/v1/meta' })).json().uploads?.maxBytes as number;
  const limit = `Tối đa ${formatSize(maxBytes ?? 20 * 1024 * 1024, 'vi')}`;
  await expect.poll(() => page.locator('#file-TP04-hint').textContent()).toContain(limit);
  await page.locator('#file-TP04').setInputFiles({ name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: await scanPdf('GIAY CHUNG SINH') });
  await expect.poll(() => page.getByText(text.upload.done, { exact: true }).count(), { timeout: 20_000 }).toBe(1);

  // Too large: said at once, with the limit, without sending it.
  let sent = 0;
  page.on('request', (r) => void (r.url().endsWith('/api/v1/files') && sent++));
  await page.locator('#file-TP06').setInputFiles({ name: 'scan-lon.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(maxBytes + 1, 0x41) });
  await page.locator('.upload-file.error .state').getByText(limit).waitFor();
  expect(sent).toBe(0);
  await page.getByRole('button', { name: text.upload.remove.replace('{{name}}', 'scan-lon.pdf') }).click();

  // A program instead of a scan: a plain message, no developer text.
  await page.locator('#file-TP06').setInputFiles({ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: EXE });
  const refused = page.locator('.upload-file.error .state');
  await refused.waitFor();
  const said = (await refused.textContent()) ?? '';
  expect(said).toContain(text.problems['unsupported-file-type'].replace(/\.$/, ''));
  expect(said).toMatch(/chụp ảnh hoặc quét/);
  expect(said).not.toMatch(/application\/|detected|x-msdownload|bytes/);
  await check(page, vp, '41-wizard-files-refused');

  // The step and the uploaded file survive a reload.
  await page.reload();
  await filesHeading(page).waitFor();
  await expect.poll(() => page.getByText(text.upload.done, { exact: true }).count(), { timeout: 20_000 }).toBe(1);
  await page.getByText('giay-chung-sinh.pdf').waitFor();

  // Back and Forward move between the steps and return to the same state.
  await page.goBack();
  await field(page, 'childFullName').waitFor();
  await expect.poll(() => field(page, 'childFullName').inputValue()).toBe('Nguyễn Minh Khang');
  await page.goForward();
  await filesHeading(page).waitFor();
  await page.getByText('giay-chung-sinh.pdf').waitFor();

  // Submitted: the draft is gone, a new submission starts afresh (with the phone again).
  await page.locator('#file-TP06').setInputFiles({ name: 'can-cuoc.png', mimeType: 'image/png', buffer: PNG_1x1 });
  await expect.poll(() => page.getByText(text.upload.done, { exact: true }).count(), { timeout: 20_000 }).toBe(2);
  await page.getByRole('button', { name: text.wizard.next }).click();
  await page.getByRole('heading', { level: 2, name: text.wizard.steps.review }).waitFor();
  await page.getByRole('button', { name: text.wizard.submit }).click();
  await page.getByTestId('dossier-code').waitFor();
  expect(await page.evaluate('Object.keys(sessionStorage).filter((k) => k.includes("draft"))')).toEqual([]);
  await page.goto('/procedures/1.001193/submit');
  await field(page, 'childFullName').waitFor();
  await expect.poll(() => field(page, 'applicantPhone').inputValue()).toBe('0987654321');
  expect(await field(page, 'childFullName').inputValue()).toBe('');
  expect(ctx.problems).toEqual([]);
  await ctx.close();
}

describe.each([PHONE, DESKTOP])('the submission wizard at $name size', (vp) => {
  it('keeps the draft through reloads and Back/Forward, prefills the phone, explains refused files', { timeout: 180_000 }, async () => {
    try {
      await draftSurvives(vp);
    } catch (err) {
      await failureShots(browser, vp);
      throw err;
    }
  });
});
