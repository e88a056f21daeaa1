/**
 * Issue 13 item 5 in the browser: a procedure without an e-form (certified copies, 2.000815) is
 * received at the counter through the generic counter form: applicant, components checklist with
 * scans, notes; then the receipt. Phone and desktop screenshots of the form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newIdNumber, samplePdf } from '../helpers.ts';
import { context, DESKTOP, ensureWebBuilt, failureShots, launch, PHONE, serve, type Served, type Viewport } from './harness.ts';
import { check, openFromInbox, signIn, text } from './steps.ts';

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

async function pickCertifiedCopy(desk: Page): Promise<void> {
  await desk.goto('/desk/intake');
  await desk.locator('#pick-q').fill('2.000815');
  await desk.locator('#pick-q').press('Enter');
  await desk.locator('.pick-list').getByRole('button', { name: /Chứng thực bản sao từ bản chính/ }).first().click();
  await desk.getByRole('heading', { level: 2, name: text.intake.generic.components }).waitFor();
}

async function receive(vp: Viewport): Promise<void> {
  const ctx = await context(browser, server.url, vp);
  const desk = await ctx.newPage();
  await signIn(desk, 'motcua.dongthuan');
  await pickCertifiedCopy(desk);
  await desk.getByLabel(text.intake.generic.name).fill('Đỗ Thị Hạnh');
  await desk.getByLabel(text.intake.generic.idNumber).fill(newIdNumber());
  await desk.getByLabel(text.intake.generic.phone).fill('0912345678');
  await desk.getByLabel(text.intake.generic.address).fill('Số 5 Trần Hưng Đạo, Đồng Thuận');
  await desk.locator('#cl-TP01-form').selectOption('original');
  await desk.locator('#cl-TP01-copies').fill('2');
  await desk.locator('#file-TP01').setInputFiles({ name: 'bang-tot-nghiep.pdf', mimeType: 'application/pdf', buffer: samplePdf('bang tot nghiep') });
  await desk.getByText(text.upload.done, { exact: true }).waitFor();
  await desk.getByLabel(text.intake.generic.notes).fill('Chứng thực 2 bản');
  await check(desk, vp, `30-counter-form-${vp.name}`);
  if (vp.mobile) {
    expect(ctx.problems).toEqual([]);
    return;
  }
  await desk.getByRole('button', { name: text.intake.register }).click();
  await desk.getByText(text.receipt.registered).waitFor();
  await desk.locator('.form01').getByText('Đỗ Thị Hạnh').first().waitFor();
  // Form 01 lists the components as the checklist received them: the original, 2 copies.
  const row = desk.locator('.form01 tbody tr').first();
  expect(await row.locator('td').nth(2).textContent()).toBe(text.form01.original);
  expect(await row.locator('td').nth(3).textContent()).toBe('2');
  await check(desk, vp, '31-counter-form-receipt');
  // Item 10: the officer who saw the original certifies the scan as an electronic certified copy.
  const code = new URL(desk.url()).pathname.split('/')[2]!;
  await openFromInbox(desk, code);
  await desk.getByRole('heading', { level: 2, name: text.certify.title }).waitFor();
  await desk.getByRole('button', { name: text.certify.action.replace('{{name}}', 'bang-tot-nghiep.pdf') }).click();
  await desk.getByText(text.certify.done).waitFor();
  const link = desk.getByRole('link', { name: text.certify.open });
  const pdf = await desk.request.get(new URL(await link.getAttribute('href') ?? '', server.url).toString());
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await check(desk, vp, '32-certified-copy');
  // After a reload the server's record says the scan is certified: no second copy is offered.
  await desk.reload();
  await desk.getByText(text.certify.done).waitFor();
  expect(await desk.getByRole('button', { name: text.certify.action.replace('{{name}}', 'bang-tot-nghiep.pdf') }).count()).toBe(0);
  expect(ctx.problems).toEqual([]);
}

describe('the generic counter form', () => {
  it('receives a certified-copy dossier at the counter (desktop)', async () => {
    try {
      await receive(DESKTOP);
    } catch (err) {
      await failureShots(browser, DESKTOP);
      throw err;
    }
  });
  it('lays the form out on a phone', async () => {
    await receive(PHONE);
  });
});
