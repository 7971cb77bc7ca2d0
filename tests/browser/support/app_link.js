// What the app_link page tests share: API calls beside the browser (to check what the pages
// show against what the server answers), keyboard steps and waits with a useful failure.
import assert from 'node:assert/strict';

export const admin = {
  username: 'quantri.hoa',
  display: 'Lê Thị Hoa',
  role: 'admin',
  password: 'Hoa-mat-khau-2024',
};

/** An API client for `host` (startHost()); set `bearer` with logIn() before other calls. */
export function apiClient(host) {
  const client = {
    bearer: null,

    /** Calls the API; resolves to {status, type, body} (body parsed when it is JSON). */
    async call(path, {method = 'GET', body, raw, contentType} = {}) {
      const headers = client.bearer ? {Authorization: `Bearer ${client.bearer}`} : {};
      let payload;
      if (raw !== undefined) {
        payload = raw;
        headers['Content-Type'] = contentType;
      } else if (body !== undefined) {
        payload = JSON.stringify(body);
        headers['Content-Type'] = 'application/json';
      }
      const response = await fetch(new URL(path, host.url), {method, headers, body: payload});
      const type = response.headers.get('content-type') || '';
      const text = await response.text();
      return {status: response.status, type, body: type.includes('json') && text ? JSON.parse(text) : text};
    },

    /** As call(), asserting a status in `expected`; resolves to the body. */
    async ok(path, options, expected = [200, 201]) {
      const answer = await client.call(path, options);
      assert.ok(expected.includes(answer.status),
        `${options?.method || 'GET'} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    },

    async logIn({username, password}) {
      const login = await client.call('/api/v1/auth/login', {method: 'POST', body: {username, password}});
      assert.equal(login.status, 200, JSON.stringify(login.body));
      client.bearer = login.body.token;
    },
  };
  return client;
}

/** Presses Tab until the focused element matches `selector`. */
export async function tabTo(page, selector, most = 80) {
  for (let i = 0; i < most; i++) {
    if (await page.evaluate((s) => document.activeElement.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`${selector} was not reached with Tab`);
}

/** Waits until the visible element `selector` has a text matching `pattern`. */
export async function waitForText(page, selector, pattern, timeout = 15_000) {
  try {
    await page.waitForFunction(([s, p]) => {
      const e = document.querySelector(s);
      return e && !e.closest('[hidden]') && new RegExp(p).test(e.textContent);
    }, [selector, pattern.source], {timeout});
  } catch (error) {
    const shown = await page.evaluate(() => [...document.querySelectorAll('[role="status"]')]
      .map((e) => `#${e.id}: ${e.textContent}`).join('; '));
    throw new Error(`${selector} never matched ${pattern} (live regions: ${shown})`);
  }
}

/** The id of the focused element. */
export function focusedId(page) {
  return page.evaluate(() => document.activeElement.id);
}
