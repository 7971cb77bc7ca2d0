// What the fast_lane page tests share: the cashier, demo patients who have open charges in the
// demo HIS (its `hoa_don` rows with trang_thai 'open'), device credentials, PDF text and the
// VND format the pages show.
import {execFile} from 'node:child_process';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';

export const cashier = {
  username: 'thungan.mai',
  display: 'Phạm Thị Mai',
  role: 'cashier',
  password: 'Mai-mat-khau-2024',
};

/** 150000 → "150.000 đ", as the pages write amounts. */
export function vnd(amount) {
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}

/**
 * The first `count` demo patients (by id) with something left to pay, each as the answer of
 * GET /api/v1/fast-lane/patients/{id}/charges; `api` is logged in as a cashier.
 */
export async function patientsWithCharges(api, count, skip = new Set()) {
  const found = [];
  for (let id = 1; id <= 300 && found.length < count; id++) {
    if (skip.has(String(id))) continue;
    const answer = await api.call(`/api/v1/fast-lane/patients/${id}/charges`);
    if (answer.status === 200 && answer.body.due > 0) found.push(answer.body);
  }
  assert.equal(found.length, count, 'the demo HIS has patients with open invoices');
  return found;
}

/** Creates a device credential with `scopes` (`admin` is an apiClient of an administrator). */
export async function createDevice(admin, name, scopes) {
  return admin.ok('/api/v1/host/devices', {method: 'POST', body: {name, scopes}}, [201]);
}

/** The text of a PDF (poppler's pdftotext). */
export async function pdfText(bytes) {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'hisx-pdf-'));
  const file = path.join(folder, 'file.pdf');
  await writeFile(file, bytes);
  try {
    return await new Promise((resolve, reject) => {
      execFile('pdftotext', ['-layout', file, '-'], (error, stdout) => (error ? reject(error) : resolve(stdout)));
    });
  } finally {
    await rm(folder, {recursive: true, force: true});
  }
}

/** Fails unless the page has no vertical (and no horizontal) scrolling. */
export async function assertNoScroll(page) {
  const size = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight, inner: innerHeight,
    width: document.documentElement.scrollWidth, innerWidth,
  }));
  assert.ok(size.height <= size.inner, `no vertical scroll: ${JSON.stringify(size)}`);
  assert.ok(size.width <= size.innerWidth, `no horizontal scroll: ${JSON.stringify(size)}`);
}
