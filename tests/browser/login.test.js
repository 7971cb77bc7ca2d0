// Logging in: the navigation follows the user's role; a wrong password says so.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';

import {assertNoProblems, launchBrowser, logIn, navLinks, newPage, screenshot, shellReady, token}
  from './support/browser.js';
import {startHost} from './support/hisx.js';
import {manager, receptionist} from './support/users.js';

let host;
let browser;

before(async () => {
  host = await startHost({plugins: ['his', 'nav_fixture'], fixtures: true});
  await host.addUser(receptionist);
  await host.addUser(manager);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

test('the home page sends a visitor without a session to the login page', async () => {
  const page = await newPage(browser, host.url);
  await page.goto('/');
  await page.waitForURL('**/login.html');
  await shellReady(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  assert.equal(await page.locator('h1').textContent(), 'Đăng nhập');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'username');
  assertNoProblems(page);
});

test('a receptionist logs in and sees the pages of her role', async () => {
  const page = await newPage(browser, host.url);
  await logIn(page, receptionist);
  assert.equal(new URL(page.url()).pathname, '/');
  assert.ok(await token(page), 'the session token is kept for the tab');

  const header = page.locator('header');
  assert.equal(await header.locator('.user-name').textContent(), 'Nguyễn Thị Lan');
  assert.equal(await header.locator('.user-role').textContent(), 'Lễ tân');
  assert.equal(await page.locator('h1').textContent(), 'Xin chào, Nguyễn Thị Lan');

  assert.deepEqual(await navLinks(page), ['Trang chủ', 'Tra cứu bệnh nhân']);
  const link = page.getByRole('navigation').getByRole('link', {name: 'Tra cứu bệnh nhân'});
  assert.equal(await link.getAttribute('href'), '/his/patients.html');
  assert.equal(await page.locator('#shell-nav a[aria-current="page"]').textContent(), 'Trang chủ');

  const shot = await screenshot(page, 'shell-home-receptionist-vi');
  console.log(`screenshot: ${shot}`);

  await link.click();
  await page.waitForURL('**/his/patients.html');
  await shellReady(page);
  assert.equal(await page.locator('h1').textContent(), 'Tra cứu bệnh nhân');
  assert.equal(await page.locator('#shell-nav a[aria-current="page"]').textContent(),
    'Tra cứu bệnh nhân');
  assertNoProblems(page);
});

test('a manager also sees the page only managers may open', async () => {
  const page = await newPage(browser, host.url);
  await logIn(page, manager);
  assert.equal(await page.locator('header .user-role').textContent(), 'Quản lý');
  assert.deepEqual(await navLinks(page),
    ['Trang chủ', 'Tra cứu bệnh nhân', 'Trang dành cho quản lý']);
  assert.deepEqual(await page.locator('#home-pages a').allTextContents(),
    ['Tra cứu bệnh nhân', 'Trang dành cho quản lý']);

  await page.getByRole('link', {name: 'Trang dành cho quản lý'}).first().click();
  await page.waitForURL('**/nav_fixture/managers.html');
  await shellReady(page);
  assert.equal(await page.locator('h1').textContent(), 'Trang dành cho quản lý');
  assertNoProblems(page);
});

test('a wrong password shows the error, in Vietnamese, and keeps the user out', async () => {
  const page = await newPage(browser, host.url);
  await page.goto('/login.html');
  await shellReady(page);
  const error = page.locator('#login-error');
  assert.equal(await error.isVisible(), false);

  await page.getByLabel('Tên đăng nhập').fill(receptionist.username);
  await page.getByLabel('Mật khẩu').fill('not-her-password');
  await page.getByRole('button', {name: 'Đăng nhập'}).click();

  await error.waitFor({state: 'visible'});
  assert.equal(await error.textContent(), 'Tên đăng nhập hoặc mật khẩu không đúng.');
  assert.equal(await error.getAttribute('role'), 'alert');
  assert.equal(new URL(page.url()).pathname, '/login.html');
  assert.equal(await token(page), null);
  assert.equal(await page.getByLabel('Mật khẩu').inputValue(), '', 'the password is cleared');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'password');
  await screenshot(page, 'login-wrong-password-vi');
  // The browser reports the 401 of the login call itself; nothing else may fail.
  assertNoProblems(page, ['401']);
});

test('a page asked for before logging in opens after it', async () => {
  const page = await newPage(browser, host.url);
  await page.goto('/his/patients.html');
  await page.waitForURL('**/login.html?next=%2Fhis%2Fpatients.html');
  await logIn(page, receptionist);
  assert.equal(new URL(page.url()).pathname, '/his/patients.html');
  assert.equal(await page.locator('h1').textContent(), 'Tra cứu bệnh nhân');
});
