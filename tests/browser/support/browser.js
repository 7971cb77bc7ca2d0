// Debian's Chromium, headless, driven by Playwright; and the small steps every test shares.
import {access, mkdir} from 'node:fs/promises';
import {constants} from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';

import {env} from './hisx.js';

// No network here: these flags keep Chromium from trying to reach Google's services.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches headless Chromium; fails with what to do when it or Playwright is missing. */
export async function launchBrowser() {
  let playwright;
  try {
    playwright = await import('playwright-core');
  } catch (error) {
    throw new Error('playwright-core is not installed in tests/browser/node_modules: run ' +
      `scripts/bootstrap (it runs \`npm ci\` there). ${error.message}`);
  }
  const executablePath = process.env.HISX_CHROMIUM || '/usr/bin/chromium';
  try {
    await access(executablePath, constants.X_OK);
  } catch (error) {
    throw new Error(`Chromium is not at ${executablePath}: run scripts/bootstrap (it installs ` +
      'Debian\'s chromium package), or set HISX_CHROMIUM.');
  }
  return playwright.chromium.launch({executablePath, headless: true, args: CHROMIUM_ARGS});
}

/**
 * A new page in a fresh context (own storage) on `baseURL`. Errors the page reports (script
 * errors, refused resources, Content-Security-Policy violations) are collected in
 * `page.problems` for assertNoProblems().
 */
export async function newPage(browser, baseURL) {
  const context = await browser.newContext({baseURL, viewport: {width: 1280, height: 800}});
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console: ${message.text()}`);
  });
  return page;
}

/** Fails when the page reported errors (other than the `expected` substrings). */
export function assertNoProblems(page, expected = []) {
  const unexpected = page.problems.filter((p) => !expected.some((e) => p.includes(e)));
  assert.deepEqual(unexpected, [], 'the page reported errors');
}

/** Waits until the shell has translated and shown the page. */
export async function shellReady(page) {
  await page.waitForFunction(() => !document.documentElement.classList.contains('hisx-loading'));
}

/**
 * Logs in through the form (on the login page already shown, or after opening it) and waits
 * for the page it leads to.
 */
export async function logIn(page, {username, password}) {
  if (new URL(page.url()).pathname !== '/login.html') await page.goto('/login.html');
  await shellReady(page);
  await page.getByLabel(/Tên đăng nhập|Username/).fill(username);
  await page.getByLabel(/Mật khẩu|Password/).fill(password);
  await page.locator('#login-form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login.html'));
  await shellReady(page);
}

/** The session token the shell holds (null when logged out). */
export function token(page) {
  return page.evaluate(() => sessionStorage.getItem('hisx.token'));
}

/** Saves a screenshot under the build folder's browser-artifacts/; returns its path. */
export async function screenshot(page, name) {
  const folder = env('HISX_BROWSER_ARTIFACTS');
  await mkdir(folder, {recursive: true});
  const file = path.join(folder, `${name}.png`);
  await page.screenshot({path: file, fullPage: true});
  return file;
}

/** The texts of the navigation's links, in order. */
export function navLinks(page) {
  return page.locator('#shell-nav a').allTextContents();
}
