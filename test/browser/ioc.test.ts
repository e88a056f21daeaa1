/**
 * The operations centre in a real browser. A province-year up to the test clock is generated
 * (`generate`, as `npx motcua generate` does), the server folds live events as `npm start` does.
 * The province admin reads the index, its six groups and the figures (checked against the API),
 * changes the period, drills down to an agency and to a late dossier, sees a new dossier arrive
 * live (server-sent events) and switches to English; an agency leader on a phone sees their agency.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generate } from '../../src/cli/generate.ts';
import { driver } from '../support/ioc-testkit.ts';
import { en } from '../../web/src/i18n/en/index.ts';
import { auth, login } from '../helpers.ts';
import { testConfig, TEST_NOW } from '../config.ts';
import { context, DESKTOP, ensureWebBuilt, failureShots, launch, PHONE, serve, type Served } from './harness.ts';
import { check, signIn, text } from './steps.ts';

let server: Served;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  await ensureWebBuilt();
  dir = mkdtempSync(join(tmpdir(), 'motcua-ioc-web-'));
  [server, browser] = await Promise.all([serve({ consumers: true }), launch()]);
  await generate(server.database, { dossiers: 1500, year: 2026, seed: 'browser', now: new Date(TEST_NOW), databaseUrl: server.database.url });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const kpi = (page: Page, key: string) => page.locator(`[data-kpi="${key}"] .ioc-kpi-value`);
const number = (s: string) => Number(s.replace(/\D/g, ''));
/** Nothing wider than the screen: wide tables scroll inside their own region. */
const fitsWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth');

