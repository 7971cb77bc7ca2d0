// Pages shown by devices nobody logs in to (a waiting-room board, a ticket kiosk): the device
// credential kept in this browser, and API calls with it. An administrator opens the page once
// as `…/board.html#device=hisxdev_…`: the credential comes in the URL fragment, which the
// browser never sends, so that no proxy or server log holds it. It is kept in localStorage
// (across reboots of the screen) and removed from the address bar. A 401 (revoked, or never
// set) forgets it and fires `hisx:device-missing` on `document`, so the page can say that the
// screen needs a new credential. Load this without the shell: `<script src="/shell/device.js">`.
(function () {
  'use strict';

  const TOKEN_KEY = 'hisx.device_token';

  function takeFromFragment() {
    const params = new URLSearchParams(location.hash.slice(1));
    const token = params.get('device');
    if (!token) return;
    localStorage.setItem(TOKEN_KEY, token);
    params.delete('device');
    const rest = params.toString();
    history.replaceState(null, '', location.pathname + location.search + (rest ? `#${rest}` : ''));
  }

  class DeviceError extends Error {
    constructor(status, problem) {
      super(`HTTP ${status}`);
      this.status = status;
      this.problem = problem || null;
    }
  }

  function missing() {
    localStorage.removeItem(TOKEN_KEY);
    document.dispatchEvent(new CustomEvent('hisx:device-missing'));
  }

  // Calls the API with the device credential. Resolves to the parsed JSON body (null for an
  // empty one); rejects with DeviceError for an error status (its `problem` is the problem
  // document), or with the fetch error when the network is down.
  async function api(path, { method = 'GET', body } = {}) {
    const token = localStorage.getItem(TOKEN_KEY);
    if (!token) {
      missing();
      throw new DeviceError(401, null);
    }
    const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
    const text = await response.text();
    let data = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch (e) {
        data = null;
      }
    }
    if (response.status === 401) missing();
    if (!response.ok) throw new DeviceError(response.status, data);
    return data;
  }

  takeFromFragment();
  window.hisxDevice = {
    api,
    DeviceError,
    /** True when this browser holds a device credential. */
    hasCredential: () => localStorage.getItem(TOKEN_KEY) !== null,
    /** Forgets the credential (a screen moved elsewhere). */
    forget: () => localStorage.removeItem(TOKEN_KEY),
  };
})();
