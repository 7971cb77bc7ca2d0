// W5 check-in desk of plugin appointments: with the keyboard alone a receptionist opens the
// page from the navigation, types a booking code and Enter and gets the priority ticket,
// finds a patient by phone number and checks them in, and sees why a second check-in is
// refused. Bookings of today are made through the API as an admin.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';

import {assertNoProblems, launchBrowser, logIn, newPage, screenshot, shellReady}
  from './support/browser.js';
import {startHost} from './support/hisx.js';
import {receptionist} from './support/users.js';

const admin = {
  username: 'quantri.hoa',
  display: 'Lê Thị Hoa',
  role: 'admin',
  password: 'Hoa-mat-khau-2024',
};

const ZONE = 'Asia/Ho_Chi_Minh';

let host;
let browser;
let adminToken;
const bookings = {};  // app: {booking, patient}, phone: {booking, patient}

// Calls the API with `bearer`; resolves to {status, body}.
async function api(path, {method = 'GET', body, bearer = adminToken} = {}) {
  const response = await fetch(new URL(path, host.url), {
    method,
    headers: {
      ...(bearer ? {Authorization: `Bearer ${bearer}`} : {}),
      ...(body === undefined ? {} : {'Content-Type': 'application/json'}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {status: response.status, body: text ? JSON.parse(text) : null};
}

async function ok(path, options, expected = [200, 201]) {
  const answer = await api(path, options);
  assert.ok(expected.includes(answer.status), `${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

// Today in the hospital's zone: {date: "YYYY-MM-DD", weekday: 1–7}.
function localToday() {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short',
  }).formatToParts(new Date()).map((p) => [p.type, p.value]));
  const weekdays = {Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7};
  return {date: `${parts.year}-${parts.month}-${parts.day}`, weekday: weekdays[parts.weekday]};
}

// A demo patient whose phone number is theirs alone (children share a parent's), from `from` on.
async function patientWithOwnPhone(from) {
  for (let id = from; id < from + 100; id++) {
    const patient = await ok(`/api/v1/his/patients/${id}`);
    if (!patient.phone) continue;
    const same = await ok(`/api/v1/his/patients?q=${encodeURIComponent(patient.phone)}&limit=5`);
    if (same.items.filter((p) => p.phone === patient.phone).length === 1) return patient;
  }
  throw new Error('no demo patient with a phone of their own');
}

before(async () => {
  // The host's clock starts at 09:00 today, so that the day has hours left whenever this runs.
  const today = localToday();
  host = await startHost({plugins: ['his', 'appointments'],
    defines: ['plugins.settings.appointments.demo_seed=false',
      `clock.start=${today.date}T09:00:00+07:00`]});
  await host.addUser(admin);
  await host.addUser(receptionist);
  browser = await launchBrowser();
  const login = await api('/api/v1/auth/login', {
    method: 'POST', body: {username: admin.username, password: admin.password}, bearer: null,
  });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  adminToken = login.body.token;

  // Clinic 1 takes every channel, with 5-minute slots from 09:30 to midnight.
  await ok('/api/v1/appointments/admin/clinics/1', {
    method: 'PUT',
    body: {channels: ['app', 'web', 'phone', 'reexam', 'walkin'], booking_window_days: 30,
      same_day_cutoff: null},
  });
  await ok('/api/v1/appointments/admin/templates', {
    method: 'POST',
    body: {clinic_id: 1, weekday: today.weekday, start: '09:30', end: '24:00',
      slot_minutes: 5, capacity: 10},
  });
  await ok('/api/v1/appointments/admin/slots/generate', {
    method: 'POST', body: {from: today.date, to: today.date},
  });
  const slots = await ok(`/api/v1/appointments/slots?clinic=1&from=${today.date}&to=${today.date}`);
  const slot = slots.items.find((s) => s.bookable);
  assert.ok(slot, 'a bookable slot today');

  const appPatient = await ok('/api/v1/his/patients/3');
  const phonePatient = await patientWithOwnPhone(20);
  bookings.app = {
    patient: appPatient,
    booking: await ok('/api/v1/appointments/bookings', {
      method: 'POST', body: {patient_id: appPatient.id, slot_id: slot.id, channel: 'app'},
    }),
  };
  bookings.phone = {
    patient: phonePatient,
    booking: await ok('/api/v1/appointments/bookings', {
      method: 'POST', body: {patient_id: phonePatient.id, slot_id: slot.id, channel: 'phone'},
    }),
  };
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

// Presses Tab until the focused element matches `selector`.
async function tabTo(page, selector, most = 60) {
  for (let i = 0; i < most; i++) {
    if (await page.evaluate((s) => document.activeElement.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`${selector} was not reached with Tab`);
}

async function waitForText(page, selector, pattern) {
  try {
    await page.waitForFunction(([s, p]) => {
      const e = document.querySelector(s);
      return e && !e.closest('[hidden]') && new RegExp(p).test(e.textContent);
    }, [selector, pattern.source], {timeout: 10_000});
  } catch (error) {
    const shown = await page.evaluate(() => ['status', 'error', 'q'].map((id) => {
      const e = document.getElementById(id);
      return `#${id}: ${e.value ?? e.textContent}`;
    }).join('; '));
    throw new Error(`${selector} never matched ${pattern} (${shown})`);
  }
}

async function typeAndEnter(page, text) {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test('a receptionist checks patients in with the keyboard alone', async () => {
  const page = await newPage(browser, host.url);
  await logIn(page, receptionist);

  // From the navigation to the page.
  await tabTo(page, '#shell-nav a[href="/appointments/reception.html"]');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/appointments/reception.html');
  await shellReady(page);
  assert.equal(await page.locator('h1').textContent(), 'Tiếp đón theo lịch hẹn');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q', 'the field has focus');

  // A booking code and Enter: checked in at once, the ticket shows number and priority.
  const app = bookings.app;
  await typeAndEnter(page, app.booking.code.toLowerCase());
  await waitForText(page, '#ticket-number', /^U-001$/);
  assert.equal(await page.locator('#ticket-priority').textContent(), 'Ưu tiên (mức 1)');
  assert.equal(await page.locator('#ticket-patient').textContent(),
    `${app.patient.full_name} (${app.patient.code})`);
  assert.match(await page.locator('#ticket-booking').textContent(), new RegExp(app.booking.code));
  assert.match(await page.locator('#status').textContent(), /Đã tiếp đón .*U-001/);
  assert.equal(await page.locator('#ticket-visit').textContent(), 'Đã đăng ký lượt khám vào HIS.');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q', 'ready for the next scan');
  console.log(`screenshot: ${await screenshot(page, 'appointments-reception-ticket-vi')}`);

  // The ticket prints on its own. Print media hides the field, which loses the focus; Escape
  // (next patient) brings it back.
  await page.emulateMedia({media: 'print'});
  assert.equal(await page.locator('header').evaluate((e) => getComputedStyle(e).visibility),
    'hidden');
  assert.equal(await page.locator('#ticket-number').evaluate((e) => getComputedStyle(e).visibility),
    'visible');
  assert.equal(await page.locator('#print').evaluate((e) => getComputedStyle(e).display), 'none');
  console.log(`screenshot: ${await screenshot(page, 'appointments-reception-print')}`);
  await page.emulateMedia({media: 'screen'});
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q', 'back in the field');
  assert.equal(await page.locator('#ticket').isHidden(), true);

  // A phone number (international form) lists the patient; Enter checks the chosen one in.
  const phone = bookings.phone;
  await typeAndEnter(page, `+84 ${phone.patient.phone.slice(1)}`);
  await waitForText(page, '#status', /1 lịch hẹn hôm nay/);
  const results = page.locator('#results [role="option"]');
  assert.equal(await results.count(), 1);
  assert.match(await results.first().textContent(), new RegExp(phone.patient.full_name));
  assert.match(await results.first().textContent(), new RegExp(phone.booking.code));
  assert.equal(await results.first().getAttribute('aria-selected'), 'true');
  assert.equal(await page.locator('#ticket').isHidden(), true);
  console.log(`screenshot: ${await screenshot(page, 'appointments-reception-phone-vi')}`);
  await page.keyboard.press('Enter');
  await waitForText(page, '#ticket-number', /^002$/);
  assert.equal(await page.locator('#ticket-priority').textContent(), 'Thường');

  // The same booking again: the error says it is checked in already, in the live region.
  await typeAndEnter(page, `HISX:${app.booking.code}`);
  await waitForText(page, '#error', /đã được tiếp đón rồi/);
  assert.match(await page.locator('#error').textContent(), /U-001/);
  assert.equal(await page.locator('#error').getAttribute('role'), 'alert');
  console.log(`screenshot: ${await screenshot(page, 'appointments-reception-twice-vi')}`);

  // Escape clears the desk; the English switch translates the page.
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#error').isHidden(), true);
  assert.equal(await page.inputValue('#q'), '');
  await tabTo(page, 'button[data-lang="en"]');
  await page.keyboard.press('Enter');
  await waitForText(page, 'h1', /^Appointment check-in$/);
  await tabTo(page, '#q');
  await typeAndEnter(page, app.booking.code);
  await waitForText(page, '#error', /already checked in \(number U-001\)/);
  console.log(`screenshot: ${await screenshot(page, 'appointments-reception-twice-en')}`);

  // What the page showed is what the server stored.
  const stored = await ok(`/api/v1/appointments/bookings/${phone.booking.id}`);
  assert.equal(stored.status, 'checked_in');
  assertNoProblems(page, ['409']);
});