async function apiDashboard(query: string) {
  const token = await login(server.app, 'admin.tinh');
  const res = await server.app.inject({ url: `/api/v1/ioc/dashboard?${query}`, headers: auth(token) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function adminJourney(): Promise<void> {
  const vp = DESKTOP;
  const ctx = await context(browser, server.url, vp);
  const page = await ctx.newPage();
  await signIn(page, 'admin.tinh');
  await page.getByRole('navigation', { name: text.nav.main }).getByRole('link', { name: text.nav.ioc }).click();
  await page.getByRole('heading', { level: 1, name: text.ioc.title }).waitFor();
  await expect.poll(() => page.getByTestId('ioc-score').textContent()).toMatch(/\d/);

  // The year's figures are the API's; six groups; what the platform does not produce says so.
  const year = await apiDashboard('level=province&period=2026');
  expect(year.figures.received).toBeGreaterThan(1000);
  expect(number(await kpi(page, 'received').innerText())).toBe(year.figures.received);
  await expect.poll(() => page.locator('.ioc-group').count()).toBe(6);
  expect(await page.locator('.ioc-groups').getByText(text.ioc.index.noData).count()).toBeGreaterThan(0);
  expect(await page.locator('.chart svg').count()).toBe(2);
  expect(await page.locator('#ioc-agencies tbody tr').count()).toBeGreaterThan(3);
  await page.locator('.ioc-live.on').waitFor();
  // Long tables show ten rows until asked for all.
  expect(await page.locator('#ioc-procedures tbody tr').count()).toBe(10);
  await page.getByRole('button', { name: text.ioc.tables.showAll.replace('{{count}}', String(year.procedures.length)) }).first().click();
  await expect.poll(() => page.locator('#ioc-procedures tbody tr').count()).toBe(year.procedures.length);
  expect(await fitsWidth(page)).toBe(true);
  await check(page, vp, '40-ioc-province');

  // The first quarter.
  await page.locator('#ioc-kind').selectOption('quarter');
  await page.locator('#ioc-n').selectOption('1');
  await page.getByRole('button', { name: text.ioc.show, exact: true }).click();
  await page.waitForURL(/period=2026-Q1/);
  await page.getByText('Quý 1/2026').waitFor();
  const q1 = await apiDashboard('level=province&period=2026-Q1');
  await expect.poll(async () => number(await kpi(page, 'received').innerText())).toBe(q1.figures.received);

  // Drill down: the best-ranked agency with dossiers settled late, then one of those dossiers.
  const first = q1.agencyRanking.find((a: { late: number }) => a.late > 0);
  expect(first, 'an agency with late dossiers in Q1').toBeDefined();
  if (q1.agencyRanking.indexOf(first) >= 10) await page.locator('button[aria-controls="ioc-agencies"]').click();
  await page.locator('#ioc-agencies').getByRole('link', { name: first.name, exact: true }).click();
  await page.waitForURL(/level=agency/);
  await page.locator('.ioc-crumbs').getByText(first.name).waitFor();
  await expect.poll(async () => number(await kpi(page, 'received').innerText())).toBe(first.received);
  await expect.poll(() => page.locator('#ioc-late tbody tr, .ioc-table .empty').count()).toBeGreaterThan(0);
  expect(await fitsWidth(page)).toBe(true);
  await check(page, vp, '41-ioc-agency');
  await expect.poll(() => page.locator('#ioc-late tbody tr a').count()).toBeGreaterThan(0);
  const late = page.locator('#ioc-late tbody tr a').first();
  const lateCode = await late.innerText();
  await late.click();
  await page.getByRole('heading', { level: 1, name: text.work.title.replace('{{code}}', lateCode) }).waitFor();
  await page.goBack();

  // Live: this month's province view; a dossier received at a desk appears without reloading.
  await page.goto('/ioc?level=province&period=2026-03');
  await page.locator('.ioc-live.on').waitFor();
  await expect.poll(() => kpi(page, 'received').innerText()).toMatch(/\d/);
  const before = number(await kpi(page, 'received').innerText());
  const drv = driver(server.database.db, server.clock, testConfig(dir));
  const code = await drv.intake('birth', true);
  server.clock.advance(60_000);
  expect(await drv.act('motcua.dongthuan', code, 'receive')).toBe(true);
  await expect.poll(async () => number(await kpi(page, 'received').innerText()), { timeout: 15_000 }).toBe(before + 1);

  // English.
  await page.getByRole('button', { name: text.nav.switchTo }).click();
  await page.getByRole('heading', { level: 1, name: en.ioc.title }).waitFor();
  await page.getByText(en.ioc.kpi.received, { exact: true }).waitFor();
  await check(page, vp, '42-ioc-english');
  expect(ctx.problems).toEqual([]);
}

async function leaderOnPhone(): Promise<void> {
  const vp = PHONE;
  const ctx = await context(browser, server.url, vp);
  const page = await ctx.newPage();
  await signIn(page, 'lanhdao.dongthuan');
  await page.goto('/ioc');
  await expect.poll(() => page.getByTestId('ioc-score').textContent()).toMatch(/\d/);
  await page.locator('.ioc-crumbs').getByText(text.ioc.levels.agency, { exact: false }).waitFor();
  expect(await page.locator('#ioc-agencies').count()).toBe(0); // no ranking of other agencies
  expect(await page.locator('#ioc-agency').count()).toBe(0); // no agency filter
  expect(await fitsWidth(page)).toBe(true);
  await check(page, vp, '40-ioc-leader');
  // Down to one of the agency's procedures, and back up by the breadcrumb.
  await page.locator('#ioc-procedures tbody a').first().click();
  await page.waitForURL(/level=procedure/);
  await expect.poll(() => page.getByTestId('ioc-score').textContent()).toMatch(/\d|—/);
  await page.locator('.ioc-crumbs').getByRole('link', { name: text.ioc.levels.agency }).click();
  await page.waitForURL(/level=agency/);
  expect(ctx.problems).toEqual([]);
}

describe('operations centre (IOC) in Chromium', () => {
  it('province admin: index, figures, period, drill-down, live update, English', async () => {
    try {
      await adminJourney();
    } catch (e) {
      await failureShots(browser, DESKTOP);
      throw e;
    }
  }, 180_000); // a whole journey in a browser, like the other journeys: 28–56 s here, longer on a loaded machine

  it('agency leader on a phone: their agency only', async () => {
    try {
      await leaderOnPhone();
    } catch (e) {
      await failureShots(browser, PHONE);
      throw e;
    }
  }, 180_000);
});
