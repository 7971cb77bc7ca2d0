// A desk computer's clock need not agree with the host's: a session stays open for its whole
// length measured on the computer's own clock. Here the host's clock runs two days behind
// (clock.start), as if the server or the PC had been set wrong.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';

import {assertNoProblems, launchBrowser, logIn, newPage, shellReady, token}
  from './support/browser.js';
import {startHost} from './support/hisx.js';
import {receptionist} from './support/users.js';

let host;
let browser;

before(async () => {
  const twoDaysAgo = new Date(Date.now() - 2 * 86400e3).toISOString().replace(/\.\d+Z$/, 'Z');
  host = await startHost({defines: [`clock.start=${twoDaysAgo}`]});
  await host.addUser(receptionist);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

test('a session opened on a host whose clock is behind stays open in the browser', async () => {
  const page = await newPage(browser, host.url);
  await logIn(page, receptionist);
  assert.ok(await token(page), 'the tab holds the token');
  const kept = await page.evaluate(() => Date.parse(sessionStorage.getItem('hisx.token_expires_at')));
  const hours = (kept - Date.now()) / 3600e3;
  assert.ok(hours > 11.9 && hours <= 12, `the session ends in 12 h on this computer's clock (${hours})`);

  // Another page: still logged in, with the navigation of the role.
  await page.goto('/his/patients.html');
  await shellReady(page);
  assert.equal(new URL(page.url()).pathname, '/his/patients.html');
  assert.ok(await page.locator('#shell-nav a', {hasText: 'Tra cứu bệnh nhân'}).isVisible());
  assert.ok(host.output().includes('clock.start is set'), 'hisxd warns about its clock');
  assertNoProblems(page);
});
