// The call-centre worklist (W3) with the keyboard alone: an agent opens the page from the
// navigation, confirms one booking, logs "no answer" on another and a decline on a third, and
// sees the list and the messages change; the bookings change behind the API as she said.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';

import {assertNoProblems, launchBrowser, logIn, newPage, screenshot, shellReady}
  from './support/browser.js';
import {startHost} from './support/hisx.js';

const agent = {
  username: 'tongdai.hoa',
  display: 'Phạm Thị Hoa',
  role: 'call_center',
  password: 'Hoa-mat-khau-2024',
};

const admin = {
  username: 'quantri.binh',
  display: 'Lê Văn Bình',
  role: 'admin',
  password: 'Binh-mat-khau-2024',
};

const CLINIC = 1;
const PATIENTS = [21, 22, 23];  // booked 08:00, 08:15, 08:30

let host;
let browser;
let adminToken;
const bookings = {};  // patient id → booking
const names = {};  // patient id → full name from the HIS

// A local date (Asia/Ho_Chi_Minh, UTC+7) `days` from today, "YYYY-MM-DD".
function localDay(days) {
  return new Date(Date.now() + 7 * 3600e3 + days * 86400e3).toISOString().slice(0, 10);
}

async function api(path, {method = 'GET', body} = {}) {
  const response = await fetch(host.url + path, {
    method,
    headers: {Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json'},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {status: response.status, body: text ? JSON.parse(text) : null};
}

async function ok(path, options, status = 200) {
  const r = await api(path, options);
  assert.equal(r.status, status, `${options?.method || 'GET'} ${path}: ${JSON.stringify(r.body)}`);
  return r.body;
}

before(async () => {
  // The host's clock starts at 09:00 today, so that a call-back "at 23:59" is ahead whenever
  // this runs.
  host = await startHost({plugins: ['his', 'appointments'],
    defines: ['plugins.settings.appointments.demo_seed=false',
      `clock.start=${localDay(0)}T09:00:00+07:00`]});
  await host.addUser(agent);
  await host.addUser(admin);
  browser = await launchBrowser();

  const login = await fetch(`${host.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({username: admin.username, password: admin.password}),
  });
  assert.equal(login.status, 200);
  adminToken = (await login.json()).token;

  // One clinic, one morning of 15-minute slots two days ahead, three app bookings (which
  // start "requested": the call centre confirms them).
  const day = localDay(2);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
  await ok(`/api/v1/appointments/admin/clinics/${CLINIC}`, {method: 'PUT',
    body: {channels: ['app', 'web', 'phone', 'reexam', 'walkin'], booking_window_days: 30}});
  await ok('/api/v1/appointments/admin/templates', {method: 'POST', body: {clinic_id: CLINIC,
    weekday, start: '08:00', end: '09:00', slot_minutes: 15, capacity: 4}}, 201);
  await ok('/api/v1/appointments/admin/slots/generate', {method: 'POST',
    body: {from: day, to: day}});
  const slots = (await ok(`/api/v1/appointments/slots?clinic=${CLINIC}&from=${day}&to=${day}`))
    .items;
  assert.equal(slots.length, 4);
  for (const [i, patient] of PATIENTS.entries()) {
    bookings[patient] = await ok('/api/v1/appointments/bookings', {method: 'POST',
      body: {patient_id: patient, slot_id: slots[i].id, channel: 'app'}}, 201);
    assert.equal(bookings[patient].status, 'requested');
    names[patient] = (await ok(`/api/v1/his/patients/${patient}`)).full_name;
  }
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

// The focused element, as a user would name it.
function focused(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (e.matches('tbody tr')) return `row ${e.sectionRowIndex + 1}`;
    return e.id ? `#${e.id}` : e.textContent.trim();
  });
}

function focusRingShown(page) {
  return page.evaluate(() => {
    const style = getComputedStyle(document.activeElement);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  });
}

// The rows as [patient name, reason] pairs.
async function rowsShown(page) {
  return page.locator('#list tbody tr').evaluateAll((rows) => rows.map((r) => [
    r.querySelector('.patient-name').textContent, r.querySelector('.reason').textContent]));
}

async function statusAfter(page, action) {
  const before = await page.locator('#status').textContent();
  await action();
  await page.waitForFunction((old) => {
    const text = document.getElementById('status').textContent;
    return text !== old && !document.querySelector('#panel:not([hidden])');
  }, before);
  return page.locator('#status').textContent();
}

test('an agent works the list with the keyboard alone', async () => {
  const page = await newPage(browser, host.url);
  await logIn(page, agent);

  // Open the page from the navigation, by keyboard.
  const link = page.locator('#shell-nav a', {hasText: 'Gọi xác nhận lịch hẹn'});
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL('**/appointments/worklist.html');
  await shellReady(page);
  await page.waitForFunction(() => document.querySelectorAll('#list tbody tr').length > 0);

  const [a, b, c] = PATIENTS;
  assert.deepEqual(await rowsShown(page),
    [[names[a], 'Chờ xác nhận'], [names[b], 'Chờ xác nhận'], [names[c], 'Chờ xác nhận']]);
  assert.match(await page.locator('#status').textContent(), /^Có 3 bệnh nhân cần gọi ngày \d{2}\/\d{2}\/\d{4}\.$/);
  assert.equal(await page.locator('#status').getAttribute('aria-live'), 'polite');
  assert.equal(await page.locator('#day').inputValue(), localDay(0), 'today by default');
  const firstRow = page.locator('#list tbody tr').first();
  assert.match(await firstRow.textContent(), /08:00–08:15/);
  assert.equal(await firstRow.locator('a.phone').getAttribute('href'),
    `tel:${(await ok(`/api/v1/his/patients/${a}`)).phone.replace(/[^\d+]/g, '')}`);
  assert.equal(await focused(page), 'row 1', 'the most urgent row has the focus');
  assert.match(await page.locator('#keys').textContent(), /1 = đã xác nhận/);

  // j/k and the arrows move; Escape closes an opened item and gives the row its focus back.
  await page.keyboard.press('j');
  assert.equal(await focused(page), 'row 2');
  assert.ok(await focusRingShown(page), 'the focused row shows it');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(page), 'row 3');
  await page.keyboard.press('k');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(page), 'row 1');
  await page.keyboard.press('Enter');
  await page.locator('#panel').waitFor({state: 'visible'});
  assert.equal(await page.locator('#panel-heading').textContent(), names[a]);
  assert.equal(await focused(page), '#panel-heading');
  await page.keyboard.press('Escape');
  await page.locator('#panel').waitFor({state: 'hidden'});
  assert.equal(await focused(page), 'row 1');

  // 1 = confirmed, Enter logs it: the first booking leaves the list.
  let message = await statusAfter(page, async () => {
    await page.keyboard.press('1');
    await page.locator('#panel').waitFor({state: 'visible'});
    assert.equal(await focused(page), '#note');
    assert.equal(await page.locator('#outcome-effect').textContent(), 'Lịch hẹn sẽ được xác nhận.');
    await page.keyboard.press('Enter');
  });
  assert.equal(message, `Đã xác nhận lịch hẹn ${bookings[a].code} của ${names[a]}.`);
  assert.deepEqual(await rowsShown(page), [[names[b], 'Chờ xác nhận'], [names[c], 'Chờ xác nhận']]);
  assert.equal(await focused(page), 'row 1', 'the next patient is focused');

  // Open, 2 = no answer, a note, Enter: the patient goes after those not called yet.
  message = await statusAfter(page, async () => {
    await page.keyboard.press('Enter');
    await page.locator('#panel').waitFor({state: 'visible'});
    await page.keyboard.press('2');
    assert.equal(await focused(page), '#note');
    await page.keyboard.type('Máy bận');
    await page.keyboard.press('Enter');
  });
  assert.equal(message, `Đã ghi nhận: ${names[b]} không nghe máy.`);
  assert.deepEqual(await rowsShown(page),
    [[names[c], 'Chờ xác nhận'], [names[b], 'Gọi lại (chưa nghe máy)']]);
  assert.match(await page.locator('#list tbody tr').nth(1).textContent(),
    /1 lần · Không nghe máy lúc \d{2}:\d{2}/);

  // 4 = declined straight from the row, Enter: the booking is cancelled.
  assert.equal(await focused(page), 'row 1');
  message = await statusAfter(page, async () => {
    await page.keyboard.press('4');
    await page.locator('#panel').waitFor({state: 'visible'});
    assert.match(await page.locator('#outcome-effect').textContent(), /sẽ bị hủy/);
    await page.keyboard.press('Enter');
  });
  assert.equal(message, `Đã hủy lịch hẹn ${bookings[c].code} của ${names[c]} (bệnh nhân từ chối).`);
  assert.deepEqual(await rowsShown(page), [[names[b], 'Gọi lại (chưa nghe máy)']]);

  // The remaining item shows its call history.
  await page.keyboard.press('Enter');
  await page.locator('#panel').waitFor({state: 'visible'});
  assert.match(await page.locator('#history').textContent(), /Không nghe máy — Máy bận/);
  await screenshot(page, 'appointments-worklist-vi');
  await page.keyboard.press('Escape');
  await page.locator('#panel').waitFor({state: 'hidden'});

  // The bookings behind the API.
  assert.equal((await ok(`/api/v1/appointments/bookings/${bookings[a].id}`)).status, 'confirmed');
  assert.equal((await ok(`/api/v1/appointments/bookings/${bookings[b].id}`)).status, 'requested');
  const declined = await ok(`/api/v1/appointments/bookings/${bookings[c].id}`);
  assert.equal(declined.status, 'cancelled');
  assert.match(declined.cancel_reason, /patient declined by phone/);
  const calls = await ok(`/api/v1/appointments/worklist/attempts?booking_id=${bookings[b].id}`);
  assert.deepEqual(calls.items.map((x) => [x.outcome, x.note]), [['no_answer', 'Máy bận']]);

  // English works too.
  await page.locator('.lang-switch button[data-lang="en"]').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.locator('h1').textContent(), 'Call-centre worklist');
  assert.deepEqual(await rowsShown(page), [[names[b], 'Retry (no answer)']]);
  assert.match(await page.locator('#list tbody tr').first().textContent(), /Confirm booking/);
  await screenshot(page, 'appointments-worklist-en');
  assertNoProblems(page);
});

