// What the cashier page needs beyond the shell's `hisx.forms`: refusals shown with the
// fast_lane strings, POSTs with an Idempotency-Key, and PDFs fetched with the session token
// and opened in a new tab (the pages' Content-Security-Policy allows no frames of blob: URLs).
// Loaded after /shell/forms.js; the helpers are window.fastLane.
(function () {
  'use strict';

  const hisx = window.hisx;
  const i18n = hisx.i18n;
  const $ = (id) => document.getElementById(id);

  // hisx.forms.showFailure with the fast_lane strings (fast_lane.error.*, fast_lane.refused.*).
  function showFailure(error, fields, status) {
    return hisx.forms.showFailure(error, fields, status, {messages: 'fast_lane'});
  }

  function toLogin() {
    hisx.session.clear();
    location.replace(`/login.html?next=${encodeURIComponent(location.pathname + location.search)}`);
  }

  // A fetch with the session token; a 401 goes to the login page. Rejects with hisx.ApiError
  // (carrying the problem document) for other error statuses, with the fetch error when there
  // is no answer.
  async function send(path, {method = 'GET', body, headers = {}} = {}) {
    const token = hisx.session.token();
    if (!token) {
      toLogin();
      throw new hisx.ApiError(401);
    }
    const all = {Authorization: `Bearer ${token}`, Accept: 'application/json', ...headers};
    if (body !== undefined) all['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method, headers: all, cache: 'no-store', body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401) {
      toLogin();
      throw new hisx.ApiError(401);
    }
    return response;
  }

  async function problemOf(response) {
    try {
      return JSON.parse(await response.text());
    } catch (e) {
      return null;
    }
  }

  // POST `body` to `path` with `key` as its Idempotency-Key; resolves to the JSON answer.
  async function postOnce(path, body, key) {
    const response = await send(path, {method: 'POST', body, headers: {'Idempotency-Key': key}});
    const data = await problemOf(response);
    if (!response.ok) throw new hisx.ApiError(response.status, data);
    return data;
  }

  // GETs a file (a PDF) and opens it in a new tab; leaves a link to it in `linkHolder` too
  // (for when the browser blocked the tab). Resolves to the object URL.
  async function openFile(path, linkHolder, linkKey) {
    const response = await send(path);
    if (!response.ok) throw new hisx.ApiError(response.status, await problemOf(response));
    const url = URL.createObjectURL(await response.blob());
    if (linkHolder.dataset.url) URL.revokeObjectURL(linkHolder.dataset.url);
    linkHolder.dataset.url = url;
    const link = hisx.el('a', {href: url, target: '_blank'});
    i18n.set(link, linkKey);
    linkHolder.replaceChildren(link);
    linkHolder.hidden = false;
    const tab = window.open(url, '_blank');
    if (tab) tab.opener = null;
    return url;
  }

  // localStorage that fails quietly (private windows).
  const store = {
    get(key) {
      try {
        return localStorage.getItem(key);
      } catch (e) {
        return null;
      }
    },
    set(key, value) {
      try {
        if (value === null || value === undefined) localStorage.removeItem(key);
        else localStorage.setItem(key, value);
      } catch (e) {
        // The value lasts for this page only.
      }
    },
  };

  // True when `event` comes from a place where the user types (keys then are text).
  function isTyping(event) {
    const t = event.target;
    if (!t || !t.tagName) return false;
    if (t.isContentEditable) return true;
    if (t.tagName === 'TEXTAREA' || t.tagName === 'SELECT') return true;
    return t.tagName === 'INPUT' && !['radio', 'checkbox', 'button', 'submit'].includes(t.type);
  }

  window.fastLane = {$, showFailure, send, postOnce, openFile, store, isTyping};
})();
