/** What a user does in the browser, in the words the pages show (the Vietnamese resources). */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { vi as text } from '../../web/src/i18n/vi/index.ts';
import { axe, shot, type Viewport } from './harness.ts';

export { text };
export const PASSWORD = 'MotCua@2026';

/** Screenshot and accessibility check of a main page: no serious or critical axe violations (PROBE_TIMING=1 logs durations). */
export async function check(page: Page, vp: Viewport, name: string): Promise<void> {
  const t0 = Date.now();
  await page.waitForLoadState('load');
  await expect.poll(() => page.locator('.loading').count()).toBe(0);
  await page.evaluate('document.fonts.ready.then(() => true)');
  await shot(page, vp, name);
  const violations = await axe(page);
  if (process.env.PROBE_TIMING) console.log(`${vp.name} ${name} ${Date.now() - t0}ms at ${new Date().toISOString().slice(11, 19)}`);
  expect(violations, `${vp.name} ${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

export async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto('/signin');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('form').getByRole('button', { name: text.auth.signIn }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
}

/** Opens an action of the action panel, fills its fields and confirms it. */
export async function act(page: Page, action: keyof typeof text.actionNames, fields: Record<string, string> = {}): Promise<void> {
  const name = (text.actionButtons as Record<string, string>)[action] ?? text.actionNames[action];
  await page.locator('.action-buttons').getByRole('button', { name, exact: true }).click();
  const form = page.locator('#action-form');
  for (const [field, value] of Object.entries(fields)) await form.locator(`[name="${field}"]`).fill(value);
  await form.getByRole('button', { name: text.actions.confirm.replace('{{action}}', name) }).click();
  await page.getByText(text.actions.done.replace('{{action}}', name)).waitFor();
}

/** The dossier page of an officer, found through the inbox's search by code. */
export async function openFromInbox(page: Page, code: string): Promise<void> {
  await page.goto('/desk');
  await page.locator('#ib-code').fill(code);
  await page.getByRole('button', { name: text.inbox.apply, exact: true }).click();
  await page.getByRole('link', { name: code }).click();
  await page.getByRole('heading', { level: 1, name: text.work.title.replace('{{code}}', code) }).waitFor();
}

/** Fills the birth-registration e-form (procedure 1.001193) rendered by @rjsf. */
export async function fillBirthForm(page: Page, prefix: string, applicant?: { name: string; idNumber: string }): Promise<void> {
  const f = (name: string) => page.locator(`#${prefix}_${name}`);
  if (applicant) {
    await f('applicantName').fill(applicant.name);
    await f('applicantIdNumber').fill(applicant.idNumber);
  }
  await f('applicantPhone').fill('0912345678');
  await f('address').fill('Số 12 đường Lý Thường Kiệt');
  expect(await f('communeCode').inputValue(), 'the commune routes the dossier: never preselected').toBe('');
  await f('communeCode').selectOption({ label: 'Phường Đồng Thuận' });
  await f('childFullName').fill('Nguyễn Minh Khang');
  await f('childDateOfBirth').fill('2026-03-01');
  await page.locator(`input[name="${prefix}_childSex"][value="0"], input[id="${prefix}_childSex-0"]`).first().check();
  await f('childPlaceOfBirth').fill('Bệnh viện Hữu nghị Việt Nam - Cu Ba Đồng Hới');
}

/** A one-page A4 PDF with a title, standing in for a scanned document. */
export async function scanPdf(title: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(title, { x: 56, y: 770, size: 22, font: await doc.embedFont(StandardFonts.HelveticaBold) });
  page.drawRectangle({ x: 56, y: 420, width: 483, height: 300, borderWidth: 1, borderColor: rgb(0.3, 0.3, 0.3) });
  page.drawText('motcua - scan', { x: 72, y: 690, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}
