/**
 * Issue 12, item 7: a demo installation says so on every page (GET /api/v1/meta → environment demo),
 * in Vietnamese first and in English after the language switch, without accessibility violations.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { en } from '../../web/src/i18n/en/index.ts';
import { check, signIn, text } from './steps.ts';
import { context, DESKTOP, ensureWebBuilt, failureShots, launch, serve, type Served } from './harness.ts';

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

describe('demo banner', () => {
  it('is on the portal, the sign-in page and a signed-in page, in both languages', async () => {
    const ctx = await context(browser, server.url, DESKTOP);
    const page = await ctx.newPage();
    try {
      const banner = page.getByRole('note', { name: text.app.demoLabel });
      for (const path of ['/', '/procedures', '/signin']) {
        await page.goto(path);
        await banner.getByText(text.app.demoBanner).waitFor();
      }
      await signIn(page, 'motcua.dongthuan');
      await banner.getByText(text.app.demoBanner).waitFor();
      await check(page, DESKTOP, '90-demo-banner');
      await page.getByRole('button', { name: text.nav.switchTo }).click();
      await page.getByRole('note', { name: en.app.demoLabel }).getByText(en.app.demoBanner).waitFor();
    } catch (err) {
      await failureShots(browser, DESKTOP);
      throw err;
    } finally {
      await ctx.close();
    }
  });
});
