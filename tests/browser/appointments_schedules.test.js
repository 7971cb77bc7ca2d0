// W1 admin page of plugin appointments: with the keyboard alone an admin opens a clinic for
// bookings, adds weekly templates (a refusal shows next to its field), a closure (its warning
// counts the bookings already made) and generates slots; what the page shows is what the
// server stored.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';

import {assertNoProblems, launchBrowser, newPage, screenshot, shellReady, token}
  from './support/browser.js';
import {startHost} from './support/hisx.js';

const admin = {
  username: 'quantri.hoa',
  display: 'Lê Thị Hoa',
  role: 'admin',
  password: 'Hoa-mat-khau-2024',
};

const PAGE = '/appointments/schedules.html';

let host;
let browser;

before(async () => {
  // No demo schedules: the page starts from an empty catalogue.
  host = await startHost({plugins: ['his', 'appointments'],
    defines: ['plugins.settings.appointments.demo_seed=false']});
  await host.addUser(admin);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

// Calls the API as the logged-in admin; resolves to {status, body}.
async function api(page, path, {method = 'GET', body} = {}) {
  const response = await fetch(new URL(path, host.url), {
    method,
    headers: {
      Authorization: `Bearer ${await token(page)}`,
      ...(body === undefined ? {} : {'Content-Type': 'application/json'}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {status: response.status, body: text ? JSON.parse(text) : null};
}

// The focused element, as a selector-ish name: "#id", or "button[data-…]" text.
function focused(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (e.id) return `#${e.id}`;
    if (e.dataset.clinic) return `clinic ${e.dataset.clinic}`;
    if (e.dataset.action) return `${e.dataset.action} ${e.closest('table').id} ${e.dataset.id}`;
    return e.textContent.trim();
  });
}

// Presses Tab (or Shift+Tab) until the focused element matches `selector`.
async function tabTo(page, selector, {back = false, most = 120} = {}) {
  for (let i = 0; i < most; i++) {
    if (await page.evaluate((s) => document.activeElement.matches(s), selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  assert.fail(`${selector} was not reached with ${back ? 'Shift+Tab' : 'Tab'}`);
}

// Replaces the focused text field's value by typing.
async function typeOver(page, text) {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

function waitForText(page, selector, pattern) {
  return page.waitForFunction(([s, p]) => {
    const e = document.querySelector(s);
    return e && new RegExp(p).test(e.textContent);
  }, [selector, pattern.source]);
}

function cells(row) {
  return row.locator('td').allTextContents();
}

// "dd/mm/yyyy" → "yyyy-mm-dd".
function iso(shown) {
  const [d, m, y] = shown.split('/');
  return `${y}-${m}-${d}`;
}

function shown(isoDate) {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

test('an admin sets up a clinic, templates, a closure and slots with the keyboard alone', async () => {
  const page = await newPage(browser, host.url);
  page.on('dialog', (dialog) => dialog.accept());

  // Log in and open the page from the navigation.
  await page.goto('/login.html');
  await shellReady(page);
  await page.keyboard.type(admin.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(admin.password);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === '/');
  await shellReady(page);
  await tabTo(page, `#shell-nav a[href="${PAGE}"]`);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Lịch khám và lịch mẫu');
  await page.keyboard.press('Enter');
  await page.waitForURL(`**${PAGE}`);
  await shellReady(page);
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.locator('h1').textContent(), 'Lịch khám và lịch mẫu');
  assert.equal(await page.locator('#shell-nav a[aria-current="page"]').textContent(),
    'Lịch khám và lịch mẫu');
  assert.match(await page.locator('#keys-hint').textContent(), /Enter.*Esc/);

  // Every active HIS clinic is listed (the demo's 12; Nội 4 is closed in the HIS), none open.
  const clinicRows = page.locator('#clinics tbody tr');
  assert.equal(await clinicRows.count(), 12);
  assert.deepEqual(await cells(clinicRows.first()),
    ['PK01', 'Phòng khám Nội 1', 'Chưa mở', '—', '—', '—']);
  assert.equal(await page.locator('#page-status').textContent(),
    'Có 12 phòng khám trong HIS; số phòng đang nhận đặt lịch: 0.');

  // Open clinic 1 for the app and the call centre, 14 days ahead.
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'clinic 1', 'the first Tab of the page is the first clinic');
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), '#clinic-heading');
  assert.equal(await page.locator('#clinic-heading').textContent(),
    'Thiết lập: Phòng khám Nội 1 (PK01)');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), '#clinic-channel-app');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), '#clinic-channel-phone');
  await page.keyboard.press('Space');
  await tabTo(page, '#clinic-window');
  assert.equal(await page.locator('#clinic-window').inputValue(), '30', 'the default window');
  await typeOver(page, '14');
  await page.keyboard.press('Enter');
  await waitForText(page, '#clinic-status', /^Đã lưu thiết lập của Phòng khám Nội 1 \(PK01\)\.$/);
  assert.deepEqual(await cells(clinicRows.first()),
    ['PK01', 'Phòng khám Nội 1', 'Đang nhận', 'Ứng dụng, Tổng đài', '14', '—']);
  assert.equal(await page.locator('#page-status').textContent(),
    'Có 12 phòng khám trong HIS; số phòng đang nhận đặt lịch: 1.');
  let clinics = await api(page, '/api/v1/appointments/admin/clinics');
  assert.equal(clinics.status, 200);
  assert.deepEqual(clinics.body.items.map((c) => [c.clinic_id, c.channels, c.booking_window_days,
    c.same_day_cutoff, c.active]), [['1', ['app', 'phone'], 14, null, true]]);  // HIS ids are text

  // A bad cut-off is refused next to its field and saves nothing; Escape undoes the edit.
  await tabTo(page, '#clinic-cutoff');
  await typeOver(page, '25:00');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#clinic-cutoff[aria-invalid="true"]');
  const cutoffError = page.locator('#clinic-cutoff-error');
  assert.equal(await cutoffError.isVisible(), true);
  assert.equal(await cutoffError.textContent(), '“Giờ chốt đặt lịch trong ngày” phải là giờ dạng HH:MM');
  assert.match(await page.locator('#clinic-cutoff').getAttribute('aria-describedby'),
    /\bclinic-cutoff-error\b/);
  assert.match(await page.locator('#clinic-status').textContent(),
    /^Chưa lưu\. Giờ chốt đặt lịch trong ngày: /);
  assert.equal(await focused(page), '#clinic-cutoff');
  clinics = await api(page, '/api/v1/appointments/admin/clinics');
  assert.equal(clinics.body.items[0].same_day_cutoff, null, 'nothing was saved');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#clinic-cutoff').inputValue(), '');
  assert.equal(await page.locator('#clinic-cutoff').getAttribute('aria-invalid'), null);
  assert.equal(await cutoffError.isVisible(), false);

  // A template with a quota; the end before the start is refused next to "end".
  await tabTo(page, '#template-add');
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), '#tpl-weekday');
  assert.equal(await page.locator('#template-form-heading').textContent(), 'Thêm lịch mẫu');
  await page.keyboard.press('Tab');
  await page.keyboard.type('08:00');
  await page.keyboard.press('Tab');
  await page.keyboard.type('07:00');
  await page.keyboard.press('Tab');
  await typeOver(page, '15');
  await page.keyboard.press('Tab');
  await page.keyboard.type('4');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), '#tpl-doctor');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), '#tpl-quota-app');
  await page.keyboard.type('50');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#tpl-end[aria-invalid="true"]');
  assert.equal(await page.locator('#tpl-end-error').textContent(),
    'giờ kết thúc phải sau giờ bắt đầu, muộn nhất 24:00');
  assert.match(await page.locator('#tpl-end').getAttribute('aria-describedby'), /\btpl-end-error\b/);
  assert.equal(await page.locator('#template-status').getAttribute('aria-live'), 'polite');
  assert.match(await page.locator('#template-status').textContent(), /^Chưa lưu\. Giờ kết thúc: /);
  assert.equal(await focused(page), '#tpl-end', 'focus goes to the refused field');
  assert.equal(await page.locator('#tpl-start').getAttribute('aria-invalid'), null);
  let templates = await api(page, '/api/v1/appointments/admin/templates?clinic=1');
  assert.equal(templates.body.count, 0, 'nothing was saved');
  await screenshot(page, 'appointments-schedules-refusal-vi');

  await typeOver(page, '11:00');
  await page.keyboard.press('Enter');
  await waitForText(page, '#template-status', /^Đã thêm lịch mẫu Thứ Hai 08:00–11:00\./);
  assert.equal(await page.locator('#template-form').isVisible(), false);
  templates = await api(page, '/api/v1/appointments/admin/templates?clinic=1');
  assert.equal(templates.body.count, 1);
  const monday = templates.body.items[0];
  assert.deepEqual([monday.weekday, monday.start, monday.end, monday.slot_minutes, monday.capacity,
    monday.doctor_id, monday.quotas, monday.quota_limits],
  [1, '08:00', '11:00', 15, 4, null, {app: 50}, {app: 2}]);
  const templateRows = page.locator('#templates tbody tr');
  assert.equal(await templateRows.count(), 1);
  assert.deepEqual((await cells(templateRows.first())).slice(0, 6),
    ['Thứ Hai', '08:00–11:00', '15 phút', '4',
      `Ứng dụng ${monday.quotas.app}% → tối đa ${monday.quota_limits.app} chỗ/khung`,
      'Không chỉ định (cả phòng khám)']);
  assert.equal(await focused(page), `edit templates ${monday.id}`, 'focus is on the saved row');

  // Escape cancels an edit: nothing changes, focus returns to the row's Edit button.
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), '#tpl-weekday');
  assert.equal(await page.locator('#template-form-heading').textContent(),
    'Sửa lịch mẫu: Thứ Hai 08:00–11:00');
  await tabTo(page, '#tpl-capacity');
  await typeOver(page, '9');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#template-form').isVisible(), false);
  assert.equal(await focused(page), `edit templates ${monday.id}`);
  assert.equal((await cells(templateRows.first()))[3], '4');
  templates = await api(page, '/api/v1/appointments/admin/templates?clinic=1');
  assert.equal(templates.body.items[0].capacity, 4);

  // A second template for one doctor, then deleted again.
  await tabTo(page, '#template-add');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');  // Tuesday
  await page.keyboard.press('Tab');
  await page.keyboard.type('13:30');
  await page.keyboard.press('Tab');
  await page.keyboard.type('16:30');
  await page.keyboard.press('Tab');
  await typeOver(page, '30');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');  // the first doctor of the clinic's department
  await page.keyboard.press('Enter');
  await waitForText(page, '#template-status', /^Đã thêm lịch mẫu Thứ Ba 13:30–16:30\./);
  templates = await api(page, '/api/v1/appointments/admin/templates?clinic=1');
  assert.equal(templates.body.count, 2);
  const tuesday = templates.body.items.find((t) => t.weekday === 2);
  assert.equal(tuesday.doctor_id, '1');  // the doctor's HIS id, as text
  assert.deepEqual(tuesday.quotas, {});
  const tuesdayRow = page.locator(`#templates tbody tr[data-id="${tuesday.id}"]`);
  assert.deepEqual((await cells(tuesdayRow)).slice(0, 6),
    ['Thứ Ba', '13:30–16:30', '30 phút', '2', 'Không giới hạn riêng',
      'BS001 — BSCKII. Nguyễn Văn Thành']);
  assert.equal(await focused(page), `edit templates ${tuesday.id}`);
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), `delete templates ${tuesday.id}`);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')),
    'Xóa lịch mẫu Thứ Ba 13:30–16:30');
  await page.keyboard.press('Enter');
  await waitForText(page, '#template-status', /^Đã xóa lịch mẫu Thứ Ba 13:30–16:30\.$/);
  assert.equal(await templateRows.count(), 1);
  assert.equal(await focused(page), `edit templates ${monday.id}`, 'focus moves to the row left');
  templates = await api(page, '/api/v1/appointments/admin/templates?clinic=1');
  assert.deepEqual(templates.body.items.map((t) => t.id), [monday.id]);

  // Generate the slots of the default range (today and 13 more days).
  await tabTo(page, '#generate-from');
  const from = iso(await page.locator('#generate-from').inputValue());
  const to = iso(await page.locator('#generate-to').inputValue());
  await page.keyboard.press('Enter');
  await waitForText(page, '#generate-status', /^Đã tạo \d+ khung giờ mới/);
  let slots = await api(page,
    `/api/v1/appointments/slots?clinic=1&from=${from}&to=${to}&channel=phone`);
  assert.equal(slots.status, 200);
  const stored = slots.body.items.length;
  assert.equal(stored, 24, 'two Mondays of 12 slots of 15 minutes from 08:00 to 11:00');
  assert.equal(await page.locator('#generate-status').textContent(),
    `Đã tạo ${stored} khung giờ mới cho 14 ngày (${shown(from)}–${shown(to)}). ` +
    `Lịch mẫu cho ra ${stored} khung; 0 khung đã có từ trước.`);

  // A booking on a bookable slot, then a closure of that day: the warning counts it.
  const slot = slots.body.items.find((s) => s.bookable);
  assert.ok(slot, 'a slot is bookable by phone');
  const booking = await api(page, '/api/v1/appointments/bookings',
    {method: 'POST', body: {patient_id: 1, slot_id: slot.id, channel: 'phone'}});
  assert.equal(booking.status, 201, JSON.stringify(booking.body));
  const day = slot.start.slice(0, 10);

  await tabTo(page, '#closure-scope', {back: true});
  assert.equal(await page.locator('#closure-scope').inputValue(), '1', 'the open clinic');
  await page.keyboard.press('Tab');
  await page.keyboard.type(shown(day));
  await page.keyboard.press('Tab');
  await page.keyboard.type(shown(day));
  await page.keyboard.press('Tab');
  await page.keyboard.type('Bảo trì hệ thống điều hòa');
  await page.keyboard.press('Enter');
  const warning = page.locator('#closure-warning');
  await warning.waitFor({state: 'visible'});
  assert.equal(await warning.getAttribute('role'), 'alert');
  assert.equal(await warning.textContent(), 'Cảnh báo: có 1 lịch hẹn đã đặt trong những ngày ' +
    'nghỉ này. Lịch hẹn không bị hủy tự động — hãy gọi điện báo cho bệnh nhân.');
  assert.equal(await page.locator('#closure-status').textContent(),
    `Đã thêm ngày nghỉ: Phòng khám Nội 1 (PK01), ${shown(day)}–${shown(day)}. ` +
    'Số lịch hẹn đã đặt trong những ngày này: 1.');
  assert.equal(await focused(page), '#closure-from', 'ready for the next closure');
  const closures = await api(page, '/api/v1/appointments/admin/closures');
  assert.equal(closures.body.count, 1);
  const closure = closures.body.items[0];
  assert.deepEqual([closure.clinic_id, closure.from, closure.to, closure.reason],
    ['1', day, day, 'Bảo trì hệ thống điều hòa']);
  assert.deepEqual((await cells(page.locator('#closures tbody tr'))).slice(0, 4),
    ['Phòng khám Nội 1 (PK01)', shown(closure.from), shown(closure.to), closure.reason]);

  // Generating again creates nothing and skips the closed day.
  await tabTo(page, '#generate-from');
  await page.keyboard.press('Enter');
  await waitForText(page, '#generate-status', /^Đã tạo 0 khung giờ mới/);
  assert.equal(await page.locator('#generate-status').textContent(),
    `Đã tạo 0 khung giờ mới cho 14 ngày (${shown(from)}–${shown(to)}). ` +
    `Lịch mẫu cho ra ${stored - 12} khung; ${stored - 12} khung đã có từ trước.`);
  slots = await api(page, `/api/v1/appointments/slots?clinic=1&from=${from}&to=${to}&channel=phone`);
  assert.equal(slots.body.items.length, stored - 12, 'the closed day\'s slots are hidden');

  const vi = await screenshot(page, 'appointments-schedules-vi');
  console.log(`screenshot: ${vi}`);

  // English, through the header's language switch.
  await tabTo(page, 'button[data-lang="en"]', {back: true, most: 200});
  await page.keyboard.press('Enter');
  await waitForText(page, 'h1', /^Clinic schedules$/);
  assert.deepEqual(await cells(clinicRows.first()),
    ['PK01', 'Phòng khám Nội 1', 'Yes', 'App, Call centre', '14', '—']);
  assert.deepEqual((await cells(templateRows.first())).slice(0, 6),
    ['Monday', '08:00–11:00', '15 min', '4', 'App 50% → at most 2 per slot',
      'None (the whole clinic)']);
  assert.equal(await page.locator('#clinic-heading').textContent(),
    'Settings: Phòng khám Nội 1 (PK01)');
  assert.equal(await warning.textContent(), 'Warning: 1 booking(s) already made on these closed ' +
    'days. They are not cancelled — phone the patients.');
  assert.match(await page.locator('#generate-status').textContent(), /^Created 0 new slots for 14 days/);
  assert.equal(await page.locator('#tpl-weekday option[value="1"]').textContent(), 'Monday');
  const en = await screenshot(page, 'appointments-schedules-en');
  console.log(`screenshot: ${en}`);
  // The browser reports the refused calls (422) themselves; nothing else may fail.
  assertNoProblems(page, ['422']);
});

