// Logging out ends the session everywhere: the page, the tab's storage and the server.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';

import {assertNoProblems, launchBrowser, logIn, newPage, shellReady, token}
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

async function me(bearer) {
  const response = await fetch(`${host.url}/api/v1/auth/me`,
    {headers: {Authorization: `Bearer ${bearer}`}});
  return response.status;
}

test('logging out returns to the login page and the old token is refused', async () => {
  const page = await newPage(browser, host.url);
  await logIn(page, receptionist);
  const old = await token(page);
  assert.ok(old);
  assert.equal(await me(old), 200);

  await page.getByRole('button', {name: 'Đăng xuất'}).click();
  await page.waitForURL('**/login.html');
  await shellReady(page);
  assert.equal(await token(page), null, 'the token is gone from the tab');
  assert.equal(await me(old), 401, 'the server refuses the old token');

  // Back to a staff page: the login page again.
  await page.goto('/his/patients.html');
  await page.waitForURL('**/login.html?next=*');
  assertNoProblems(page);
});

test('a session the server no longer knows goes back to the login page', async () => {
  const page = await newPage(browser, host.url);
  await logIn(page, receptionist);
  await page.evaluate(() => sessionStorage.setItem('hisx.token', 'not-a-valid-token'));
  await page.goto('/his/patients.html');
  await page.waitForURL('**/login.html?next=%2Fhis%2Fpatients.html');
  await shellReady(page);
  assert.equal(await token(page), null);
  assertNoProblems(page, ['401']);
});
