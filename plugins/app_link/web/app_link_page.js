// What the three app_link pages share: live messages that stay translated, problems shown
// next to the field the problem document names (`field`), dates, and files (PDF, CSV) fetched
// with the session token and opened or saved. Loaded before the page's own script; the
// helpers are window.appLink.
(function () {
  'use strict';

  const hisx = window.hisx;
  const i18n = hisx.i18n;
  const rendered = new Map();  // element → () => text, redone on a language switch

  const $ = (id) => document.getElementById(id);

  // Shows `render()` in element `id` now and after every language switch; `kind` is
  // 'error', 'ok' or nothing.
  function say(id, render, kind) {
    const element = typeof id === 'string' ? $(id) : id;
    if (!render) {
      rendered.delete(element);
      element.textContent = '';
    } else {
      rendered.set(element, render);
      element.textContent = render();
    }
    element.classList.toggle('is-error', kind === 'error');
    element.classList.toggle('is-ok', kind === 'ok');
  }

  // The part of a bilingual problem detail ("English / tiếng Việt") in the page's language,
  // with the API's field name replaced by the field's label.
  function localDetail(detail, field, label) {
    let text = detail || '';
    const cut = text.lastIndexOf(' / ');
    if (cut > 0) text = i18n.language === 'vi' ? text.slice(cut + 3) : text.slice(0, cut);
    if (field && label) text = text.split(`'${field}'`).join(`“${label}”`);
    return text.trim();
  }

  function describedBy(element, id, add) {
    const ids = (element.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
      .filter((x) => x !== id);
    if (add) ids.push(id);
    if (ids.length) {
      element.setAttribute('aria-describedby', ids.join(' '));
    } else {
      element.removeAttribute('aria-describedby');
    }
  }

  // The controls of a field element (for aria-invalid): a fieldset's inputs, or itself.
  function controlsOf(element) {
    return element.tagName === 'FIELDSET' ? [element, ...element.querySelectorAll('input')] : [element];
  }

  function labelOf(element) {
    if (element.tagName === 'FIELDSET') return element.querySelector('legend').textContent;
    const label = document.querySelector(`label[for="${element.id}"]`);
    return label ? label.textContent : element.id;
  }

  // Hides every `.field-error` of `scope` (their owner is the element whose id they carry
  // without "-error").
  function clearErrors(scope) {
    for (const error of scope.querySelectorAll('.field-error')) {
      error.hidden = true;
      rendered.delete(error);
      error.textContent = '';
      const owner = $(error.id.replace(/-error$/, ''));
      if (!owner) continue;
      for (const control of controlsOf(owner)) control.removeAttribute('aria-invalid');
      describedBy(owner, error.id, false);
    }
  }

  function showFieldError(owner, render) {
    const error = $(`${owner.id}-error`);
    error.hidden = false;
    rendered.set(error, render);
    error.textContent = render();
    for (const control of controlsOf(owner)) control.setAttribute('aria-invalid', 'true');
    describedBy(owner, error.id, true);
  }

  // Shows a failed call: next to the field the problem names (`fields` maps API field →
  // element id) and in the live region `statusId`; focus goes to that field. Resolves to
  // whether a field was named.
  function showFailure(error, fields, statusId) {
    if (error instanceof hisx.ApiError && error.status === 401) return false;  // to the login page
    const problem = error instanceof hisx.ApiError ? error.problem : null;
    if (!problem) {
      say(statusId, () => i18n.t(error instanceof hisx.ApiError ? 'app_link.error.failed'
                                                                : 'app_link.error.network'), 'error');
      return false;
    }
    const field = problem.field || '';
    const owner = fields && fields[field] ? $(fields[field]) : null;
    const detail = () => localDetail(problem.detail || problem.title, field, owner ? labelOf(owner) : '');
    if (!owner) {
      say(statusId, () => i18n.t('app_link.refused.other', {detail: detail()}), 'error');
      return false;
    }
    showFieldError(owner, detail);
    say(statusId, () => i18n.t('app_link.refused.field', {field: labelOf(owner), detail: detail()}), 'error');
    const target = owner.tagName === 'FIELDSET'
      ? owner.querySelector('input:checked') || owner.querySelector('input') : owner;
    target.focus();
    return true;
  }

  function setBusy(form, busy) {
    for (const button of form.querySelectorAll('button[type="submit"]')) button.disabled = busy;
    form.setAttribute('aria-busy', String(busy));
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

  document.addEventListener('hisx:language', () => {
    for (const [element, render] of rendered) {
      if (element.isConnected) {
        element.textContent = render();
      } else {
        rendered.delete(element);
      }
    }
  });

  window.appLink = {
    $, say, localDetail, clearErrors, showFieldError, showFailure, setBusy, labelOf,
    formatDate, formatDateTime, today, addDays, text, fetchFile, offerFile, openInTab,
  };
})();
