// The linking progress page of plugin app_link: a manager sees today's departments worst
// first with the figures the API gives (checked against GET /progress, and against a patient
// the test links, one who visited today), the 7-day
// button asks for the right period, an out-of-range target is refused next to its field, and
// a saved target updates the row. A receptionist sees the table without the edit buttons.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';

import {assertNoProblems, launchBrowser, logIn, newPage, screenshot, shellReady}
  from './support/browser.js';
import {startHost} from './support/hisx.js';
import {manager, receptionist} from './support/users.js';
import {admin, apiClient, focusedId, tabTo, waitForText} from './support/app_link.js';

let host;
let browser;
let api;
let before0;  // GET /progress before the test linked its patient
let department;  // the department of the patient the test linked
let linkedPatient;

before(async () => {
  host = await startHost({plugins: ['his', 'app_link']});
  await host.addUser(admin);
  await host.addUser(manager);
  await host.addUser(receptionist);
  browser = await launchBrowser();
  api = apiClient(host);
  await api.logIn(admin);

  // Today's progress; then patients linked one by one until one who visited today counts
  // (most demo patients visit on the demo day; a link of a patient who did not changes nothing).
  before0 = await api.ok('/api/v1/app-link/progress');
  assert.ok(before0.total.visited > 0, `visits today: ${JSON.stringify(before0.total)}`);
  assert.equal(before0.total.linked, 0, 'nobody is linked yet');
  for (let id = 1; id <= 20 && !linkedPatient; id++) {
    await api.ok('/api/v1/app-link/links', {
      method: 'POST',
      body: {patient_id: String(id), app_account_id: `300${String(id).padStart(4, '0')}`,
        department_id: '1', consent: {by: 'Người bệnh', method: 'signed_form'}},
    });
    const now = await api.ok('/api/v1/app-link/progress');
    if (now.total.linked > 0) {
      linkedPatient = String(id);
      department = before0.departments.find((d) =>
        now.departments.find((n) => n.department_id === d.department_id).linked > d.linked);
    }
  }
  assert.ok(linkedPatient && department, 'one of the first 20 demo patients visited today');
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

// The rows of the progress table as the page shows them (raw values from data-value).
function tableRows(page) {
  return page.evaluate(() => [...document.querySelectorAll('#progress tbody tr')].map((tr) => {
    const value = (cls) => tr.querySelector(`td.${cls}`).dataset.value;
    return {
      department_id: tr.dataset.department,
      name: tr.querySelector('th').textContent,
      visited: value('visited'),
      visitedText: tr.querySelector('td.visited').textContent,
      linked: value('linked'),
      rate: value('rate'),
      target: value('target'),
      gap: value('gap'),
      toLink: value('to-link'),
      onTarget: tr.querySelector('td:last-child').dataset.value,
    };
  }));
}

function expectedRows(progress) {
  return progress.departments.map((d) => ({
    department_id: String(d.department_id),
    name: `${d.name} (${d.code})`,
    visited: String(d.visited),
    visitedText: d.visited.toLocaleString('vi-VN'),
    linked: String(d.linked),
    rate: d.rate_percent === null ? '' : String(d.rate_percent),
    target: String(d.target_percent),
    gap: d.gap_percent === null ? '' : String(d.gap_percent),
    toLink: String(d.patients_to_target),
    onTarget: d.on_target === null ? '' : String(d.on_target),
  }));
}

test('a manager sees the departments worst first and edits a target', async () => {
  const now = await api.ok('/api/v1/app-link/progress');
  // The patient the test linked counts for its department, and only there.
  const mine = now.departments.find((d) => d.department_id === department.department_id);
  assert.equal(mine.linked, department.linked + 1);
  assert.equal(now.total.linked, 1);

  const page = await newPage(browser, host.url);
  await logIn(page, manager);
  await tabTo(page, '#shell-nav a[href="/app_link/progress.html"]');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/app_link/progress.html');
  await shellReady(page);
  assert.equal(await page.locator('h1').textContent(), 'Tiến độ liên kết ứng dụng');
  await waitForText(page, '#progress-status', /khoa kém nhất ở trên cùng/);
  assert.equal(await page.inputValue('#from'), now.from, 'the period defaults to today');
  assert.equal(await page.inputValue('#to'), now.to);

  // Worst first, with the API's figures; the linked patient's department shows them.
  assert.deepEqual(await tableRows(page), expectedRows(now));
  const mineRow = page.locator(`#progress tbody tr[data-department="${mine.department_id}"]`);
  assert.equal(await mineRow.locator('td.linked').textContent(), String(mine.linked));
  const total = page.locator('#progress tfoot tr');
  assert.equal(await total.locator('th').textContent(), 'Toàn viện');
  assert.equal(await total.locator('td.visited').getAttribute('data-value'), String(now.total.visited));
  assert.equal(await total.locator('td.linked').getAttribute('data-value'), String(now.total.linked));
  assert.equal(await total.locator('td.to-link').getAttribute('data-value'), String(now.total.patients_to_target));
  // The bar is as wide as the rate.
  const width = await mineRow.locator('.rate-fill').evaluate((e) => e.style.width);
  assert.match(width, /%$/);
  assert.ok(Math.abs(parseFloat(width) - Math.min(100, mine.rate_percent)) < 0.01, width);
  console.log(`screenshot: ${await screenshot(page, 'app-link-progress-vi')}`);

  // 7 days (Alt+U): the last seven days up to today.
  const week = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/app-link/progress' &&
    new URL(r.url()).searchParams.has('from'));
  await page.keyboard.press('Alt+U');
  const weekQuery = new URL((await week).url()).searchParams;
  assert.equal(weekQuery.get('to'), now.to);
  const sixDaysBefore = new Date(Date.parse(`${now.to}T00:00:00Z`) - 6 * 86_400_000).toISOString().slice(0, 10);
  assert.equal(weekQuery.get('from'), sixDaysBefore);
  await waitForText(page, '#period-shown', /^Từ /);
  const weekAnswer = await api.ok(`/api/v1/app-link/progress?from=${sixDaysBefore}&to=${now.to}`);
  assert.deepEqual(await tableRows(page), expectedRows(weekAnswer));
  await page.keyboard.press('Alt+N');
  await waitForText(page, '#period-shown', /^Ngày /);

  // Edit the worst department's target with the keyboard: 150 is refused next to the field.
  const worst = now.departments[0];
  await tabTo(page, `button.edit-target[data-department="${worst.department_id}"]`);
  await page.keyboard.press('Enter');
  assert.equal(await focusedId(page), 'target-input');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('150');
  await page.keyboard.press('Enter');
  await waitForText(page, '#target-input-error', /\S/);
  assert.equal(await page.getAttribute('#target-input', 'aria-invalid'), 'true');
  assert.match(await page.locator('#target-status').textContent(), /^Chỉ tiêu \(%\) của /);
  console.log(`screenshot: ${await screenshot(page, 'app-link-progress-target-refused-vi')}`);

  // 5 is saved: the row shows it, the API agrees, the order is the API's again.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await waitForText(page, '#target-status', /^Đã lưu chỉ tiêu 5% cho /);
  const targets = await api.ok('/api/v1/app-link/targets');
  const saved = targets.items.find((t) => t.department_id === worst.department_id);
  assert.equal(saved.target_percent, 5);
  assert.equal(saved.is_default, false);
  const updated = await api.ok('/api/v1/app-link/progress');
  const row = page.locator(`#progress tbody tr[data-department="${worst.department_id}"]`);
  assert.equal(await row.locator('td.target').getAttribute('data-value'), '5');
  assert.equal(await row.locator('td.target .target-text').textContent(), '5%');
  assert.equal(await row.locator('.target-default').count(), 0, 'no longer the default');
  assert.deepEqual(await tableRows(page), expectedRows(updated));
  assert.equal(await focusedId(page) === 'target-input', false, 'the editor closed');
  console.log(`screenshot: ${await screenshot(page, 'app-link-progress-target-saved-vi')}`);

  // English, one click away; the figures stay.
  await page.click('button[data-lang="en"]');
  await waitForText(page, 'h1', /^App linking progress$/);
  assert.equal(await total.locator('th').textContent(), 'Hospital total');
  assert.deepEqual(await tableRows(page), expectedRows(updated).map((r) => ({...r,
    visitedText: Number(r.visited).toLocaleString('en-GB')})));
  assertNoProblems(page, ['422']);
});

test('a receptionist sees the progress without editing targets', async () => {
  const page = await newPage(browser, host.url);
  await logIn(page, receptionist);
  await page.goto('/app_link/progress.html');
  await shellReady(page);
  await waitForText(page, '#progress-status', /khoa kém nhất ở trên cùng/);
  assert.ok(await page.locator('#progress tbody tr').count() > 0);
  assert.equal(await page.locator('button.edit-target').count(), 0);
  // Printed: the table without the period form and the navigation.
  await page.emulateMedia({media: 'print'});
  assert.equal(await page.locator('#period-form').evaluate((e) => getComputedStyle(e).display), 'none');
  assert.notEqual(await page.locator('#progress').evaluate((e) => getComputedStyle(e).display), 'none');
  assertNoProblems(page);
});
