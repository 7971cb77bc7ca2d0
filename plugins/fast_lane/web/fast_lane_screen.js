// The API for the fast_lane screens that nobody logs in to (the waiting-room board, the
// ticket kiosk): with the device credential this browser keeps (/shell/device.js), or else
// with a staff session of this tab (a cashier opening the board from the navigation).
// Loaded after /shell/i18n.js and /shell/device.js; the helpers are window.fastLaneScreen.
(function () {
  'use strict';

  const device = window.hisxDevice;
  const TOKEN_KEY = 'hisx.token';

  class ScreenError extends Error {
    constructor(status, problem) {
      super(`HTTP ${status}`);
      this.status = status;
      this.problem = problem || null;
    }
  }

  // 'device', 'staff' or null (neither a device credential nor a staff session).
  function mode() {
    if (device.hasCredential()) return 'device';
    return sessionStorage.getItem(TOKEN_KEY) ? 'staff' : null;
  }

  function bearer() {
    return mode() === 'device' ? localStorage.getItem('hisx.device_token') : sessionStorage.getItem(TOKEN_KEY);
  }

  async function fetchWith(path, {method = 'GET', body, accept = 'application/json'} = {}) {
    const token = bearer();
    if (!token) {
      document.dispatchEvent(new CustomEvent('hisx:device-missing'));
      throw new ScreenError(401, null);
    }
    const headers = {Authorization: `Bearer ${token}`, Accept: accept};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method, headers, cache: 'no-store', body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401) {
      if (mode() === 'device') device.forget();
      else sessionStorage.removeItem(TOKEN_KEY);
      document.dispatchEvent(new CustomEvent('hisx:device-missing'));
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

  // Calls the API; resolves to the parsed JSON body, rejects with ScreenError (its `problem`
  // the problem document) or with the fetch error when there is no answer.
  async function call(path, options) {
    const response = await fetchWith(path, options);
    const data = await problemOf(response);
    if (!response.ok) throw new ScreenError(response.status, data);
    return data;
  }

  // GETs a file (a PDF); resolves to its object URL.
  async function file(path) {
    const response = await fetchWith(path, {accept: 'application/pdf'});
    if (!response.ok) throw new ScreenError(response.status, await problemOf(response));
    return URL.createObjectURL(await response.blob());
  }

  // The part of a bilingual problem detail ("English / tiếng Việt") in the page's language.
  function detailOf(problem) {
    const text = (problem && (problem.detail || problem.title)) || '';
    const cut = text.lastIndexOf(' / ');
    if (cut < 0) return text;
    return window.hisx.i18n.language === 'vi' ? text.slice(cut + 3) : text.slice(0, cut);
  }

  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === false || value === null || value === undefined) continue;
      element.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  }

  window.fastLaneScreen = {mode, call, file, detailOf, el, ScreenError};
})();