test('a wrong call-back time is said in the live region and nothing is logged', async () => {
  const page = await newPage(browser, host.url);
  await logIn(page, agent);
  await page.goto('/appointments/worklist.html');
  await shellReady(page);
  await page.waitForFunction(() => document.querySelectorAll('#list tbody tr').length > 0);
  await page.keyboard.press('5');
  await page.locator('#call-back-field').waitFor({state: 'visible'});
  assert.equal(await focused(page), '#call-back');
  await page.keyboard.type('chiều nay');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.getElementById('call-error').hidden);
  assert.equal(await page.locator('#status').textContent(),
    'Hãy nhập giờ gọi lại dạng 16:30 hoặc 2025-03-11 09:00.');
  assert.equal(await focused(page), '#call-back');

  // A proper time: the item waits, greyed, until then.
  await page.locator('#call-back').fill('');
  await page.keyboard.type('23:59');
  const message = await statusAfter(page, () => page.keyboard.press('Enter'));
  assert.match(message, /^Đã hẹn gọi lại .+ lúc 23:59\.$/);
  const row = page.locator('#list tbody tr').first();
  assert.match(await row.getAttribute('class'), /is-waiting/);
  assert.match(await row.locator('.reason').textContent(), /^Hẹn gọi lại lúc 23:59 /);
  assertNoProblems(page);
});

