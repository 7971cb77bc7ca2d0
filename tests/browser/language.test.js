// Vietnamese by default, English on request: every text switches, the page's lang follows,
// and the choice is remembered.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';

import {assertNoProblems, launchBrowser, logIn, navLinks, newPage, screenshot, shellReady}
  from './support/browser.js';
import {startHost} from './support/hisx.js';
import {receptionist} from './support/users.js';

let host;
let browser;

before(async () => {
  host = await startHost();
  await host.addUser(receptionist);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

// What a user reads on the home page, and the page's language.
async function texts(page) {
  return {
    lang: await page.locator('html').getAttribute('lang'),
    title: await page.title(),
    heading: await page.locator('h1').textContent(),
    nav: await navLinks(page),
    role: await page.locator('header .user-role').textContent(),
    logout: await page.locator('header button.logout').textContent(),
    pressed: await page.locator('.lang-switch button[aria-pressed="true"]').textContent(),
  };
}

test('switching to English and back changes every text and is remembered', async () => {
  const page = await newPage(browser, host.url);
  await logIn(page, receptionist);
  assert.deepEqual(await texts(page), {
    lang: 'vi',
    title: 'Trang chủ — hisx',
    heading: 'Xin chào, Nguyễn Thị Lan',
    nav: ['Trang chủ', 'Tra cứu bệnh nhân'],
    role: 'Lễ tân',
    logout: 'Đăng xuất',
    pressed: 'VI',
  });

  await page.getByRole('button', {name: 'English'}).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const english = {
    lang: 'en',
    title: 'Home — hisx',
    heading: 'Hello, Nguyễn Thị Lan',
    nav: ['Home', 'Patient search'],
    role: 'Receptionist',
    logout: 'Log out',
    pressed: 'EN',
  };
  assert.deepEqual(await texts(page), english);
  await screenshot(page, 'shell-home-receptionist-en');

  // Remembered across a reload and on the other pages.
  await page.reload();
  await shellReady(page);
  assert.deepEqual(await texts(page), english);
  await page.getByRole('link', {name: 'Patient search'}).first().click();
  await page.waitForURL('**/his/patients.html');
  await shellReady(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.locator('h1').textContent(), 'Patient search');
  assert.equal(await page.getByRole('button', {name: 'Search', exact: true}).count(), 1);

  // And back to Vietnamese, remembered too.
  await page.getByRole('button', {name: 'Tiếng Việt'}).click();
  await page.waitForFunction(() => document.documentElement.lang === 'vi');
  assert.equal(await page.locator('h1').textContent(), 'Tra cứu bệnh nhân');
  assert.equal(await page.getByLabel('Họ tên, số điện thoại hoặc mã bệnh nhân').count(), 1);
  await page.goto('/');
  await shellReady(page);
  assert.equal((await texts(page)).lang, 'vi');
  assert.deepEqual(await navLinks(page), ['Trang chủ', 'Tra cứu bệnh nhân']);
  assertNoProblems(page);
});

test('the login page switches language too, errors included', async () => {
  const page = await newPage(browser, host.url);
  await page.goto('/login.html');
  await shellReady(page);
  await page.getByLabel('Tên đăng nhập').fill('someone');
  await page.getByLabel('Mật khẩu').fill('wrong-password');
  await page.keyboard.press('Enter');
  const error = page.locator('#login-error');
  await error.waitFor({state: 'visible'});
  assert.equal(await error.textContent(), 'Tên đăng nhập hoặc mật khẩu không đúng.');

  await page.getByRole('button', {name: 'English'}).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.locator('h1').textContent(), 'Log in');
  assert.equal(await page.title(), 'Log in — hisx');
  assert.equal(await error.textContent(), 'Wrong username or password.');
  assert.equal(await page.getByLabel('Username').count(), 1);
  assert.equal(await page.getByLabel('Password').count(), 1);

  await page.reload();
  await shellReady(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assertNoProblems(page, ['401']);
});