test('refusals in English name the field, and a closure can be deleted', async () => {
  const page = await newPage(browser, host.url);
  page.on('dialog', (dialog) => dialog.accept());
  await page.goto('/login.html');
  await shellReady(page);
  await page.keyboard.type(admin.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(admin.password);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === '/');
  await page.evaluate(() => localStorage.setItem('hisx.lang', 'en'));
  await page.goto(PAGE);
  await shellReady(page);
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.locator('h1').textContent(), 'Clinic schedules');

  // A closure whose end is before its start: refused on "to", nothing stored.
  await tabTo(page, '#closure-scope');
  assert.equal(await page.locator('#closure-scope').inputValue(), '', 'the whole hospital');
  await page.keyboard.press('Tab');
  await page.keyboard.type('10/01/2030');
  await page.keyboard.press('Tab');
  await page.keyboard.type('09/01/2030');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#closure-to[aria-invalid="true"]');
  assert.equal(await page.locator('#closure-to-error').textContent(),
    'to must not be before from');
  assert.match(await page.locator('#closure-status').textContent(), /^Not saved\. To: /);
  assert.equal(await focused(page), '#closure-to');
  let closures = await api(page, '/api/v1/appointments/admin/closures');
  const before = closures.body.count;

  await typeOver(page, '12/01/2030');
  await page.keyboard.press('Enter');
  await waitForText(page, '#closure-status', /^Added the closure The whole hospital, 10\/01\/2030–12\/01\/2030\. Bookings already made on those days: 0\.$/);
  assert.equal(await page.locator('#closure-warning').isVisible(), false, 'no bookings, no warning');
  assert.equal(await page.locator('#closure-to').getAttribute('aria-invalid'), null);
  closures = await api(page, '/api/v1/appointments/admin/closures');
  assert.equal(closures.body.count, before + 1);
  const added = closures.body.items.find((c) => c.from === '2030-01-10');
  assert.deepEqual([added.clinic_id, added.to, added.reason], [null, '2030-01-12', null]);

  // Delete it with the keyboard (the browser's confirmation is accepted).
  await tabTo(page, `#closures button[data-id="${added.id}"]`, {back: true});
  await page.keyboard.press('Enter');
  await waitForText(page, '#closure-status', /^Deleted the closure/);
  closures = await api(page, '/api/v1/appointments/admin/closures');
  assert.equal(closures.body.count, before);
  assert.equal(await page.locator(`#closures tbody tr[data-id="${added.id}"]`).count(), 0);

  // Generating more than 92 days is refused on "to".
  await tabTo(page, '#generate-to');
  await typeOver(page, '31/12/2099');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#generate-to[aria-invalid="true"]');
  assert.equal(await page.locator('#generate-to-error').textContent(), 'At most 92 days at a time');
  assertNoProblems(page, ['422']);
});
