/**
 * `npm run screenshots`: the landing page's pictures of the app (public/marketing/<feature>-<theme>.webp),
 * taken from the running app and its demo data, never drawn.
 *
 *   npm run db:seed && npm run dev        (another terminal; or `npm start` on a build)
 *   npm run screenshots                   signs in as the demo user, shoots each page in light and dark
 *
 * SCREENSHOTS_URL points it at another server (default: http://localhost:$PORT, PORT 3000).
 * Chromium: Debian's (CHROMIUM_PATH to use another), as for the end-to-end tests.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import sharp from 'sharp';
import { projectRoot } from './lib/local-environment';
import { allowServerOnlyImports } from './lib/server-modules';
import type { LandingFeature } from '../src/features/marketing';

allowServerOnlyImports();
const { DEMO_USER } = await import('../src/features/auth/server/seed');
const { SCREENSHOT_SIZE } = await import('../src/features/marketing');

const baseUrl = process.env.SCREENSHOTS_URL || `http://localhost:${process.env.PORT || 3000}`;
const outputDir = path.join(projectRoot, 'public/marketing');

/** Each landing feature's page in the demo organization (Acme, seeded by `npm run db:seed`). */
const pages: Record<LandingFeature, string> = {
  workspace: '/dashboard/acme',
  tasks: '/dashboard/acme/tasks',
  members: '/dashboard/acme/members',
  billing: '/dashboard/acme/billing',
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' });
try {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: SCREENSHOT_SIZE,
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  await page.goto('/auth/sign-in');
  await page.getByLabel('Email').fill(DEMO_USER.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_USER.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/auth/'), { timeout: 60_000 });

  mkdirSync(outputDir, { recursive: true });
  for (const theme of ['light', 'dark'] as const) {
    await context.addCookies([{ name: 'keel-theme', value: theme, url: baseUrl }]);
    for (const [feature, pagePath] of Object.entries(pages)) {
      const response = await page.goto(pagePath, { waitUntil: 'networkidle', timeout: 120_000 });
      if (!response?.ok()) throw new Error(`${pagePath} answered ${response?.status()}: is the demo world seeded?`);
      await page.evaluate(() => document.fonts.ready);
      // A client-side toast or a focus ring would date the picture; a fresh top of the page does not.
      await page.mouse.move(0, 0);
      const png = await page.screenshot({ animations: 'disabled', caret: 'hide' });
      const file = path.join(outputDir, `${feature}-${theme}.webp`);
      const { size } = await sharp(png).webp({ quality: 78, effort: 6 }).toFile(file);
      console.log(`${path.relative(projectRoot, file)}  ${(size / 1024).toFixed(1)} kB  (${pagePath}, ${theme})`);
    }
  }
} finally {
  await browser.close();
}
