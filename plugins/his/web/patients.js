// Patient search for staff: type a name (with or without diacritics), a phone number or a
// patient code, press Enter. Arrow keys (or Tab) move through the results; Enter opens one;
// Escape closes it again.
(function () {
  'use strict';

  const hisx = window.hisx;
  const i18n = hisx.i18n;
  const LIMIT = 20;

  let patients = [];
  let shown = null;  // the patient in the detail panel
  let openedFrom = null;  // the row that opened it, to return focus to

  const $ = (id) => document.getElementById(id);

  function setStatus(key, args, isError) {
    const status = $('search-status');
    i18n.set(status, key, args);
    status.classList.toggle('is-error', Boolean(isError));
  }

  function formatDate(iso) {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
    if (!match) return iso || i18n.t('patients.value.none');
    return i18n.t('patients.date_format', {y: match[1], m: match[2], d: match[3]});
  }

  function formatGender(gender) {
    return i18n.has(`patients.gender.${gender}`) ? i18n.t(`patients.gender.${gender}`)
                                                  : gender || i18n.t('patients.value.none');
  }

  function text(value) {
    return value === null || value === undefined || value === '' ? i18n.t('patients.value.none')
                                                                  : String(value);
  }

  function rows() {
    return [...$('results').tBodies[0].rows];
  }

  function renderRows() {
    const body = $('results').tBodies[0];
    body.replaceChildren();
    for (const p of patients) {
      const row = hisx.el('tr', {tabindex: '0', 'data-id': String(p.id)},
        hisx.el('td', {}, text(p.code)),
        hisx.el('td', {}, text(p.full_name)),
        hisx.el('td', {}, formatDate(p.birth_date)),
        hisx.el('td', {}, formatGender(p.gender)),
        hisx.el('td', {}, text(p.phone)),
        hisx.el('td', {}, text(p.insurance_no)));
      row.addEventListener('click', () => openDetail(p, row));
      body.append(row);
    }
    $('results').hidden = patients.length === 0;
  }

  async function search(event) {
    event.preventDefault();
    const q = $('q').value.trim();
    closeDetail(false);
    if ([...q].length < 2) {
      patients = [];
      renderRows();
      setStatus('patients.search.too_short', null, true);
      $('q').focus();
      return;
    }
    setStatus('patients.search.searching');
    try {
      const answer = await hisx.api(
        `/api/v1/his/patients?q=${encodeURIComponent(q)}&limit=${LIMIT}`);
      patients = answer.items;
      renderRows();
      if (patients.length === 0) {
        setStatus('patients.results.none', {q});
      } else {
        setStatus(patients.length >= LIMIT ? 'patients.results.first' : 'patients.results.count',
          {count: patients.length});
      }
    } catch (error) {
      patients = [];
      renderRows();
      const tooShort = error instanceof hisx.ApiError && error.status === 422;
      setStatus(tooShort ? 'patients.search.too_short' : 'patients.error.failed', null, true);
    }
  }

  function renderDetail() {
    if (!shown) return;
    $('detail-heading').textContent = text(shown.full_name);
    for (const field of $('detail').querySelectorAll('[data-field]')) {
      const name = field.dataset.field;
      const value = shown[name];
      field.textContent = name === 'birth_date' ? formatDate(value)
        : name === 'gender' ? formatGender(value) : text(value);
    }
  }

  async function openDetail(summary, row) {
    for (const r of rows()) r.removeAttribute('aria-current');
    row.setAttribute('aria-current', 'true');
    openedFrom = row;
    shown = summary;
    try {
      shown = await hisx.api(`/api/v1/his/patients/${encodeURIComponent(summary.id)}`);
    } catch (error) {
      if (error instanceof hisx.ApiError && error.status === 401) return;
      setStatus('patients.error.failed', null, true);
    }
    renderDetail();
    $('detail').hidden = false;
    $('detail-heading').focus();
  }

  function closeDetail(returnFocus) {
    if ($('detail').hidden) return;
    $('detail').hidden = true;
    shown = null;
    for (const r of rows()) r.removeAttribute('aria-current');
    if (returnFocus && openedFrom && openedFrom.isConnected) openedFrom.focus();
  }

  function onResultsKey(event) {
    const list = rows();
    const index = list.indexOf(event.target);
    if (index < 0) return;
    let next = null;
    if (event.key === 'ArrowDown') next = list[Math.min(index + 1, list.length - 1)];
    if (event.key === 'ArrowUp') next = index === 0 ? $('q') : list[index - 1];
    if (event.key === 'Home') next = list[0];
    if (event.key === 'End') next = list[list.length - 1];
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openDetail(patients[index], list[index]);
      return;
    }
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }

  function start() {
    $('search-form').addEventListener('submit', search);
    $('q').addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' && rows().length > 0) {
        event.preventDefault();
        rows()[0].focus();
      }
    });
    $('results').addEventListener('keydown', onResultsKey);
    $('detail-close').addEventListener('click', () => closeDetail(true));
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !$('detail').hidden) closeDetail(true);
    });
    document.addEventListener('hisx:language', () => {
      renderRows();
      renderDetail();
    });
    $('q').focus();
  }

  hisx.ready.then(start);
})();
