/**
 * Supplement and withdrawal in the browser (desktop): the desk asks for a supplement (form 02 fields),
 * the citizen sees what is missing, uploads it and later withdraws; the desk stops the dossier.
 * The dossier itself is submitted through the API to keep the run short.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { auth, DEMO_COMMUNE, registerCitizen, samplePdf, upload } from '../helpers.ts';
import { fill } from '../sample-form.ts';
import { context, DESKTOP, ensureWebBuilt, failureShots, launch, serve, type Served } from './harness.ts';
import { act, check, openFromInbox, signIn, text } from './steps.ts';

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

async function submitted(): Promise<{ code: string; idNumber: string }> {
  const { app } = server;
  const { idNumber, token } = await registerCitizen(app, 'Phạm Thị Dung');
  const p = (await app.inject({ url: '/api/v1/procedures/1.001193' })).json();
  const files = [];
  for (const c of p.components.filter((c: { required: boolean }) => c.required)) files.push({ componentCode: c.code, fileId: (await upload(app, token)).json().id });
  const res = await app.inject({
    method: 'POST', url: '/api/v1/dossiers', headers: { ...auth(token), 'idempotency-key': `browser-supplement-${idNumber}` },
    payload: { procedureCode: '1.001193', formData: fill(p.eform, { communeCode: DEMO_COMMUNE, applicantIdNumber: idNumber }), files },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { code: res.json().code, idNumber };
}

async function journey(): Promise<void> {
  const vp = DESKTOP;
  const { code, idNumber } = await submitted();
  const deskCtx = await context(browser, server.url, vp);
  const desk = await deskCtx.newPage();
  await signIn(desk, 'motcua.dongthuan');
  await openFromInbox(desk, code);
  await act(desk, 'request_supplement', { items: 'Giấy chứng sinh (bản chính)\nBản sao giấy tờ tùy thân', reason: 'Bản chụp giấy chứng sinh bị mờ' });

  const citizenCtx = await context(browser, server.url, vp);
  const citizen = await citizenCtx.newPage();
  await signIn(citizen, idNumber, 'Hoa-sen-2026');
  await citizen.goto(`/me/dossiers/${code}`);
  await citizen.getByText(text.mine.supplementAsked).waitFor();
  await citizen.getByText('Bản chụp giấy chứng sinh bị mờ').first().waitFor();
  await citizen.locator('.action-buttons').getByRole('button', { name: text.actionButtons.resubmit_supplement }).click();
  const form = citizen.locator('#action-form');
  await form.locator('#file-TP04').setInputFiles({ name: 'giay-chung-sinh-ro.pdf', mimeType: 'application/pdf', buffer: samplePdf('ro net') });
  await form.getByText(text.upload.done, { exact: true }).waitFor();
  await check(citizen, vp, '21-supplement');
  await form.getByRole('button', { name: text.actions.confirm.replace('{{action}}', text.actionButtons.resubmit_supplement) }).click();
  await citizen.locator('.status-line').getByText('Mới đăng ký').waitFor();
  expect(await citizen.locator('.documents').textContent()).toContain('giay-chung-sinh-ro.pdf');

  await act(citizen, 'request_withdrawal', { reason: 'Đã nộp tại quầy' });
  await citizen.locator('.status-line').getByText('Công dân yêu cầu rút hồ sơ').waitFor();
  await desk.reload();
  await act(desk, 'accept_withdrawal', { reason: 'Theo đề nghị của công dân' });
  await desk.locator('.status-line').getByText('Dừng xử lý').waitFor();
  await check(desk, vp, '22-stopped');
  expect([...deskCtx.problems, ...citizenCtx.problems]).toEqual([]);
}

describe('supplement and withdrawal', () => {
  it('asks for a document, receives it, and stops the dossier the applicant withdraws', async () => {
    const vp = DESKTOP;
    try {
      await journey();
    } catch (err) {
      await failureShots(browser, vp);
      throw err;
    }
  }, 120_000);
});
