// The waiting-room board of plugin fast_lane on a TV: opened with a device credential in the
// address's fragment (kept, and removed from the address bar), it shows a number called through
// the API within 2 s without a reload, highlights and announces it in Vietnamese when a
// Vietnamese voice is there; at 1920×1080 the numbers are large and nothing overflows. A revoked
// credential makes it say that it needs a new one.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';

import {assertNoProblems, launchBrowser, newPage, screenshot} from './support/browser.js';
import {startHost} from './support/hisx.js';
import {admin, apiClient, waitForText} from './support/app_link.js';
import {assertNoScroll, cashier, createDevice} from './support/fast_lane.js';

let host;
let browser;
let adminApi;
let cashierApi;

before(async () => {
  host = await startHost({plugins: ['his', 'fast_lane']});
  await host.addUser(admin);
  await host.addUser(cashier);
  browser = await launchBrowser();
  adminApi = apiClient(host);
  await adminApi.logIn(admin);
  cashierApi = apiClient(host);
  await cashierApi.logIn(cashier);
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

// A speechSynthesis that records what it is asked to say, with the voices given (headless
// Chromium has none).
function fakeSpeech(voices) {
  const spoken = [];
  window.spokenTexts = spoken;
  window.SpeechSynthesisUtterance = class {
    constructor(text) {
      this.text = text;
      this.lang = '';
      this.voice = null;
    }
  };
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: {
      getVoices: () => voices,
      speak: (utterance) => spoken.push({text: utterance.text, lang: utterance.lang}),
      cancel: () => {},
      addEventListener: () => {},
    },
  });
}

test('the board shows and announces a call within 2 s, large at 1920×1080', async () => {
  const device = await createDevice(adminApi, 'Bảng chờ tầng 1', ['fast_lane.board']);
  assert.match(device.token, /^hisxdev_/);
  const page = await newPage(browser, host.url);
  await page.setViewportSize({width: 1920, height: 1080});
  await page.addInitScript(fakeSpeech, [{name: 'Tiếng Việt', lang: 'vi-VN'}, {name: 'English', lang: 'en-US'}]);
  await page.goto(`/fast_lane/board.html#device=${device.token}`);
  await page.waitForSelector('body[data-state="live"]');
  assert.equal(new URL(page.url()).hash, '', 'the credential left the address bar');
  assert.equal(await page.evaluate(() => localStorage.getItem('hisx.device_token')), device.token);
  assert.equal(await page.locator('.board-heading').textContent(), 'Mời người bệnh đến quầy thu ngân');

  // Tickets waiting in both lanes show as the next numbers.
  const waiting = [];
  for (const body of [{lane: 'fast', priority_group: 'disability'}, {lane: 'fast', priority_group: 'veteran'},
    {lane: 'regular'}, {lane: 'regular'}]) {
    waiting.push(await cashierApi.ok('/api/v1/fast-lane/tickets', {method: 'POST', body}, [201]));
  }
  await waitForText(page, '#next-regular', new RegExp(`${waiting[2].label}.*${waiting[3].label}`), 3000);

  // A call through the API shows at its window within 2 s, highlighted and announced.
  const answer = await cashierApi.ok('/api/v1/fast-lane/windows/Q1/next', {method: 'POST'});
  const called = answer.called.label;
  assert.equal(called, waiting[0].label);
  const start = Date.now();
  await page.waitForFunction((label) => {
    const number = document.querySelector('[data-window="Q1"] .window-number');
    return number && number.textContent === label;
  }, called, {timeout: 2000, polling: 50});
  console.log(`the board showed ${called} after ${Date.now() - start} ms`);
  assert.equal(await page.locator('[data-window="Q1"]').getAttribute('class'), 'board-window is-called');
  await page.waitForFunction(() => window.spokenTexts.length > 0);
  assert.deepEqual(await page.evaluate(() => window.spokenTexts),
    [{text: `Mời số ${called} đến quầy Q1`, lang: 'vi-VN'}]);
  assert.doesNotMatch(await page.locator('#next-fast').textContent(), new RegExp(called));

  // Large numbers, nothing overflowing.
  const sizes = await page.evaluate(() => ({
    window: parseFloat(getComputedStyle(document.querySelector('.window-number')).fontSize),
    next: parseFloat(getComputedStyle(document.querySelector('.next-number')).fontSize),
  }));
  assert.ok(sizes.window >= 64, `window numbers ${sizes.window}px`);
  assert.ok(sizes.next >= 64, `next numbers ${sizes.next}px`);
  await assertNoScroll(page);
  const overflowing = await page.evaluate(() => [...document.querySelectorAll('.board-main *')]
    .filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflow !== 'hidden')
    .map((e) => e.className));
  assert.deepEqual(overflowing, []);
  console.log(`screenshot: ${await screenshot(page, 'fast-lane-board-1920')}`);

  // The credential is revoked: the board says it needs a new one.
  await adminApi.ok(`/api/v1/host/devices/${device.id}`, {method: 'DELETE'}, [200, 204]);
  await waitForText(page, '#board-missing-text', /^Màn hình này cần mã thiết bị mới/, 5000);
  assert.equal(await page.evaluate(() => localStorage.getItem('hisx.device_token')), null);
  assertNoProblems(page, ['Failed to load resource']);
  await page.context().close();
});

test('without a Vietnamese voice nothing is spoken; without a credential the board says so', async () => {
  const device = await createDevice(adminApi, 'Bảng chờ tầng 2', ['fast_lane.board']);
  const page = await newPage(browser, host.url);
  await page.addInitScript(fakeSpeech, [{name: 'English', lang: 'en-US'}]);
  await page.goto(`/fast_lane/board.html#device=${device.token}`);
  await page.waitForSelector('body[data-state="live"]');
  await cashierApi.ok('/api/v1/fast-lane/tickets', {method: 'POST', body: {lane: 'regular'}}, [201]);
  const answer = await cashierApi.ok('/api/v1/fast-lane/windows/Q3/next', {method: 'POST'});
  await page.waitForFunction((label) =>
    document.querySelector('[data-window="Q3"] .window-number')?.textContent === label,
  answer.called.label, {timeout: 2000, polling: 50});
  assert.deepEqual(await page.evaluate(() => window.spokenTexts), []);
  assertNoProblems(page);

  const bare = await newPage(browser, host.url);
  await bare.goto('/fast_lane/board.html');
  await waitForText(bare, '#board-missing-text', /^Màn hình này cần mã thiết bị mới/);
  await page.context().close();
  await bare.context().close();
});
