/**
 * The LGSP admin pages in a real browser: the province admin registers a subsystem, a service from an
 * OpenAPI file, grants a right, creates a credential (the secret shown once), opens the message log and
 * monitoring; axe-core finds no serious violation on any page, on a desktop and at phone width.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMessageLog } from '../../src/modules/gateway/log/index.ts';
import type { Services } from '../../src/platform/module.ts';
import { testConfig } from '../config.ts';
import { exchange } from '../support/gateway-log-kit.ts';
import { context, DESKTOP, ensureWebBuilt, failureShots, launch, PHONE, serve, type Served, type Viewport } from './harness.ts';
import { check, signIn, text } from './steps.ts';
import { addMinutes } from '../../src/modules/gateway/monitoring-store.ts';
import { bucketOf, emptyStats, minuteOf } from '../../src/modules/gateway/monitoring-stats.ts';

let server: Served;
let browser: Browser;
const CLIENT = 'VN/GOV/000.00.21.H45/QLVB';
const SERVICE = 'VN/GOV/000.00.44.H56/MOTCUA/tra-cuu-ho-so';
const X_ROAD_ID = '6f1c2a9e-3b7d-4c1e-9a52-0d8e4f7b2c10';
const gw = text.gw;
const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k]));
/** A tab of the gateway pages' navigation. */
const tab = (page: Page, name: string) => page.getByRole('navigation', { name: gw.nav.label }).getByRole('link', { name, exact: true });
/** Nothing wider than the screen: wide tables scroll inside their own region. */
const fitsWidth = (page: Page) => page.evaluate(`document.documentElement.scrollWidth <= ${PHONE.width}`);

