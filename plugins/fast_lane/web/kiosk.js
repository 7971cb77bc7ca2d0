// The ticket kiosk (or the desk's ticket page): big buttons, a regular ticket and one per
// priority group the hospital offers (GET /api/v1/fast-lane/groups; `?groups=child,elderly`
// shows fewer). The age groups (child, elderly) need the patient: the code typed is sent as
// `patient_code`, and the server finds the patient in the HIS and checks the birth date. Then
// the number, the people ahead and its print (PDF).
(function () {
  'use strict';

  const i18n = window.hisx.i18n;
  const {mode, call, file, detailOf, el} = window.fastLaneScreen;
  const $ = (id) => document.getElementById(id);
  const GROUPS = ['child', 'elderly', 'disability', 'veteran', 'pregnant'];
  const AGE_GROUPS = ['child', 'elderly'];
  const BACK_MS = 30000;

  let group = null;  // the group whose patient code is asked
  let issued = null;  // the ticket just issued
  let backTimer = null;

  // The priority groups the hospital offers, in the order the server lists them.
  async function offeredGroups() {
    let offered = GROUPS;
    try {
      const answer = await call('/api/v1/fast-lane/groups');
      offered = answer.items.map((g) => g.code).filter((g) => GROUPS.includes(g));
    } catch (error) {
      // Without an answer (no credential yet), the defaults; the server refuses the others.
    }
    const asked = new URLSearchParams(location.search).get('groups');
    if (!asked) return offered;
    return asked.split(',').map((g) => g.trim()).filter((g) => offered.includes(g));
  }

  function say(key, args, kind) {
    const status = $('kiosk-status');
    if (!key) {
      delete status.dataset.i18n;
      status.textContent = '';
    } else {
      i18n.set(status, key, args);
    }
    status.classList.toggle('is-error', kind === 'error');
  }

  function sayProblem(error) {
    if (error && error.problem) say('kiosk.refused', {detail: detailOf(error.problem)}, 'error');
    else if (error && error.status) say('kiosk.failed', undefined, 'error');
    else say('kiosk.offline', undefined, 'error');
  }

  function show(part) {
    $('choose').hidden = part !== 'choose';
    $('patient-form').hidden = part !== 'patient';
    $('result').hidden = part !== 'result';
  }

  function backToStart() {
    clearTimeout(backTimer);
    group = null;
    issued = null;
    $('patient-code').value = '';
    $('patient-code-error').hidden = true;
    $('print-link').hidden = true;
    show('choose');
    $('ticket-regular').focus();
  }

  async function issue(body) {
    say('kiosk.issuing');
    try {
      issued = await call('/api/v1/fast-lane/tickets', {method: 'POST', body});
    } catch (error) {
      if (error && error.problem && error.problem.field === 'patient_code') {
        i18n.set($('patient-code-error'), 'kiosk.patient.unknown', {code: body.patient_code});
        $('patient-code-error').hidden = false;
        say(null);
      } else {
        sayProblem(error);
      }
      if (group) $('patient-code').focus();
      return;
    }
    say(null);
    $('result-number').textContent = issued.label;
    $('result-number').classList.toggle('is-fast', issued.lane === 'fast');
    const title = issued.priority_group_title || issued.lane_title;
    $('result-lane').textContent = title.split(' / ')[i18n.language === 'vi' ? 0 : 1] || title;
    i18n.set($('result-ahead'), issued.people_ahead === 0 ? 'kiosk.result.none_ahead' : 'kiosk.result.ahead',
      {count: issued.people_ahead});
    show('result');
    $('result-heading').focus();
    backTimer = setTimeout(backToStart, BACK_MS);
    printTicket();
  }

  async function printTicket() {
    if (!issued) return;
    try {
      const url = await file(`/api/v1/fast-lane/tickets/${issued.id}/print`);
      const link = el('a', {href: url, target: '_blank'});
      i18n.set(link, 'kiosk.result.print_link');
      $('print-link').replaceChildren(link);
      $('print-link').hidden = false;
      const tab = window.open(url, '_blank');
      if (tab) tab.opener = null;
    } catch (error) {
      sayProblem(error);
    }
  }

  function chooseGroup(g) {
    if (!AGE_GROUPS.includes(g)) {
      group = null;
      issue({lane: 'fast', priority_group: g});
      return;
    }
    group = g;
    i18n.set($('patient-form-heading'), `kiosk.patient.heading_${g}`);
    show('patient');
    $('patient-code').focus();
  }

  async function submitPatient(event) {
    event.preventDefault();
    const code = $('patient-code').value.trim();
    $('patient-code-error').hidden = true;
    if (code.length < 2 && !/^\d+$/.test(code)) {
      i18n.set($('patient-code-error'), 'kiosk.patient.missing');
      $('patient-code-error').hidden = false;
      $('patient-code').focus();
      return;
    }
    await issue({lane: 'fast', priority_group: group, patient_code: code});
  }

  document.addEventListener('hisx:device-missing', () => {
    say('kiosk.credential_needed', undefined, 'error');
  });

  i18n.ready.then(async () => {
    const groups = await offeredGroups();
    $('group-buttons').replaceChildren(...groups.map((g) => {
      const button = el('button', {type: 'button', class: 'kiosk-button fast', 'data-group': g});
      i18n.set(button, `fast_lane.group.${g}`);
      button.addEventListener('click', () => chooseGroup(g));
      return button;
    }));
    i18n.apply(document);
    document.documentElement.classList.remove('hisx-loading');
    $('ticket-regular').addEventListener('click', () => {
      group = null;
      issue({lane: 'regular'});
    });
    $('patient-form').addEventListener('submit', submitPatient);
    $('patient-cancel').addEventListener('click', backToStart);
    $('print').addEventListener('click', printTicket);
    $('done').addEventListener('click', backToStart);
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') backToStart();
    });
    if (mode() === null) say('kiosk.credential_needed', undefined, 'error');
    show('choose');
    $('ticket-regular').focus();
    document.body.dataset.ready = 'true';
  });
})();
