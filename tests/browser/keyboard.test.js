// Everything with the keyboard alone: logging in, moving through the layout, searching for a
// patient and opening one.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';

import {assertNoProblems, launchBrowser, newPage, screenshot, shellReady}
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

// The focused element, as a user would name it.
function focused(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (e.matches('.brand')) return 'brand';
    if (e.matches('tbody tr')) return `row ${e.sectionRowIndex + 1}`;
    return e.id && e.matches('input, main, h2') ? `#${e.id}` : e.textContent.trim();
  });
}

// Whether the focused element shows a focus ring.
function focusRingShown(page) {
  return page.evaluate(() => {
    const style = getComputedStyle(document.activeElement);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  });
}

async function keyboardLogIn(page) {
  await page.goto('/login.html');
  await shellReady(page);
  assert.equal(await focused(page), '#username', 'the login page starts in the username field');
  await page.keyboard.type(receptionist.username);
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), '#password');
  await page.keyboard.type(receptionist.password);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === '/');
  await shellReady(page);
}

test('logging in and moving through the layout in a logical order', async () => {
  const page = await newPage(browser, host.url);
  await keyboardLogIn(page);

  const order = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    order.push(await focused(page));
    assert.ok(await focusRingShown(page), `no visible focus on ${order.at(-1)}`);
  }
  assert.deepEqual(order, ['Bỏ qua đến nội dung chính', 'brand', 'VI', 'EN', 'Đăng xuất',
    'Trang chủ', 'Tra cứu bệnh nhân', 'Tra cứu bệnh nhân']);

  // The skip link shows when focused and jumps to the main content.
  await page.goto('/');
  await shellReady(page);
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  const box = await skip.boundingBox();
  assert.ok(box && box.y >= 0, 'the focused skip link is on screen');
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), '#main');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Tra cứu bệnh nhân', 'the first link of the main content');
  assertNoProblems(page);
});

test('searching for a patient and opening one with the keyboard alone', async () => {
  const page = await newPage(browser, host.url);
  await keyboardLogIn(page);
  for (let i = 0; i < 7; i++) await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Tra cứu bệnh nhân');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/his/patients.html');
  await shellReady(page);
  assert.equal(await focused(page), '#q', 'the search page starts in the search field');

  // Too short: said in the live region, focus stays.
  await page.keyboard.type('n');
  await page.keyboard.press('Enter');
  const status = page.locator('#search-status');
  await page.waitForFunction(() => document.getElementById('search-status').textContent !== '');
  assert.equal(await status.textContent(), 'Nhập ít nhất 2 ký tự để tìm.');
  assert.equal(await status.getAttribute('aria-live'), 'polite');

  await page.keyboard.type('guyen');
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => document.querySelectorAll('#results tbody tr').length > 0);
  assert.match(await status.textContent(), /^(Tìm thấy \d+ bệnh nhân\.|Hiển thị 20 bệnh nhân)/);
  const rows = page.locator('#results tbody tr');
  assert.ok(await rows.count() >= 2, 'the demo has more than one Nguyễn');
  for (const name of await rows.locator('td:nth-child(2)').allTextContents()) {
    assert.match(name, /Nguyễn/i);
  }

  // Arrow keys move through the results, Enter opens one, Escape closes it.
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(page), 'row 1');
  assert.ok(await focusRingShown(page), 'the focused row shows it');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(page), 'row 2');
  const name = await rows.nth(1).locator('td:nth-child(2)').textContent();
  const code = await rows.nth(1).locator('td:nth-child(1)').textContent();
  await page.keyboard.press('Enter');
  const detail = page.locator('#detail');
  await detail.waitFor({state: 'visible'});
  assert.equal(await page.locator('#detail-heading').textContent(), name);
  assert.equal(await detail.locator('[data-field="code"]').textContent(), code);
  assert.equal(await focused(page), '#detail-heading');
  assert.equal(await rows.nth(1).getAttribute('aria-current'), 'true', 'the open row is marked');
  await screenshot(page, 'patients-search-vi');

  await page.keyboard.press('Escape');
  await detail.waitFor({state: 'hidden'});
  assert.equal(await focused(page), 'row 2', 'focus returns to the row');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'row 3', 'Tab goes through the results too');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(page), '#q', 'up from the first row is the search field');
  assertNoProblems(page);
});

test('on a narrow screen the menu opens with Enter and closes with Escape', async () => {
  const page = await newPage(browser, host.url);
  await page.setViewportSize({width: 600, height: 800});
  await keyboardLogIn(page);
  const nav = page.locator('#shell-nav');
  assert.equal(await nav.isVisible(), false);

  await page.keyboard.press('Tab');  // skip link
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Danh mục');
  await page.keyboard.press('Enter');
  assert.equal(await nav.isVisible(), true);
  assert.equal(await page.locator('.nav-toggle').getAttribute('aria-expanded'), 'true');
  assert.equal(await focused(page), 'Trang chủ');

  await page.keyboard.press('Escape');
  assert.equal(await nav.isVisible(), false);
  assert.equal(await page.locator('.nav-toggle').getAttribute('aria-expanded'), 'false');
  assert.equal(await focused(page), 'Danh mục');
  assertNoProblems(page);
});