beforeAll(async () => {
  await ensureWebBuilt();
  [server, browser] = await Promise.all([serve(), launch()]);
  // Six hours of traffic up to the browser's now (the monitoring page asks for the last 24 hours of real time).
  const now = minuteOf(Date.now());
  await addMinutes(server.database.db, Array.from({ length: 36 }, (_, i) => {
    const stats = emptyStats();
    stats.requests = 20 + (i % 7) * 5;
    stats.errors = i % 9 === 0 ? 2 : 0;
    stats.bytesIn = stats.requests * 1024;
    stats.bytesOut = stats.requests * 4096;
    stats.durationMsSum = stats.requests * (8 + (i % 5));
    stats.buckets[bucketOf(4)] = stats.requests - 3;
    stats.buckets[bucketOf(40)] = 2;
    stats.buckets[bucketOf(700)] = 1;
    return { minute: now - (35 - i) * 600_000, client: CLIENT, service: SERVICE, stats };
  }));
  // Two exchanges in the message log, written as the proxy's log writes them (signed, hash-chained).
  const dir = mkdtempSync(join(tmpdir(), 'motcua-gwlog-'));
  const log = await openMessageLog({ db: server.database.db, config: testConfig(dir), clock: server.clock, services: {} as Services });
  await exchange(log, { xRoadId: X_ROAD_ID, client: CLIENT, service: SERVICE, method: 'GET', path: '/dossiers/H56.26.000123/status' });
  await exchange(log, { client: CLIENT, service: SERVICE, method: 'GET', path: '/procedures' });
  await log.close();
  rmSync(dir, { recursive: true, force: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('LGSP admin pages', () => {
  let failed: Viewport | null = null;
  afterEach(async (c) => {
    if (c.task.result?.state === 'fail' && failed) await failureShots(browser, failed);
  });

  it('registers a subsystem, a service from OpenAPI, a right and a credential (desktop)', async () => {
    failed = DESKTOP;
    const ctx = await context(browser, server.url, DESKTOP);
    const page = await ctx.newPage();
    await signIn(page, 'admin.tinh');
    await page.getByRole('navigation', { name: text.nav.main }).getByRole('link', { name: text.nav.gateway }).click();
    await page.getByRole('heading', { level: 1, name: gw.members.title }).waitFor();

    await page.getByLabel(gw.members.id).fill(CLIENT);
    await page.getByLabel(gw.members.name).fill('Quản lý văn bản');
    await page.getByLabel(gw.members.memberName).fill('Văn phòng UBND tỉnh');
    await page.getByRole('button', { name: gw.members.save }).click();
    await page.getByText(fill(gw.members.saved, { id: CLIENT })).waitFor();
    await check(page, DESKTOP, '60-gateway-members');

    await tab(page, gw.nav.services).click();
    await page.getByLabel(gw.services.id).fill(SERVICE);
    await page.getByLabel(gw.services.openapi).setInputFiles({ name: 'tra-cuu.yaml', mimeType: 'application/yaml', buffer: readFileSync('test/fixtures/gateway-openapi.yaml') });
    await page.getByLabel(gw.services.digestOnly).check();
    await page.getByRole('button', { name: gw.services.save }).click();
    await page.getByText(fill(gw.services.saved, { id: SERVICE, count: 2 })).waitFor();
    await page.getByText('GET /dossiers/*/status', { exact: true }).waitFor();
    await check(page, DESKTOP, '61-gateway-services');

    // The rights of this service (the seed registered motcua's own services too).
    await page.locator(`a[href$="${encodeURIComponent(SERVICE)}"]`).filter({ hasText: new RegExp(`^${gw.services.manage}`) }).click();
    await page.getByLabel(gw.rights.subject).fill(CLIENT);
    await page.getByLabel(gw.rights.method).selectOption('GET');
    await page.getByLabel(gw.rights.path).fill('/dossiers/{code}/status');
    await page.getByRole('button', { name: gw.rights.grant, exact: true }).click();
    await page.getByText(fill(gw.rights.granted, { subject: CLIENT })).waitFor();
    await page.getByRole('cell', { name: '/dossiers/*/status', exact: true }).waitFor();
    await check(page, DESKTOP, '62-gateway-rights');

    await tab(page, gw.nav.credentials).click();
    await page.getByLabel(gw.credentials.subsystem).selectOption(CLIENT);
    await page.getByRole('button', { name: gw.credentials.create, exact: true }).click();
    const secret = page.getByLabel(gw.credentials.secret, { exact: true });
    await secret.waitFor();
    expect(await secret.inputValue()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const clientId = await page.getByLabel(gw.credentials.clientId, { exact: true }).inputValue();
    expect(clientId).toMatch(/^qlvb-[a-z0-9]{10}$/);
    await page.getByRole('cell', { name: clientId, exact: true }).waitFor();
    await check(page, DESKTOP, '63-gateway-credentials');
    // Shown once: after the page is opened again, only the client id is listed.
    await page.reload();
    await page.getByRole('cell', { name: clientId, exact: true }).waitFor();
    expect(await page.getByLabel(gw.credentials.secret, { exact: true }).count()).toBe(0);

    await tab(page, gw.nav.log).click();
    await page.getByRole('heading', { level: 1, name: gw.log.title }).waitFor();
    await page.getByLabel(gw.log.xRoadId).fill(X_ROAD_ID);
    await page.getByRole('button', { name: gw.log.search, exact: true }).click();
    await expect.poll(() => page.getByRole('cell', { name: X_ROAD_ID, exact: true }).count()).toBe(2);
    await check(page, DESKTOP, '64-gateway-log');
    await page.getByRole('link', { name: `${gw.log.open}: ${gw.log.kinds.request} ${X_ROAD_ID}` }).click();
    await page.getByRole('heading', { level: 2, name: gw.log.headers }).waitFor();
    await page.getByText(`{"q":"${X_ROAD_ID}"}`).waitFor();
    await check(page, DESKTOP, '64-gateway-log-record');
    await tab(page, gw.nav.log).click();
    await tab(page, gw.nav.monitoring).click();
    await page.getByRole('heading', { level: 1, name: gw.monitoring.title }).waitFor();
    await page.getByRole('cell', { name: SERVICE, exact: true }).waitFor();
    await check(page, DESKTOP, '65-gateway-monitoring');
    expect(ctx.problems).toEqual([]);
    await ctx.close();
  });

  it('is usable at phone width: every page fits and passes axe', async () => {
    failed = PHONE;
    const ctx = await context(browser, server.url, PHONE);
    const page = await ctx.newPage();
    await signIn(page, 'admin.tinh');
    // Five hours on, the two exchanges logged at the start still wait for a time-stamp: every gateway page says so.
    server.clock.advance(5 * 3_600_000);
    await page.goto('/admin/gateway');
    const unhealthy = page.getByRole('alert').filter({ hasText: gw.health.unhealthy });
    await expect.poll(async () => {
      await page.reload();
      await page.getByRole('heading', { level: 1, name: gw.members.title }).waitFor();
      return unhealthy.count();
    }, { timeout: 30_000 }).toBe(1);
    for (const [path, heading, name] of [
      ['/admin/gateway', gw.members.title, '66-gateway-members'], ['/admin/gateway/services', gw.services.title, '67-gateway-services'],
      [`/admin/gateway/rights?id=${encodeURIComponent(SERVICE)}`, fill(gw.rights.title, { id: SERVICE }), '68-gateway-rights'],
      ['/admin/gateway/credentials', gw.credentials.title, '69-gateway-credentials'], ['/admin/gateway/log', gw.log.title, '70-gateway-log'],
      ['/admin/gateway/monitoring', gw.monitoring.title, '71-gateway-monitoring'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await unhealthy.waitFor();
      await check(page, PHONE, name);
      expect(await fitsWidth(page), `${path} fits the phone`).toBe(true);
    }
    expect(ctx.problems).toEqual([]);
    await ctx.close();
  });

  it('keeps the pages from others: a counter officer is sent home', async () => {
    const ctx = await context(browser, server.url, DESKTOP);
    const page = await ctx.newPage();
    await signIn(page, 'motcua.tinh');
    expect(await page.getByRole('link', { name: text.nav.gateway }).count()).toBe(0);
    await page.goto('/admin/gateway/credentials');
    await page.waitForURL((u) => u.pathname === '/desk');
    await ctx.close();
  });
});
