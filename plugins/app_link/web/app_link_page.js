// What the three app_link pages share beyond the shell's `hisx.forms`: refusals shown with the
// app_link strings, dates, and files (PDF, CSV) fetched with the session token and opened or
// saved. Loaded after /shell/forms.js and before the page's own script; the helpers are
// window.appLink.
(function () {
  'use strict';

  const hisx = window.hisx;
  const i18n = hisx.i18n;
  const $ = (id) => document.getElementById(id);

  // hisx.forms.showFailure with the app_link pages' strings (app_link.error.*, app_link.refused.*).
  function showFailure(error, fields, status) {
    return hisx.forms.showFailure(error, fields, status, {messages: 'app_link'});
  }

  // "YYYY-MM-DD…" as the page's language writes a date.
  function formatDate(iso) {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
    if (!match) return iso || i18n.t('app_link.value.none');
    return i18n.t('app_link.date_format', {y: match[1], m: match[2], d: match[3]});
  }

  // A UTC time "YYYY-MM-DDTHH:MM:SSZ" in the browser's zone (the hospital's), as date and time.
  function formatDateTime(iso) {
    if (!iso) return i18n.t('app_link.value.none');
    const at = new Date(iso);
    if (Number.isNaN(at.getTime())) return iso;
    const two = (n) => String(n).padStart(2, '0');
    return i18n.t('app_link.datetime_format', {
      y: at.getFullYear(), m: two(at.getMonth() + 1), d: two(at.getDate()),
      hh: two(at.getHours()), mm: two(at.getMinutes()),
    });
  }

  // Today in the browser's zone, "YYYY-MM-DD".
  function today() {
    const now = new Date();
    const two = (n) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  }

  // "YYYY-MM-DD" plus `days` (may be negative).
  function addDays(date, days) {
    const [y, m, d] = date.split('-').map(Number);
    const at = new Date(Date.UTC(y, m - 1, d + days));
    return at.toISOString().slice(0, 10);
  }

  function text(value) {
    return value === null || value === undefined || value === '' ? i18n.t('app_link.value.none')
                                                                  : String(value);
  }

  // GET `path` with the session token and answers the body as a Blob (a PDF, a CSV). Refusals
  // reject with hisx.ApiError carrying the problem document; a 401 goes to the login page.
  async function fetchFile(path) {
    const token = hisx.session.token();
    if (!token) {
      location.replace(`/login.html?next=${encodeURIComponent(location.pathname + location.search)}`);
      throw new hisx.ApiError(401);
    }
    const response = await fetch(path, {headers: {Authorization: `Bearer ${token}`}, cache: 'no-store'});
    if (response.status === 401) {
      hisx.session.clear();
      location.replace(`/login.html?next=${encodeURIComponent(location.pathname + location.search)}`);
      throw new hisx.ApiError(401);
    }
    if (!response.ok) {
      let problem = null;
      try {
        problem = JSON.parse(await response.text());
      } catch (e) {
        problem = null;
      }
      throw new hisx.ApiError(response.status, problem);
    }
    return response.blob();
  }

  // Leaves a link to a file just fetched in `linkHolder`: it opens the file in a new tab (a
  // PDF, to print from the browser's viewer, also when the browser blocked the tab the page
  // opened), or with `save` saves it as `fileName` (a CSV). Answers the file's object URL.
  function offerFile(blob, fileName, linkHolder, linkKey, save) {
    const url = URL.createObjectURL(blob);
    if (linkHolder.dataset.url) URL.revokeObjectURL(linkHolder.dataset.url);
    linkHolder.dataset.url = url;
    const link = hisx.el('a', save ? {href: url, download: fileName} : {href: url, target: '_blank'});
    i18n.set(link, linkKey, {file: fileName});
    linkHolder.replaceChildren(link);
    linkHolder.hidden = false;
    return url;
  }

  // Opens `url` (an object URL of this page) in a new tab; false when the browser blocked it.
  function openInTab(url) {
    const tab = window.open(url, '_blank');
    if (tab) tab.opener = null;
    return Boolean(tab);
  }

  window.appLink = {
    $, showFailure, formatDate, formatDateTime, today, addDays, text, fetchFile, offerFile, openInTab,
  };
})();
