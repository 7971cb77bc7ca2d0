// The app-linking desk: find a patient (Enter searches, arrows move through the results, Enter
// opens one), see their linking code and links, print the slip (A5 or 80 mm) or the signed
// linking form, link an app account with the patient's consent, end a link with a reason, and
// print every form of a department's day. Shortcuts: Alt+T search, Alt+P slip, Alt+G form,
// Alt+L the linking form, Escape closes the unlink form or goes back to the results.
(function () {
  'use strict';

  const hisx = window.hisx;
  const i18n = hisx.i18n;
  const {say, clearErrors, showFieldError, setBusy} = hisx.forms;
  const {$, showFailure, formatDate, formatDateTime, text} = window.appLink;
  const LIMIT = 20;
  const DEPARTMENT_KEY = 'hisx.app_link.department';
  const LINK_FIELDS = {
    app_account_id: 'link-account',
    department_id: 'department',
    consent: 'link-method',
    'consent.by': 'link-by',
    'consent.method': 'link-method',
    'consent.witness': 'link-witness',
  };

  let departments = [];
  let patients = [];
  let current = null;  // GET /api/v1/app-link/patients/{id} of the patient shown
  let openedFrom = null;  // the result row that opened the patient, to return focus to
  let unlinking = null;  // the link the unlink form ends

  // ---- Departments ----

  function departmentName(id) {
    const d = departments.find((x) => x.id === String(id));
    return d ? `${d.name} (${d.code})` : String(id);
  }

  function fillDepartments(select, chosen) {
    const placeholder = hisx.el('option', {value: ''});
    i18n.set(placeholder, 'desk.department.choose');
    select.replaceChildren(placeholder,
      ...departments.map((d) => hisx.el('option', {value: d.id}, `${d.name} (${d.code})`)));
    select.value = departments.some((d) => d.id === chosen) ? chosen : '';
  }

  function remembered() {
    try {
      return localStorage.getItem(DEPARTMENT_KEY) || '';
    } catch (e) {
      return '';
    }
  }

  function remember(id) {
    try {
      if (id) localStorage.setItem(DEPARTMENT_KEY, id);
      else localStorage.removeItem(DEPARTMENT_KEY);
    } catch (e) {
      // Private mode: the choice lasts for this page only.
    }
  }

  async function loadDepartments() {
    try {
      const answer = await hisx.api('/api/v1/his/departments');
      departments = answer.items.map((d) => ({...d, id: String(d.id)}));
    } catch (error) {
      showFailure(error, {}, 'search-status');
    }
    fillDepartments($('department'), remembered());
    fillDepartments($('batch-department'), $('department').value);
  }

  // The desk's department, or an error next to its list (focused) when none is chosen.
  function deskDepartment(statusId) {
    clearErrors($('department').parentElement);
    const id = $('department').value;
    if (id) return id;
    showFieldError($('department'), () => i18n.t('desk.department.missing'));
    say(statusId, () => i18n.t('desk.department.missing'), 'error');
    $('department').focus();
    return null;
  }

  // ---- Search ----

  function resultRows() {
    return [...$('results').tBodies[0].rows];
  }

  function renderResults() {
    const body = $('results').tBodies[0];
    body.replaceChildren();
    for (const p of patients) {
      const row = hisx.el('tr', {tabindex: '0', 'data-id': String(p.id),
        'aria-current': current && String(current.patient.id) === String(p.id) ? 'true' : null},
      hisx.el('td', {}, text(p.code)),
      hisx.el('td', {}, text(p.full_name)),
      hisx.el('td', {}, formatDate(p.birth_date)),
      hisx.el('td', {}, text(p.phone)));
      row.addEventListener('click', () => openPatient(p, row));
      body.append(row);
    }
    $('results').hidden = patients.length === 0;
  }

  async function search(event) {
    event.preventDefault();
    const q = $('q').value.trim();
    if ([...q].length < 2) {
      patients = [];
      renderResults();
      say('search-status', () => i18n.t('desk.search.too_short'), 'error');
      $('q').focus();
      return;
    }
    say('search-status', () => i18n.t('desk.search.searching'));
    try {
      const answer = await hisx.api(`/api/v1/his/patients?q=${encodeURIComponent(q)}&limit=${LIMIT}`);
      patients = answer.items;
      renderResults();
      const count = patients.length;
      if (count === 0) say('search-status', () => i18n.t('desk.results.none', {q}));
      else say('search-status', () => i18n.t(count >= LIMIT ? 'desk.results.first' : 'desk.results.count', {count}));
    } catch (error) {
      patients = [];
      renderResults();
      showFailure(error, {q: 'q'}, 'search-status');
    }
  }

  function onResultsKey(event) {
    const list = resultRows();
    const index = list.indexOf(event.target);
    if (index < 0) return;
    let next = null;
    if (event.key === 'ArrowDown') next = list[Math.min(index + 1, list.length - 1)];
    if (event.key === 'ArrowUp') next = index === 0 ? $('q') : list[index - 1];
    if (event.key === 'Home') next = list[0];
    if (event.key === 'End') next = list[list.length - 1];
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openPatient(patients[index], list[index]);
      return;
    }
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }

  // ---- The patient ----

  async function openPatient(summary, row) {
    if (!(await loadPatient(summary.id))) return;
    openedFrom = row;
    renderResults();
    closeUnlink(false);
    clearErrors($('link-form'));
    say('link-status', null);
    say('links-status', null);
    say('print-status', null);
    $('print-link').hidden = true;
    $('link-account').value = '';
    $('link-witness').value = '';
    $('method-signed').checked = true;
    $('link-by').value = current.patient.full_name || '';
    showWitness();
    $('patient').hidden = false;
    $('patient-heading').focus();
  }

  // Reads the patient's linking state again (after a print, a link or an unlink).
  // Resolves to whether it could.
  async function loadPatient(id) {
    try {
      current = await hisx.api(`/api/v1/app-link/patients/${encodeURIComponent(id)}`);
      renderPatient();
      return true;
    } catch (error) {
      showFailure(error, {}, $('patient').hidden ? 'search-status' : 'patient-status');
      return false;
    }
  }

  function codeText(code) {
    if (!code) return i18n.t('desk.code.none');
    const state = i18n.t(`desk.code.state.${code.state}`);
    let line = i18n.t('desk.code.line', {code: code.code, state, expires: formatDateTime(code.expires_at)});
    if (code.wrong_attempts > 0) line += ` ${i18n.t('desk.code.wrong', {count: code.wrong_attempts})}`;
    return line;
  }

  function renderPatient() {
    if (!current) return;
    const p = current.patient;
    $('patient-heading').textContent = text(p.full_name);
    $('patient-code').textContent = text(p.code);
    $('patient-birth').textContent = formatDate(p.birth_date);
    $('patient-linked').replaceChildren(hisx.el('span',
      {class: current.linked ? 'badge badge-yes' : 'badge badge-no'},
      i18n.t(current.linked ? 'desk.state.linked' : 'desk.state.not_linked')));
    $('patient-code-state').textContent = codeText(current.linking_code);
    renderLinks();
  }

  function linkMethod(link) {
    let method = i18n.t(`desk.method.${link.method}`);
    if (link.form_number) method += ` · ${i18n.t('desk.links.form_number', {number: link.form_number})}`;
    return method;
  }

  function consentText(consent) {
    if (!consent) return text(null);
    const parts = [i18n.t(`desk.consent.${consent.method}`)];
    if (consent.by) parts.push(i18n.t('desk.links.by', {name: consent.by}));
    if (consent.witness) parts.push(i18n.t('desk.links.witness', {name: consent.witness}));
    return parts.join(' · ');
  }

  function stateCell(link) {
    if (link.active) {
      return hisx.el('span', {class: 'badge badge-yes'}, i18n.t('desk.links.active'));
    }
    const ended = i18n.t('desk.links.ended', {at: formatDateTime(link.unlinked_at)});
    return hisx.el('span', {},
      hisx.el('span', {class: 'badge badge-no'}, ended),
      link.unlink_reason ? hisx.el('span', {class: 'note'}, ` ${i18n.t('desk.links.reason', {reason: link.unlink_reason})}`) : null);
  }

  function renderLinks() {
    const body = $('links').tBodies[0];
    body.replaceChildren();
    const links = [...current.links].sort((a, b) => Number(b.active) - Number(a.active) || b.id - a.id);
    for (const link of links) {
      let action = null;
      if (link.active) {
        action = hisx.el('button', {type: 'button', class: 'secondary small', 'data-link': String(link.id),
          'aria-label': i18n.t('desk.unlink.button_label', {account: link.app_account_id})},
        i18n.t('desk.unlink.button'));
        action.addEventListener('click', () => openUnlink(link, action));
      }
      const where = link.department_id ? hisx.el('span', {class: 'note'}, ` · ${departmentName(link.department_id)}`) : null;
      body.append(hisx.el('tr', {'data-link': String(link.id), class: link.active ? 'is-active' : 'is-ended'},
        hisx.el('td', {}, link.app_account_id),
        hisx.el('td', {}, linkMethod(link)),
        hisx.el('td', {}, consentText(link.consent)),
        hisx.el('td', {class: 'nowrap'}, formatDateTime(link.linked_at), where),
        hisx.el('td', {}, stateCell(link)),
        hisx.el('td', {class: 'row-actions no-print'}, action)));
    }
    $('links').hidden = links.length === 0;
    $('links-empty').hidden = links.length > 0;
  }

  // ---- Printing ----

  function slipSize() {
    return document.querySelector('input[name="slip-size"]:checked').value;
  }

  async function printFile(kind) {
    if (!current) return;
    const department = deskDepartment('print-status');
    if (!department) return;
    const patient = current.patient;
    const query = `patient_id=${encodeURIComponent(patient.id)}&department_id=${encodeURIComponent(department)}`;
    const path = kind === 'slip'
      ? `/api/v1/app-link/slip?${query}&format=pdf&size=${slipSize()}`
      : `/api/v1/app-link/form?${query}`;
    const fileName = `${kind === 'slip' ? 'phieu-lien-ket' : 'phieu-dong-y'}-${patient.code || patient.id}.pdf`;
    say('print-status', () => i18n.t('desk.print.working'));
    try {
      const blob = await window.appLink.fetchFile(path);
      const url = window.appLink.offerFile(blob, fileName, $('print-link'), 'desk.print.open_again');
      const opened = window.appLink.openInTab(url);
      const key = kind === 'slip' ? 'desk.print.slip_ready' : 'desk.print.form_ready';
      say('print-status', () => `${i18n.t(key)} ${i18n.t(opened ? 'desk.print.opened' : 'desk.print.blocked')}`, 'ok');
      await loadPatient(patient.id);  // printing may have made the patient's code
    } catch (error) {
      showFailure(error, {department_id: 'department'}, 'print-status');
    }
  }

  // ---- Assisted link ----

  function method() {
    return document.querySelector('input[name="link-method"]:checked').value;
  }

  function showWitness() {
    const verbal = method() === 'verbal_witnessed';
    $('witness-field').hidden = !verbal;
    $('link-witness').setAttribute('aria-required', String(verbal));
  }

  async function submitLink(event) {
    event.preventDefault();
    if (!current) return;
    const form = $('link-form');
    clearErrors(form);
    say('link-status', null);
    const department = deskDepartment('link-status');
    if (!department) return;
    const consent = {by: $('link-by').value.trim(), method: method()};
    if (consent.method === 'verbal_witnessed') consent.witness = $('link-witness').value.trim();
    const body = {
      patient_id: current.patient.id,
      app_account_id: $('link-account').value.trim(),
      department_id: department,
      consent,
    };
    say('links-status', null);
    setBusy(form, true);
    try {
      const link = await hisx.api('/api/v1/app-link/links', {method: 'POST', body});
      const account = link.app_account_id;
      const name = current.patient.full_name;
      say('link-status', () => i18n.t(link.already_linked ? 'desk.link.already' : 'desk.link.done',
        {account, name}), 'ok');
      $('link-account').value = '';
      $('link-witness').value = '';
      await loadPatient(current.patient.id);
    } catch (error) {
      showFailure(error, LINK_FIELDS, 'link-status');
    } finally {
      setBusy(form, false);
    }
  }

  // ---- Unlink ----

  function openUnlink(link, button) {
    unlinking = {link, button};
    say('link-status', null);
    say('links-status', null);
    clearErrors($('unlink-form'));
    i18n.set($('unlink-heading'), 'desk.unlink.heading', {account: link.app_account_id});
    $('unlink-reason').value = '';
    $('unlink-form').hidden = false;
    $('unlink-reason').focus();
  }

  function closeUnlink(returnFocus) {
    if ($('unlink-form').hidden) return;
    $('unlink-form').hidden = true;
    const button = unlinking && unlinking.button;
    unlinking = null;
    if (returnFocus && button && button.isConnected) button.focus();
  }

  async function submitUnlink(event) {
    event.preventDefault();
    if (!unlinking) return;
    const form = $('unlink-form');
    clearErrors(form);
    const link = unlinking.link;
    setBusy(form, true);
    try {
      const reason = $('unlink-reason').value.trim();
      await hisx.api(`/api/v1/app-link/links/${encodeURIComponent(link.id)}/unlink`,
        {method: 'POST', body: reason ? {reason} : {}});
      closeUnlink(false);
      say('links-status', () => i18n.t('desk.unlink.done', {account: link.app_account_id}), 'ok');
      await loadPatient(current.patient.id);
      $('links-heading').setAttribute('tabindex', '-1');
      $('links-heading').focus();
    } catch (error) {
      showFailure(error, {reason: 'unlink-reason'}, 'links-status');
    } finally {
      setBusy(form, false);
    }
  }

  // ---- A department's day of forms ----

  async function printBatch(event) {
    event.preventDefault();
    const form = $('batch-form');
    clearErrors(form);
    const department = $('batch-department').value;
    const date = $('batch-date').value;
    if (!department) {
      showFieldError($('batch-department'), () => i18n.t('desk.department.missing'));
      say('batch-status', () => i18n.t('desk.department.missing'), 'error');
      $('batch-department').focus();
      return;
    }
    if (!date) {
      showFieldError($('batch-date'), () => i18n.t('desk.batch.date_missing'));
      say('batch-status', () => i18n.t('desk.batch.date_missing'), 'error');
      $('batch-date').focus();
      return;
    }
    setBusy(form, true);
    say('batch-status', () => i18n.t('desk.print.working'));
    try {
      const blob = await window.appLink.fetchFile(
        `/api/v1/app-link/forms/batch?department_id=${encodeURIComponent(department)}&date=${encodeURIComponent(date)}`);
      const url = window.appLink.offerFile(blob, `phieu-dong-y-${date}.pdf`, $('batch-link'), 'desk.print.open_again');
      const opened = window.appLink.openInTab(url);
      say('batch-status', () => `${i18n.t('desk.batch.ready', {department: departmentName(department), date: formatDate(date)})} ${
        i18n.t(opened ? 'desk.print.opened' : 'desk.print.blocked')}`, 'ok');
    } catch (error) {
      showFailure(error, {department_id: 'batch-department', date: 'batch-date'}, 'batch-status');
    } finally {
      setBusy(form, false);
    }
  }

  // ---- Keyboard ----

  function onShortcut(event) {
    if (event.key === 'Escape') {
      if (!$('unlink-form').hidden) {
        event.preventDefault();
        closeUnlink(true);
      } else if (!$('patient').hidden && openedFrom && openedFrom.isConnected &&
                 $('patient').contains(document.activeElement)) {
        event.preventDefault();
        openedFrom.focus();
      }
      return;
    }
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    const patientShown = !$('patient').hidden;
    if (key === 't') {
      event.preventDefault();
      $('q').focus();
      $('q').select();
    } else if (key === 'p' && patientShown) {
      event.preventDefault();
      $('print-slip').focus();
      printFile('slip');
    } else if (key === 'g' && patientShown) {
      event.preventDefault();
      $('print-form').focus();
      printFile('form');
    } else if (key === 'l' && patientShown) {
      event.preventDefault();
      $('link-account').focus();
    }
  }

  async function start() {
    $('search-form').addEventListener('submit', search);
    $('q').addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' && resultRows().length > 0) {
        event.preventDefault();
        resultRows()[0].focus();
      }
    });
    $('results').addEventListener('keydown', onResultsKey);
    $('department').addEventListener('change', () => {
      remember($('department').value);
      clearErrors($('department').parentElement);
      if (!$('batch-department').value) $('batch-department').value = $('department').value;
    });
    $('print-slip').addEventListener('click', () => printFile('slip'));
    $('print-form').addEventListener('click', () => printFile('form'));
    for (const radio of document.querySelectorAll('input[name="link-method"]')) {
      radio.addEventListener('change', showWitness);
    }
    $('link-form').addEventListener('submit', submitLink);
    // Enter on a radio button submits the form too (text fields do so by themselves).
    $('link-method').addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        $('link-form').requestSubmit();
      }
    });
    $('unlink-form').addEventListener('submit', submitUnlink);
    $('unlink-cancel').addEventListener('click', () => closeUnlink(true));
    $('batch-form').addEventListener('submit', printBatch);
    document.addEventListener('keydown', onShortcut);
    document.addEventListener('hisx:language', () => {
      renderResults();
      renderPatient();
    });
    $('batch-date').value = window.appLink.today();
    showWitness();
    await loadDepartments();
    $('q').focus();
  }

  hisx.ready.then(start);
})();
