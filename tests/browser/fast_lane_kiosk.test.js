// The ticket page of plugin fast_lane: at the desk (a receptionist) it issues a regular ticket
// and an elderly patient's fast-lane ticket (the patient found by code, checked against the HIS
// birth date), and shows each number with the people ahead and prints it; a kiosk device (scope
// fast_lane.kiosk) issues a priority ticket without a login.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';

import {assertNoProblems, launchBrowser, logIn, newPage, screenshot} from './support/browser.js';
import {startHost} from './support/hisx.js';
import {receptionist} from './support/users.js';
import {admin, apiClient, waitForText} from './support/app_link.js';
import {createDevice} from './support/fast_lane.js';

let host;
let browser;
let api;
let adminApi;

before(async () => {
  host = await startHost({plugins: ['his', 'fast_lane']});
  await host.addUser(receptionist);
  await host.addUser(admin);
  browser = await launchBrowser();
  api = apiClient(host);
  await api.logIn(receptionist);
  adminApi = apiClient(host);
  await adminApi.logIn(admin);
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

// A demo patient aged 80 or more on the local day (the group `elderly`).
async function elderlyPatient() {
  const limit = new Date();
  limit.setFullYear(limit.getFullYear() - 81);
  for (let id = 1; id <= 300; id++) {
    const p = await api.ok(`/api/v1/his/patients/${id}`);
    if (p.birth_date && new Date(p.birth_date) < limit) return p;
  }
  assert.fail('the demo HIS has an elderly patient');
}

async function ticketShown(page, path) {
  const printed = page.waitForResponse((r) => /^\/api\/v1\/fast-lane\/tickets\/\d+\/print$/.test(new URL(r.url()).pathname));
  const issued = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/fast-lane/tickets' &&
    r.request().method() === 'POST');
  await path();
  const response = await issued;
  assert.equal(response.status(), 201);
  const ticket = await response.json();
  await waitForText(page, '#result-number', new RegExp(`^${ticket.label}$`));
  const print = await printed;
  assert.equal(print.status(), 200);
  assert.match(print.headers()['content-type'], /^application\/pdf/);
  return ticket;
}

test('a receptionist issues a regular ticket and an elderly patient\'s priority ticket', async () => {
  const elderly = await elderlyPatient();
  const page = await newPage(browser, host.url);
  await logIn(page, receptionist);
  await page.goto('/fast_lane/kiosk.html');
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.locator('h1').textContent(), 'Lấy số thứ tự thu ngân');
  assert.deepEqual(await page.locator('#group-buttons button').allTextContents(),
    ['Trẻ em', 'Người cao tuổi', 'Người khuyết tật', 'Người có công với cách mạng', 'Phụ nữ có thai']);

  const regular = await ticketShown(page, () => page.click('#ticket-regular'));
  assert.match(regular.label, /^T\d{3}$/);
  assert.equal(regular.lane, 'regular');
  assert.equal(await page.locator('#result-ahead').textContent(),
    regular.people_ahead === 0 ? 'Không có ai chờ trước bạn' : `Có ${regular.people_ahead} người đang chờ trước bạn`);
  console.log(`screenshot: ${await screenshot(page, 'fast-lane-kiosk-regular')}`);
  await page.click('#done');

  // The elderly: the patient code, found in the HIS; the server checks the age.
  await page.click('#group-buttons button[data-group="elderly"]');
  await waitForText(page, '#patient-form-heading', /^Người cao tuổi: nhập mã người bệnh$/);
  await page.keyboard.type(elderly.code);
  const priority = await ticketShown(page, () => page.keyboard.press('Enter'));
  assert.match(priority.label, /^U\d{3}$/);
  assert.equal(priority.priority_group, 'elderly');
  assert.equal(priority.patient_id, String(elderly.id));
  assert.equal(await page.locator('#result-lane').textContent(), 'Người cao tuổi');

  const today = await api.ok('/api/v1/fast-lane/tickets');
  assert.deepEqual(today.items.map((t) => t.label).sort(), [priority.label, regular.label].sort());
  assertNoProblems(page);
  await page.context().close();
});

test('a kiosk device issues a priority ticket without a login', async () => {
  const device = await createDevice(adminApi, 'Máy lấy số sảnh A', ['fast_lane.kiosk']);
  const page = await newPage(browser, host.url);
  await page.goto(`/fast_lane/kiosk.html#device=${device.token}`);
  await page.waitForSelector('body[data-ready="true"]');
  const ticket = await ticketShown(page, () => page.click('#group-buttons button[data-group="pregnant"]'));
  assert.match(ticket.label, /^U\d{3}$/);
  assert.equal(ticket.source, 'kiosk');
  assert.equal(await page.locator('#result-lane').textContent(), 'Phụ nữ có thai');
  assert.match(await page.locator('#result-ahead').textContent(), /trước bạn$/);
  assertNoProblems(page);
  await page.context().close();
});