test('an agent books a due re-examination into a slot of its window', async () => {
  // A doctor's order (made here as the admin) due tomorrow, acceptable from two days ago:
  // unbooked by its window's start, it is on today's list.
  const patient = 24;
  const name = (await ok(`/api/v1/his/patients/${patient}`)).full_name;
  const order = await ok('/api/v1/appointments/reexams', {method: 'POST', body: {
    patient_id: patient, clinic_id: CLINIC, due_date: localDay(1), window_before_days: 3,
    window_after_days: 7, note: 'Tăng huyết áp, tái khám lấy thuốc'}}, 201);

  const page = await newPage(browser, host.url);
  await logIn(page, agent);
  await page.goto('/appointments/worklist.html');
  await shellReady(page);
  await page.waitForFunction(() => document.querySelectorAll('#list tbody tr').length > 0);
  const names = await page.locator('#list tbody tr .patient-name').allTextContents();
  const index = names.indexOf(name);
  assert.ok(index >= 0, `${name} is on the list (${names.join(', ')})`);
  const row = page.locator('#list tbody tr').nth(index);
  assert.equal(await row.locator('.reason').textContent(), 'Đến hạn tái khám');
  assert.match(await row.textContent(), /Tái khám/);

  // j to the row, 1 = confirmed: the slots of the window are offered, the earliest first.
  for (let i = 0; i < index; i++) await page.keyboard.press('j');
  assert.equal(await focused(page), `row ${index + 1}`);
  await page.keyboard.press('1');
  await page.locator('#slot-field').waitFor({state: 'visible'});
  assert.equal(await focused(page), '#slot');
  assert.equal(await page.locator('#outcome-effect').textContent(),
    'Chọn khung giờ trong hạn tái khám; lịch tái khám sẽ được đặt.');
  const options = await page.locator('#slot option').allTextContents();
  const day = localDay(2).split('-').reverse().join('/');
  assert.deepEqual(options, [`${day} 08:00–08:15 (còn 3 chỗ)`, `${day} 08:15–08:30 (còn 3 chỗ)`,
    `${day} 08:30–08:45 (còn 4 chỗ)`, `${day} 08:45–09:00 (còn 4 chỗ)`]);

  // ArrowDown picks 08:15, Enter books it and logs the call; the due leaves the list.
  await page.keyboard.press('ArrowDown');
  const message = await statusAfter(page, () => page.keyboard.press('Enter'));
  assert.equal(message, `Đã đặt lịch tái khám cho ${name}.`);
  assert.ok(!(await page.locator('#list tbody tr .patient-name').allTextContents()).includes(name));

  // Behind the API: the due is booked through channel reexam, in the chosen slot.
  const after = await ok(`/api/v1/appointments/reexams/${order.id}`);
  assert.equal(after.dues[0].status, 'booked');
  assert.equal(after.dues[0].booking.channel, 'reexam');
  assert.match(after.dues[0].booking.start, /T08:15:00\+07:00$/);
  const calls = await ok(`/api/v1/appointments/worklist/attempts?due_id=${after.dues[0].id}`);
  assert.deepEqual(calls.items.map((x) => x.outcome), ['confirmed']);
  assertNoProblems(page);
});
