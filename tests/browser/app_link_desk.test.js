// The app-linking desk of plugin app_link: a receptionist chooses the desk's department (it is
// remembered), finds a patient by name with the keyboard, prints the linking slip and the
// consent form (PDFs), links an app account with verbal consent (refused without a witness,
// the error next to the witness field in Vietnamese; accepted with one, the link listed) and
// ends the link with a reason. What the page shows is checked against the API.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';

import {assertNoProblems, launchBrowser, logIn, newPage, screenshot, shellReady}
  from './support/browser.js';
import {startHost} from './support/hisx.js';
import {receptionist} from './support/users.js';
import {apiClient, focusedId, tabTo, waitForText} from './support/app_link.js';

const ACCOUNT = '1002345';
const DEPARTMENT = '2';  // Khoa Nội in the demo HIS

let host;
let browser;
let api;
let patient;  // the demo patient the test links

before(async () => {
  host = await startHost({plugins: ['his', 'app_link']});
  await host.addUser(receptionist);
  browser = await launchBrowser();
  api = apiClient(host);
  await api.logIn(receptionist);
  patient = await api.ok('/api/v1/his/patients/1');
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

// Opens the desk from the navigation and finds `patient` by name with the keyboard.
async function openPatient(page) {
  await tabTo(page, '#shell-nav a[href="/app_link/desk.html"]');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/app_link/desk.html');
  await shellReady(page);
  assert.equal(await page.locator('h1').textContent(), 'Liên kết ứng dụng');
  assert.equal(await focusedId(page), 'q', 'the search field has focus');

  await page.keyboard.type(patient.full_name);
  await page.keyboard.press('Enter');
  await waitForText(page, '#search-status', /Tìm thấy \d+ người bệnh|Hiển thị \d+ người bệnh/);
  // Down from the field into the results, then down to the patient's row; Enter opens it.
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 20; i++) {
    if (await page.evaluate(() => document.activeElement.dataset.id) === String(patient.id)) break;
    await page.keyboard.press('ArrowDown');
  }
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), String(patient.id),
    'the patient is among the results');
  await page.keyboard.press('Enter');
  await waitForText(page, '#patient-heading', new RegExp(`^${patient.full_name}$`));
  assert.equal(await focusedId(page), 'patient-heading');
  assert.equal(await page.locator('#patient-code').textContent(), patient.code);
}

// Chooses the desk's department on the desk page (remembered in this browser) and goes home.
async function chooseDepartment(page) {
  await page.goto('/app_link/desk.html');
  await shellReady(page);
  await page.waitForFunction(() => document.getElementById('department').options.length > 1);
  await page.selectOption('#department', DEPARTMENT);
  await page.goto('/');
  await shellReady(page);
}

