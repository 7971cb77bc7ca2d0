// The cashier window of plugin fast_lane, by keyboard: the window is chosen once, the shift
// opened with a float, N calls the ticket, the patient's open charges from the demo HIS show,
// digits typed are the cash tendered and the change shows live, Enter pays, the receipt number
// shows and I opens the receipt PDF (its text holds the number). A payment whose answer is lost
// is completed after a reload with the same Idempotency-Key, and paid once. At 1366×768 the
// page does not scroll.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import {assertNoProblems, launchBrowser, logIn, newPage, screenshot, shellReady} from './support/browser.js';
import {env, startHost} from './support/hisx.js';
import {apiClient, waitForText} from './support/app_link.js';
import {assertNoScroll, cashier, patientsWithCharges, pdfText, vnd} from './support/fast_lane.js';

const WINDOW = 'Q3';  // a regular-lane window of the demo configuration
const PAGE = '/fast_lane/cashier.html';
// Chromium logs every refused fetch (the 404 of a closed shift, the aborted payment).
const EXPECTED = ['Failed to load resource'];

let host;
let browser;
let api;
let patients;  // three demo patients with open charges

before(async () => {
  host = await startHost({plugins: ['his', 'fast_lane'], defines: [
    'plugins.settings.fast_lane.bank_bin=970436',
    'plugins.settings.fast_lane.bank_account=0011001932418',
    'plugins.settings.fast_lane.bank_account_name=BENH VIEN DEMO',
  ]});
  await host.addUser(cashier);
  browser = await launchBrowser();
  api = apiClient(host);
  await api.logIn(cashier);
  patients = await patientsWithCharges(api, 3);
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

async function openCashier() {
  const page = await newPage(browser, host.url);
  await page.setViewportSize({width: 1366, height: 768});
  await logIn(page, cashier);
  await page.goto(PAGE);
  await shellReady(page);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

// A cash amount above `due` in whole 100.000 đ.
function tenderFor(due) {
  return (Math.floor(due / 100000) + 1) * 100000;
}

test('a cashier calls, sees the charges and pays cash with the keyboard', async () => {
  const patient = patients[0];
  const ticket = await api.ok('/api/v1/fast-lane/tickets', {
    method: 'POST', body: {lane: 'regular', patient_id: String(patient.patient.id)},
  }, [201]);

  const page = await openCashier();
  assert.equal(await page.locator('h1').textContent(), 'Quầy thu ngân');
  await page.selectOption('#window', WINDOW);
  // The shift is not open: its form asks the float; Enter opens it.
  await page.waitForSelector('#shift-open-form:not([hidden])');
  await page.focus('#opening-float');
  await page.keyboard.type('500000');
  await page.keyboard.press('Enter');
  await waitForText(page, '#shift-summary', /^Ca số \d+, mở lúc .* đầu ca 500\.000 đ/);
  const shift = await api.ok('/api/v1/fast-lane/shifts/current');
  assert.equal(shift.opening_float, 500000);
  assert.equal(shift.window, WINDOW);

  // N calls the ticket; its patient's open charges show, all checked.
  await page.keyboard.press('n');
  await waitForText(page, '#ticket-label', new RegExp(`^${ticket.label}$`));
  await waitForText(page, '#patient-heading', new RegExp(`^${patient.patient.full_name} — ${patient.patient.code}$`));
  const rows = page.locator('#charges tbody tr');
  assert.equal(await rows.count(), patient.charges.length);
  assert.equal(await page.locator('#charges tbody input:checked').count(), patient.charges.length);
  assert.equal(await page.locator('#due').textContent(), vnd(patient.due));
  assert.equal(await page.locator('#charges tbody tr td.num').last().textContent(),
    vnd(patient.charges.at(-1).patient_share));

  // Digits typed (no field focused) are the cash tendered; the change shows as they come.
  const tendered = tenderFor(patient.due);
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'MAIN');
  await page.keyboard.type(String(tendered));
  assert.equal(await page.inputValue('#tendered'), String(tendered));
  assert.equal(await page.locator('#change').textContent(), vnd(tendered - patient.due));

  // In the middle of the payment, the page fits 1366×768 without scrolling.
  await assertNoScroll(page);
  if (process.env.HISX_WRITE_PICTURES === '1') {
    const picture = path.join(env('HISX_SOURCE_DIR'), 'plugins/fast_lane/docs/cashier-page.png');
    await mkdir(path.dirname(picture), {recursive: true});
    await page.screenshot({path: picture});
    console.log(`picture: ${picture}`);
  }

  // Enter pays: one request with an Idempotency-Key; the receipt number and the change show.
  const paying = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/fast-lane/payments' &&
    r.request().method() === 'POST');
  await page.keyboard.press('Enter');
  const response = await paying;
  assert.equal(response.status(), 201);
  assert.match(response.request().headers()['idempotency-key'], /^[0-9a-f-]{36}$/);
  const paid = await response.json();
  assert.deepEqual(paid.charges.map((c) => c.charge_id).sort(), patient.charges.map((c) => c.charge_id).sort());
  await waitForText(page, '#paid-receipt', new RegExp(`^${paid.receipt_no}$`));
  assert.match(paid.receipt_no, /^A-\d{4}-\d{6}$/);
  assert.equal(await page.locator('#paid-change').textContent(), vnd(tendered - patient.due));
  const his = {pending: 'chờ ghi HIS', recorded: 'đã ghi vào HIS'}[paid.his_state];
  assert.equal(await page.locator('#paid-his').textContent(), his);
  await waitForText(page, '#pay-status', new RegExp(`^Đã thu tiền\\. Biên lai ${paid.receipt_no}\\.$`));
  // Nothing is left to pay; the payment is the day's only one for the patient.
  await page.waitForSelector('#charges-empty:not([hidden])');
  assert.equal(await page.locator('#pay-form').isHidden(), true);

  // I prints the receipt: a PDF whose text holds the receipt number.
  const receipt = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/fast-lane/payments/${paid.id}/receipt`);
  await page.keyboard.press('i');
  const receiptResponse = await receipt;
  assert.equal(receiptResponse.status(), 200);
  assert.match(receiptResponse.headers()['content-type'], /^application\/pdf/);
  // The page opened the PDF it got; the same receipt, fetched again, is a copy with the number.
  const again = await fetch(receiptResponse.url(), {headers: {Authorization: `Bearer ${api.bearer}`}});
  assert.equal(again.status, 200);
  const text = await pdfText(Buffer.from(await again.arrayBuffer()));
  assert.ok(text.includes(paid.receipt_no), `the receipt shows ${paid.receipt_no}:\n${text}`);
  assert.match(text, /BẢN SAO/, 'the second print is a copy');
  assert.match(await page.locator('#receipt-link a').getAttribute('href'), /^blob:/);

  const list = await api.ok(`/api/v1/fast-lane/payments?patient_id=${patient.patient.id}`);
  assert.equal(list.items.length, 1);
  assertNoProblems(page, EXPECTED);
  await page.context().close();
});

test('a payment whose answer was lost is completed after a reload, and paid once', async () => {
  const patient = patients[1];
  const shift = await api.call('/api/v1/fast-lane/shifts/current');
  if (shift.status === 404) {
    await api.ok('/api/v1/fast-lane/shifts', {method: 'POST', body: {opening_float: 0, window: WINDOW}}, [201]);
  }
  // A ticket without a patient: the cashier finds the patient by code.
  const ticket = await api.ok('/api/v1/fast-lane/tickets', {method: 'POST', body: {lane: 'regular'}}, [201]);

  const page = await openCashier();
  await page.selectOption('#window', WINDOW);
  await page.focus('#main');
  await page.keyboard.press('n');
  await waitForText(page, '#ticket-label', new RegExp(`^${ticket.label}$`));
  await page.focus('#q');
  await page.keyboard.type(patient.patient.code);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`#results button[data-id="${patient.patient.id}"]`);
  await page.focus(`#results button[data-id="${patient.patient.id}"]`);
  await page.keyboard.press('Enter');
  await waitForText(page, '#patient-heading', new RegExp(`— ${patient.patient.code}$`));
  assert.equal(await page.locator('#due').textContent(), vnd(patient.due));

  // Too little cash: the server's refusal shows next to "tendered", in Vietnamese; nothing paid.
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#tendered-error:not([hidden])');
  assert.equal(await page.getAttribute('#tendered', 'aria-invalid'), 'true');
  assert.match(await page.locator('#pay-status').textContent(), /^Khách đưa: /);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tendered');
  assert.equal(await page.evaluate(() => localStorage.getItem('hisx.fast_lane.pending_payment')), null);
  await page.fill('#tendered', '');

  // The server pays, but its answer never reaches the page.
  let first = null;
  await page.route('**/api/v1/fast-lane/payments', async (route) => {
    const answer = await route.fetch();
    first = {key: route.request().headers()['idempotency-key'], status: answer.status(), body: await answer.json()};
    await route.abort('connectionreset');
  });
  const tendered = tenderFor(patient.due);
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.type(String(tendered));
  await page.keyboard.press('Enter');
  await waitForText(page, '#pay-status', /^Mất kết nối khi thanh toán/);
  assert.equal(first.status, 201, JSON.stringify(first.body));
  const kept = JSON.parse(await page.evaluate(() => localStorage.getItem('hisx.fast_lane.pending_payment')));
  assert.equal(kept.key, first.key, 'the page keeps the key until it has an answer');
  await page.unrouteAll({behavior: 'wait'});

  // After the reload the page says the payment is in progress and sends it again, same key.
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  let again = null;
  await page.route('**/api/v1/fast-lane/payments', async (route) => {
    again = route.request().headers()['idempotency-key'];
    await released;
    await route.continue();
  });
  await page.reload();
  await shellReady(page);
  await waitForText(page, '#pay-status', /^Thanh toán đang được hoàn tất…$/);
  release();
  await waitForText(page, '#paid-receipt', new RegExp(`^${first.body.receipt_no}$`));
  assert.equal(again, first.key);
  assert.equal(await page.evaluate(() => localStorage.getItem('hisx.fast_lane.pending_payment')), null);

  const list = await api.ok(`/api/v1/fast-lane/payments?patient_id=${patient.patient.id}`);
  assert.equal(list.items.length, 1, 'exactly one payment');
  assert.equal(list.items[0].receipt_no, first.body.receipt_no);
  assertNoProblems(page, [...EXPECTED, 'ERR_CONNECTION_RESET']);
  await page.context().close();
});

test('the queue keys: recall, skip, no-show and transfer, never while typing', async () => {
  const issue = (body) => api.ok('/api/v1/fast-lane/tickets', {method: 'POST', body}, [201]);
  const [a, b, c] = [await issue({lane: 'regular'}), await issue({lane: 'regular'}), await issue({lane: 'regular'})];
  const page = await openCashier();
  await page.selectOption('#window', WINDOW);
  await page.focus('#main');
  const ticketOf = (t) => api.ok(`/api/v1/fast-lane/tickets/${t.id}`);

  await page.keyboard.press('n');
  await waitForText(page, '#ticket-label', new RegExp(`^${a.label}$`));
  // Typing in the search box is text, not keys.
  await page.focus('#q');
  await page.keyboard.type('nrsv');
  assert.equal(await page.inputValue('#q'), 'nrsv');
  assert.equal((await ticketOf(a)).recalls, 0);
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');

  await page.keyboard.press('r');
  await waitForText(page, '#ticket-status', new RegExp(`^Đã gọi lại số ${a.label}\\.$`));
  assert.equal((await ticketOf(a)).recalls, 1);
  await page.keyboard.press('s');
  await waitForText(page, '#ticket-status', new RegExp(`^Đã bỏ qua số ${a.label}`));
  assert.equal(await page.locator('#ticket-label').textContent(), '—');
  assert.equal((await ticketOf(a)).status, 'waiting');

  await page.keyboard.press('n');
  await waitForText(page, '#ticket-label', new RegExp(`^${b.label}$`));
  await page.keyboard.press('v');
  await waitForText(page, '#ticket-status', new RegExp(`^Số ${b.label}: người bệnh vắng mặt\\.$`));
  assert.equal((await ticketOf(b)).status, 'no_show');

  // T on a regular ticket asks its priority group: without one the refusal shows at the list.
  await page.keyboard.press('n');
  await waitForText(page, '#ticket-label', new RegExp(`^${c.label}$`));
  await page.keyboard.press('t');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'transfer-group');
  await page.keyboard.press('Enter');
  await waitForText(page, '#transfer-group-error', /Làn ưu tiên cần nhóm ưu tiên/);
  assert.equal(await page.getAttribute('#transfer-group', 'aria-invalid'), 'true');
  await page.selectOption('#transfer-group', 'disability');
  await page.keyboard.press('Enter');
  await waitForText(page, '#ticket-status', new RegExp(`^Đã chuyển số ${c.label} sang làn khác\\.$`));
  const moved = await ticketOf(c);
  assert.equal(moved.lane, 'fast');
  assert.equal(moved.priority_group, 'disability');
  assertNoProblems(page, EXPECTED);
  await page.context().close();
});

