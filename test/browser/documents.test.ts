/**
 * Signed documents in the browser, at phone and desktop sizes: a citizen whose dossier has a signed,
 * issued result finds it under "Giấy tờ của tôi" (from the menu) and on the dossier's page and
 * downloads the PDF; a procedure page opened from a link or reloaded is the application, not a JSON
 * 404; anyone verifies a PDF on the "Xác thực giấy tờ" page (from the menu) and reads the report in
 * words, and the QR code's page leads there. The dossier is carried to its result through the API.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { auth, CITIZEN_PASSWORD, DEMO_COMMUNE, login, PNG_1x1, registerCitizen, upload } from '../helpers.ts';
import { fill } from '../sample-form.ts';
import { context, DESKTOP, ensureWebBuilt, failureShots, launch, PHONE, serve, type Served, type Viewport } from './harness.ts';
import { check, signIn, text } from './steps.ts';

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

const PROCEDURE = 'Thủ tục đăng ký khai sinh';
const LEADER = 'Ngô Thị Chủ Tịch';
const SEAL = 'Ủy ban nhân dân Phường Đồng Thuận';

interface Issued { code: string; idNumber: string; documentId: string; title: string }

/** A citizen's online dossier, received, handled, signed, issued and returned by the officers (API). */
async function issued(): Promise<Issued> {
  const { app } = server;
  const { idNumber, token } = await registerCitizen(app, 'Đặng Thị Hoa');
  const p = (await app.inject({ url: '/api/v1/procedures/1.001193' })).json();
  const files = [];
  for (const c of p.components.filter((c: { required: boolean }) => c.required)) files.push({ componentCode: c.code, fileId: (await upload(app, token)).json().id });
  const res = await app.inject({
    method: 'POST', url: '/api/v1/dossiers', headers: { ...auth(token), 'idempotency-key': `browser-documents-${idNumber}` },
    payload: { procedureCode: '1.001193', formData: fill(p.eform, { communeCode: DEMO_COMMUNE, applicantIdNumber: idNumber }), files },
  });
  expect(res.statusCode, res.body).toBe(201);
  const code: string = res.json().code;
  const steps: [string, Record<string, unknown>][] = [
    ['motcua.dongthuan', { action: 'receive' }], ['motcua.dongthuan', { action: 'assign' }],
    ['chuyenvien.dongthuan', { action: 'forward', note: 'Hồ sơ hợp lệ, đề nghị ký' }],
    ['lanhdao.dongthuan', { action: 'sign' }], ['lanhdao.dongthuan', { action: 'issue_result' }],
    ['motcua.dongthuan', { action: 'return_result' }],
  ];
  for (const [user, body] of steps) {
    const officer = await login(app, user);
    const version = (await app.inject({ url: `/api/v1/dossiers/${code}`, headers: auth(officer) })).json().version;
    const done = await app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/actions`, headers: { ...auth(officer), 'if-match': String(version) }, payload: body });
    expect(done.statusCode, `${body.action}: ${done.body}`).toBe(200);
  }
  const mine = (await app.inject({ url: '/api/v1/me/documents', headers: auth(token) })).json();
  const result = mine.items.find((d: { kind: string; dossier: { code: string } }) => d.kind === 'result' && d.dossier.code === code);
  expect(result, JSON.stringify(mine)).toBeDefined();
  return { code, idNumber, documentId: result.id, title: result.title };
}

/** The main menu's link (the menu is folded on phones). */
async function menu(page: Page, vp: Viewport, name: string): Promise<void> {
  const link = page.getByRole('navigation', { name: text.nav.main }).getByRole('link', { name, exact: true });
  if (vp.mobile) {
    // The menu closes on every route change; one that lands just after sign-in can close it again.
    const toggle = page.getByRole('button', { name: text.nav.menu });
    await expect.poll(async () => {
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
      return link.isVisible();
    }).toBe(true);
  }
  await link.click();
}

/** Clicks a download link and returns what the browser saved. */
async function download(page: Page, link: ReturnType<Page['locator']>): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: await readFile(path!) };
}

function isPdf(file: { name: string; bytes: Buffer }): void {
  expect(file.name).toMatch(/\.pdf$/);
  expect(file.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

async function myDocuments(page: Page, vp: Viewport, d: Issued): Promise<Buffer> {
  await signIn(page, d.idNumber, CITIZEN_PASSWORD);
  await menu(page, vp, text.nav.myDocuments);
  await page.getByRole('heading', { level: 1, name: text.myDocs.title }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/me/documents');
  const item = page.getByRole('listitem').filter({ hasText: d.code });
  await item.getByRole('heading', { name: d.title }).waitFor();
  for (const words of [PROCEDURE, LEADER, d.code]) expect(await item.textContent()).toContain(words);
  await check(page, vp, '30-my-documents');
  const file = await download(page, item.getByRole('link', { name: text.signedDocs.downloadOf.replace('{{title}}', d.title) }));
  isPdf(file);
  expect(await item.getByRole('link', { name: text.signedDocs.verifyOf.replace('{{title}}', d.title) }).getAttribute('href')).toBe(`/verify/${d.documentId}`);

  // The dossier's page lists the result (and the dossier's other signed documents) with a download.
  await item.getByRole('link', { name: d.code, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: text.mine.dossierTitle.replace('{{code}}', d.code) }).waitFor();
  const section = page.getByRole('region', { name: text.signedDocs.title });
  await section.getByText(text.signedDocs.resultReady).waitFor();
  expect(await section.textContent()).toContain(LEADER);
  await check(page, vp, '31-my-dossier-result');
  isPdf(await download(page, section.getByRole('link', { name: text.signedDocs.downloadOf.replace('{{title}}', d.title) })));
  expect(await section.getByRole('listitem').count()).toBeGreaterThanOrEqual(2); // form 01, the result, form 05
  return file.bytes;
}

async function procedureLink(page: Page): Promise<void> {
  for (const path of ['/procedures/1.001193', '/procedures/2.000815']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    expect(res?.headers()['content-type'], path).toMatch(/text\/html/);
    await page.getByRole('heading', { level: 1 }).waitFor();
  }
  await page.goto('/procedures/1.001193');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: PROCEDURE }).waitFor();
}

async function verification(page: Page, vp: Viewport, d: Issued, pdf: Buffer): Promise<void> {
  await page.goto('/');
  await menu(page, vp, text.nav.verifyDocument);
  await page.getByRole('heading', { level: 1, name: text.verification.title }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/verify');
  await check(page, vp, '32-verify');

  const input = page.getByLabel(text.verification.file);
  const submit = page.getByRole('button', { name: text.verification.submit, exact: true });
  await input.setInputFiles({ name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: pdf });
  await submit.click();
  const report = page.getByRole('region', { name: text.verification.report });
  await report.getByRole('heading', { name: text.verification.valid }).waitFor();
  const words = await report.textContent();
  for (const w of [LEADER, SEAL, text.verification.registered, d.title, d.code, PROCEDURE, text.verification.signatureOk, text.verification.chainOk]) expect(words).toContain(w);
  expect(words).not.toContain('"valid"');
  await check(page, vp, '33-verify-valid');

  // One changed byte inside the signed part: invalid, with the reasons in words.
  const changed = Buffer.from(pdf);
  const at = Math.floor(changed.length / 3);
  changed[at] = changed[at]! ^ 0x01;
  await input.setInputFiles({ name: 'ket-qua-sua.pdf', mimeType: 'application/pdf', buffer: changed });
  await submit.click();
  await report.getByRole('heading', { name: text.verification.invalid }).waitFor();
  expect(await report.textContent()).toContain(text.verification.invalidLead);
  await check(page, vp, '34-verify-invalid');

  // Not a PDF: a sentence, not a problem document.
  await input.setInputFiles({ name: 'anh.png', mimeType: 'image/png', buffer: PNG_1x1 });
  await submit.click();
  await page.getByText(text.verification.notPdf).waitFor();
  expect(await page.locator('main').textContent()).not.toMatch(/"type"|problems\//);

  // The QR code's page: accessible, and its "check the copy you hold" leads to the verification page.
  await page.goto(`/verify/${d.documentId}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await check(page, vp, '35-verify-qr');
  await page.getByRole('link', { name: /Xác thực giấy tờ/ }).click();
  await page.getByRole('heading', { level: 1, name: text.verification.title }).waitFor();
}

describe.each([PHONE, DESKTOP])('signed documents at $name size', (vp) => {
  it('downloads the result, opens procedure links, verifies a document', async () => {
    try {
      const d = await issued();
      const citizenCtx = await context(browser, server.url, vp);
      const citizen = await citizenCtx.newPage();
      const pdf = await myDocuments(citizen, vp, d);
      await procedureLink(citizen);
      const anonCtx = await context(browser, server.url, vp);
      await verification(await anonCtx.newPage(), vp, d, pdf);
      expect([...citizenCtx.problems, ...anonCtx.problems]).toEqual([]);
    } catch (err) {
      await failureShots(browser, vp);
      throw err;
    } finally {
      for (const ctx of browser.contexts()) await ctx.close();
    }
  }, 180_000);
});