test('a receptionist finds a patient by name and prints the slip and the form', async () => {
  const page = await newPage(browser, host.url);
  await logIn(page, receptionist);
  // The desk's department is chosen once and remembered in this browser.
  await chooseDepartment(page);
  await page.goto('/app_link/desk.html');
  await shellReady(page);
  await page.waitForFunction(() => document.getElementById('department').options.length > 1);
  assert.equal(await page.inputValue('#department'), DEPARTMENT, 'the department is remembered');
  await page.goto('/');
  await shellReady(page);

  await openPatient(page);
  assert.equal(await page.locator('#patient-linked').textContent(), 'Chưa liên kết');
  assert.equal(await page.locator('#links-empty').isVisible(), true);
  assert.equal(await page.inputValue('#link-by'), patient.full_name, 'consent by is prefilled');
  console.log(`screenshot: ${await screenshot(page, 'app-link-desk-patient-vi')}`);

  // Alt+P prints the slip: a PDF, offered in a new tab; the patient now has a linking code.
  const slip = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/app-link/slip');
  await page.keyboard.press('Alt+P');
  const slipResponse = await slip;
  assert.equal(slipResponse.status(), 200);
  assert.match(slipResponse.headers()['content-type'], /^application\/pdf/);
  const slipQuery = new URL(slipResponse.url()).searchParams;
  assert.equal(slipQuery.get('patient_id'), String(patient.id));
  assert.equal(slipQuery.get('department_id'), DEPARTMENT);
  assert.equal(slipQuery.get('size'), 'a5');
  await waitForText(page, '#print-status', /^Đã tạo phiếu liên kết\./);
  // The page offers the file it got (a new tab, and the link behind it); the same request is
  // a PDF (the page's CSP keeps scripts from reading blob: URLs back).
  assert.match(await page.locator('#print-link a').getAttribute('href'), /^blob:/);
  const again = await fetch(slipResponse.url(), {headers: {Authorization: `Bearer ${api.bearer}`}});
  assert.equal(again.status, 200);
  assert.equal(Buffer.from(await again.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
  const state = await api.ok(`/api/v1/app-link/patients/${patient.id}`);
  assert.ok(state.linking_code, 'printing the slip made a code');
  await waitForText(page, '#patient-code-state', new RegExp(`^${state.linking_code.code} — còn hiệu lực`));

  // The 80 mm slip and the signed consent form are PDFs too.
  await page.check('#size-80mm');
  const small = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/app-link/slip');
  // After a print the page reads the patient's state again; the next shortcut waits for it.
  const reloaded = page.waitForResponse(
    (r) => new URL(r.url()).pathname === `/api/v1/app-link/patients/${patient.id}`);
  await page.click('#print-slip');
  const smallResponse = await small;
  assert.equal(smallResponse.status(), 200);
  assert.equal(new URL(smallResponse.url()).searchParams.get('size'), '80mm');
  await reloaded;
  await page.bringToFront();
  const form = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/app-link/form');
  await page.keyboard.press('Alt+G');
  const formResponse = await form;
  assert.equal(formResponse.status(), 200);
  assert.match(formResponse.headers()['content-type'], /^application\/pdf/);
  await waitForText(page, '#print-status', /^Đã tạo phiếu đồng ý\./);
  assertNoProblems(page);
});

test('a receptionist links an account with verbal consent and a witness, then unlinks', async () => {
  const page = await newPage(browser, host.url);
  await logIn(page, receptionist);
  await chooseDepartment(page);
  await openPatient(page);

  // Verbal consent without a witness: refused, the error next to the witness field.
  await page.keyboard.press('Alt+L');
  assert.equal(await focusedId(page), 'link-account');
  await page.keyboard.type(ACCOUNT);
  await tabTo(page, '#method-signed');
  await page.keyboard.press('ArrowDown');  // radio group: to "verbal with a witness"
  assert.equal(await page.isChecked('#method-verbal'), true);
  assert.equal(await page.locator('#link-witness').isVisible(), true, 'the witness field shows');
  await page.keyboard.press('Enter');
  await waitForText(page, '#link-witness-error', /^Đồng ý bằng lời cần có người làm chứng$/);
  assert.equal(await page.getAttribute('#link-witness', 'aria-invalid'), 'true');
  assert.match(await page.getAttribute('#link-witness', 'aria-describedby'), /link-witness-error/);
  assert.equal(await focusedId(page), 'link-witness', 'the witness field has focus');
  assert.match(await page.locator('#link-status').textContent(), /^Người làm chứng \(bắt buộc\): /);
  console.log(`screenshot: ${await screenshot(page, 'app-link-desk-witness-vi')}`);
  assert.equal((await api.ok(`/api/v1/app-link/patients/${patient.id}`)).links.length, 0);

  // With a witness: linked, listed, the state says so.
  await page.keyboard.type('Trần Thị Bình');
  await page.keyboard.press('Enter');
  await waitForText(page, '#link-status',
    new RegExp(`^Đã liên kết tài khoản ${ACCOUNT} với người bệnh ${patient.full_name}\\.$`));
  await waitForText(page, '#patient-linked', /^Đã liên kết ứng dụng$/);
  assert.equal(await page.getAttribute('#link-witness', 'aria-invalid'), null, 'the error is gone');
  const row = page.locator('#links tbody tr');
  assert.equal(await row.count(), 1);
  const cells = await row.first().locator('td').allTextContents();
  assert.equal(cells[0], ACCOUNT);
  assert.equal(cells[1], 'Tại quầy');
  assert.equal(cells[2], `Đồng ý bằng lời, có người làm chứng · người đồng ý: ${patient.full_name} · ` +
    'người làm chứng: Trần Thị Bình');
  assert.match(cells[3], /Khoa Nội \(K02\)/);
  assert.equal(cells[4], 'Đang liên kết');
  const linked = await api.ok(`/api/v1/app-link/patients/${patient.id}`);
  assert.equal(linked.linked, true);
  assert.equal(linked.links.length, 1);
  const link = linked.links[0];
  assert.equal(link.app_account_id, ACCOUNT);
  assert.equal(link.department_id, DEPARTMENT);
  assert.deepEqual([link.method, link.consent.method, link.consent.by, link.consent.witness],
    ['assisted', 'verbal_witnessed', patient.full_name, 'Trần Thị Bình']);
  console.log(`screenshot: ${await screenshot(page, 'app-link-desk-linked-vi')}`);

  // The same account again: "already linked", still one link.
  await page.fill('#link-account', ACCOUNT);
  await page.check('#method-signed');
  await page.focus('#link-account');
  await page.keyboard.press('Enter');
  await waitForText(page, '#link-status', new RegExp(`^Tài khoản ${ACCOUNT} đã liên kết .* từ trước\\.$`));
  assert.equal(await row.count(), 1);

  // Unlink with a reason, by keyboard: the row shows the end and the reason.
  await tabTo(page, `#links button[data-link="${link.id}"]`);
  await page.keyboard.press('Enter');
  assert.equal(await focusedId(page), 'unlink-reason');
  assert.equal(await page.locator('#unlink-heading').textContent(), `Hủy liên kết với tài khoản ${ACCOUNT}`);
  await page.keyboard.type('Người bệnh yêu cầu');
  await page.keyboard.press('Enter');
  await waitForText(page, '#links-status', new RegExp(`^Đã hủy liên kết với tài khoản ${ACCOUNT}\\.$`));
  await waitForText(page, '#patient-linked', /^Chưa liên kết$/);
  const ended = await row.first().locator('td').nth(4).textContent();
  assert.match(ended, /^Đã hủy lúc .* Lý do: Người bệnh yêu cầu$/);
  assert.equal(await page.locator(`#links button[data-link="${link.id}"]`).count(), 0);
  assert.equal(await page.locator('#unlink-form').isHidden(), true);
  const afterUnlink = await api.ok(`/api/v1/app-link/patients/${patient.id}`);
  assert.equal(afterUnlink.links[0].active, false);
  assert.equal(afterUnlink.links[0].unlink_reason, 'Người bệnh yêu cầu');
  console.log(`screenshot: ${await screenshot(page, 'app-link-desk-unlinked-vi')}`);

  // Printed, the page shows the patient and links, not the forms and navigation.
  await page.emulateMedia({media: 'print'});
  assert.equal(await page.locator('#shell-nav').evaluate((e) => getComputedStyle(e).display), 'none');
  assert.equal(await page.locator('#link-form').evaluate((e) => getComputedStyle(e).display), 'none');
  assert.notEqual(await page.locator('#links').evaluate((e) => getComputedStyle(e).display), 'none');
  await page.emulateMedia({media: 'screen'});

  // English, one click away.
  await page.click('button[data-lang="en"]');
  await waitForText(page, 'h1', /^App linking$/);
  await waitForText(page, '#patient-linked', /^Not linked$/);
  assert.match(await page.locator('#links tbody tr td').nth(4).textContent(), /^Ended .* Reason: /);
  console.log(`screenshot: ${await screenshot(page, 'app-link-desk-en')}`);
  assertNoProblems(page, ['422']);
});

test('a day of consent forms prints as one PDF for the chosen department', async () => {
  const page = await newPage(browser, host.url);
  await logIn(page, receptionist);
  await page.goto('/app_link/desk.html');
  await shellReady(page);
  await page.waitForFunction(() => document.getElementById('batch-department').options.length > 1);
  await page.selectOption('#batch-department', DEPARTMENT);
  // The day the demo HIS has visits: today in the hospital's zone (config/hisx.yaml).
  const today = new Intl.DateTimeFormat('en-CA', {timeZone: 'Asia/Ho_Chi_Minh'}).format(new Date());
  await page.fill('#batch-date', today);
  const batch = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/app-link/forms/batch');
  await page.focus('#batch-date');
  await tabTo(page, '#batch-form button[type="submit"]');
  await page.keyboard.press('Enter');
  const response = await batch;
  const query = new URL(response.url()).searchParams;
  assert.equal(query.get('department_id'), DEPARTMENT);
  assert.equal(query.get('date'), today);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-type'], /^application\/pdf/);
  await waitForText(page, '#batch-status', /^Đã tạo phiếu đồng ý của Khoa Nội \(K02\)/);
  assertNoProblems(page);
});