// What zbarimg reads in a PNG image.
async function qrText(png) {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'hisx-qr-'));
  const file = path.join(folder, 'qr.png');
  await writeFile(file, png);
  try {
    return await new Promise((resolve, reject) => {
      execFile('zbarimg', ['--raw', '-q', file], (error, stdout) => (error ? reject(error) : resolve(stdout.trim())));
    });
  } finally {
    await rm(folder, {recursive: true, force: true});
  }
}

test('a transfer shows the VietQR code of the chosen charges and takes its reference', async () => {
  const patient = patients[2];
  const ticket = await api.ok('/api/v1/fast-lane/tickets', {
    method: 'POST', body: {lane: 'regular', patient_id: String(patient.patient.id)},
  }, [201]);
  const page = await openCashier();
  await page.selectOption('#window', WINDOW);
  await page.waitForSelector('#shift-open:not([hidden])');
  // N until the ticket is called (earlier tests may have left others waiting before it).
  for (let i = 0; i < 6; i++) {
    const next = page.waitForResponse((r) => new URL(r.url()).pathname ===
      `/api/v1/fast-lane/windows/${WINDOW}/next`);
    await page.keyboard.press('n');
    const answer = await (await next).json();
    if (answer.called && answer.called.label === ticket.label) break;
  }
  await waitForText(page, '#ticket-label', new RegExp(`^${ticket.label}$`));
  await waitForText(page, '#patient-heading', new RegExp(`— ${patient.patient.code}$`));

  await page.click('#method-transfer');
  await page.waitForSelector('#vietqr:not([hidden])');
  const src = await page.getAttribute('#vietqr-image', 'src');
  assert.match(src, /^data:image\/png;base64,/);
  const payload = await qrText(Buffer.from(src.split(',')[1], 'base64'));
  const reference = await page.inputValue('#reference');
  assert.match(reference, /^HISX[0-9A-Z]{8}$/);
  // The NAPAS payload: dynamic, the hospital's bank and account, the amount due, the reference.
  assert.match(payload, /^000201010212/);
  assert.ok(payload.includes('0006970436'), payload);
  assert.ok(payload.includes('0011001932418'), payload);
  const amount = String(patient.due);
  assert.ok(payload.includes(`54${String(amount.length).padStart(2, '0')}${amount}`), payload);
  assert.ok(payload.includes(reference), payload);
  await waitForText(page, '#vietqr-caption', new RegExp(`${vnd(patient.due).replace('.', '\\.')}, nội dung ${reference}$`));
  await assertNoScroll(page);
  await screenshot(page, 'fast-lane-cashier-vietqr');

  // The transfer has arrived: Enter pays it with that reference.
  const paying = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/fast-lane/payments' &&
    r.request().method() === 'POST');
  await page.focus('#reference');
  await page.keyboard.press('Enter');
  const response = await paying;
  assert.equal(response.status(), 201);
  const paid = await response.json();
  assert.equal(paid.method, 'transfer');
  assert.equal(paid.reference, reference);
  assertNoProblems(page, EXPECTED);
  await page.context().close();
});

test('closing the shift with the cash counted opens its report', async () => {
  const page = await openCashier();
  await page.waitForSelector('#shift-open:not([hidden])');
  await page.click('#shift-close');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'counted-cash');
  const shift = await api.ok('/api/v1/fast-lane/shifts/current');
  const cash = shift.methods.find((m) => m.method === 'cash').expected;
  await page.keyboard.type(String(cash));
  const report = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/fast-lane/shifts/${shift.id}/report`);
  await page.keyboard.press('Enter');
  const response = await report;
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-type'], /^application\/pdf/);
  await waitForText(page, '#shift-status', /^Đã đóng ca; chênh lệch 0 đ\./);
  await page.waitForSelector('#shift-open-form:not([hidden])');
  const closed = await api.ok(`/api/v1/fast-lane/shifts/${shift.id}`);
  assert.equal(closed.open, false);
  assert.equal(closed.difference, 0);
  assertNoProblems(page, EXPECTED);
  await page.context().close();
});
