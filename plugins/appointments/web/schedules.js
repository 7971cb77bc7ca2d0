// Clinic schedules for the admin (W1): which HIS clinic rooms take bookings and from which
// channels, their weekly templates, closures and holidays, and generating slots.
// Every form is one API call: a refusal changes nothing on the server, and the page shows it
// next to the field the answer names (`field` of the problem document) and in the form's
// live status. Enter saves a form, Escape cancels an edit.
(function () {
  'use strict';

  const hisx = window.hisx;
  const i18n = hisx.i18n;
  const API = '/api/v1/appointments';
  const CHANNELS = ['app', 'web', 'phone', 'reexam', 'walkin'];
  const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
  const GENERATE_DAYS = 14;  // the default range: today and the next 13 days

  const state = {
    his: [],                 // HIS clinic rooms: {clinic_id, code, name, department_id}
    catalogue: new Map(),    // clinic_id → the catalogue entry the API answers
    doctors: [],             // HIS doctors: {doctor_id, code, full_name, department_id}
    templates: [],           // templates of the selected clinic
    closures: [],
    selected: null,          // clinic_id of the clinic in the panel
    editing: null,           // the template being edited: 'new' or its id; null when closed
    editOpener: null,        // the button that opened the template form, to return focus to
  };

  const $ = (id) => document.getElementById(id);

  // ---- Formatting and reading values ----

  function channelName(channel) {
    return i18n.t(`schedules.channel.${channel}`);
  }

  function weekdayName(day) {
    return i18n.t(`schedules.weekday.${day}`);
  }

  function formatDate(iso) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    if (!match) return iso || i18n.t('schedules.none');
    return i18n.t('schedules.date_format', {y: match[1], m: match[2], d: match[3]});
  }

  function isoDate(date) {
    const pad = (n) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  }

  // A date as typed (dd/mm/yyyy, or yyyy-mm-dd) for the API. Anything else goes as typed, so
  // that the server's refusal names the field; empty is left out (the server says it is
  // required).
  function readDate(input) {
    const text = input.value.trim();
    if (!text) return undefined;
    let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    if (match) return `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}`;
    match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    if (match) return `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
    return text;
  }

  // A clock time as typed ("7:30", "0730", "07.30", "24:00") as "HH:MM"; otherwise as typed.
  function readClock(input) {
    const text = input.value.trim();
    if (!text) return undefined;
    const match = /^(\d{1,2})[:.h]?(\d{2})$/.exec(text);
    return match ? `${match[1].padStart(2, '0')}:${match[2]}` : text;
  }

  // A whole number as typed; anything else as typed (the server refuses it, naming the field).
  function readInteger(input) {
    const text = input.value.trim();
    if (!text) return undefined;
    return /^\d{1,9}$/.test(text) ? Number(text) : text;
  }

  function doctorLabel(doctor) {
    return `${doctor.code} — ${doctor.full_name}`;
  }

  function doctorById(id) {
    return state.doctors.find((d) => d.doctor_id === id) || null;
  }

  function clinicRow(id) {
    return state.his.find((c) => c.clinic_id === id) || null;
  }

  // The clinic's name as the HIS gives it (or the catalogue's copy of it).
  function clinicName(id) {
    const his = clinicRow(id) || state.catalogue.get(id);
    if (his && his.name) return `${his.name} (${his.code})`;
    return i18n.t('schedules.clinic.unknown', {id});
  }

  function templateLabel(t) {
    return i18n.t('schedules.template.label', {weekday: weekdayName(t.weekday), start: t.start, end: t.end});
  }

  // ---- Live status and field errors (the shell's hisx.forms) ----

  const {say, clearErrors, setBusy} = hisx.forms;

  // A refusal next to its field and in the form's status, with this page's strings
  // (schedules.error.*, schedules.refused.*); a text field's value is selected for retyping.
  function showFailure(error, fields, statusId) {
    hisx.forms.showFailure(error, fields, statusId, {messages: 'schedules', selectText: true});
  }

  // ---- 1. Clinics ----

  const CLINIC_FIELDS = {
    channels: 'clinic-channels',
    booking_window_days: 'clinic-window',
    same_day_cutoff: 'clinic-cutoff',
    active: 'clinic-active',
  };

  // Every HIS clinic room, and catalogue clinics the HIS no longer lists.
  function clinicIds() {
    const ids = state.his.map((c) => c.clinic_id);
    for (const id of state.catalogue.keys()) if (!ids.includes(id)) ids.push(id);
    return ids;
  }

  function takesText(entry) {
    if (!entry) return {key: 'schedules.takes.no', kind: 'no'};
    if (!entry.active) return {key: 'schedules.takes.paused', kind: 'paused'};
    if (entry.channels.length === 0) return {key: 'schedules.takes.no_channel', kind: 'paused'};
    return {key: 'schedules.takes.yes', kind: 'yes'};
  }

  function renderClinics() {
    const body = $('clinics').tBodies[0];
    const focusedId = document.activeElement && document.activeElement.dataset
      ? document.activeElement.dataset.clinic : undefined;
    body.replaceChildren();
    for (const id of clinicIds()) {
      const his = clinicRow(id);
      const entry = state.catalogue.get(id);
      const takes = takesText(entry);
      const name = his ? his.name : (entry && entry.name) || i18n.t('schedules.clinic.unknown', {id});
      const button = hisx.el('button', {type: 'button', class: 'link-button', 'data-clinic': String(id)}, name);
      button.addEventListener('click', () => selectClinic(id, true));
      const row = hisx.el('tr', {'data-id': String(id), 'aria-current': id === state.selected ? 'true' : null},
        hisx.el('td', {}, his ? his.code : (entry && entry.code) || '—'),
        hisx.el('td', {}, button, his ? null : hisx.el('span', {class: 'note'}, ` ${i18n.t('schedules.clinic.not_in_his')}`)),
        hisx.el('td', {}, hisx.el('span', {class: `badge badge-${takes.kind}`}, i18n.t(takes.key))),
        hisx.el('td', {}, entry && entry.channels.length ? entry.channels.map(channelName).join(', ') : '—'),
        hisx.el('td', {}, entry ? String(entry.booking_window_days) : '—'),
        hisx.el('td', {}, entry && entry.same_day_cutoff ? entry.same_day_cutoff : '—'));
      body.append(row);
    }
    if (focusedId !== undefined) {
      const again = body.querySelector(`button[data-clinic="${focusedId}"]`);
      if (again) again.focus();
    }
  }

  function buildChannelBoxes() {
    const box = $('clinic-channel-boxes');
    box.replaceChildren();
    for (const channel of CHANNELS) {
      const id = `clinic-channel-${channel}`;
      box.append(hisx.el('div', {class: 'check'},
        hisx.el('input', {type: 'checkbox', id, value: channel}),
        hisx.el('label', {for: id, 'data-i18n': `schedules.channel.${channel}`}, channelName(channel))));
    }
  }

  // Fills the clinic form from what the server holds (or the defaults of a new entry).
  function fillClinicForm() {
    const entry = state.catalogue.get(state.selected);
    for (const channel of CHANNELS) {
      $(`clinic-channel-${channel}`).checked = Boolean(entry && entry.channels.includes(channel));
    }
    $('clinic-window').value = String(entry ? entry.booking_window_days : 30);
    $('clinic-cutoff').value = entry && entry.same_day_cutoff ? entry.same_day_cutoff : '';
    $('clinic-active').checked = entry ? entry.active : true;
    clearErrors($('clinic-form'));
  }

  function renderClinicHeading() {
    if (state.selected === null) return;
    $('clinic-heading').textContent = i18n.t('schedules.clinic.heading', {name: clinicName(state.selected)});
  }

  async function selectClinic(id, focusHeading) {
    closeTemplateForm(false);
    state.selected = id;
    for (const row of $('clinics').tBodies[0].rows) {
      if (row.dataset.id === String(id)) {
        row.setAttribute('aria-current', 'true');
      } else {
        row.removeAttribute('aria-current');
      }
    }
    $('clinic-panel').hidden = false;
    renderClinicHeading();
    fillClinicForm();
    say('clinic-status', null);
    say('template-status', null);
    state.templates = [];
    renderTemplates();
    if (focusHeading) $('clinic-heading').focus();
    if (state.catalogue.has(id)) {
      $('closure-scope').value = String(id);
      await loadTemplates();
    }
  }

  async function saveClinic(event) {
    event.preventDefault();
    const form = $('clinic-form');
    const id = state.selected;
    clearErrors(form);
    const body = {
      channels: CHANNELS.filter((c) => $(`clinic-channel-${c}`).checked),
      booking_window_days: readInteger($('clinic-window')) ?? '',
      same_day_cutoff: readClock($('clinic-cutoff')) ?? null,
      active: $('clinic-active').checked,
    };
    setBusy(form, true);
    say('clinic-status', () => i18n.t('schedules.saving'));
    try {
      const saved = await hisx.api(`${API}/admin/clinics/${encodeURIComponent(id)}`,
        {method: 'PUT', body});
      state.catalogue.set(id, saved);
      renderClinics();
      fillClinicForm();
      renderClosureScopes();
      $('closure-scope').value = String(id);  // closures most often concern the open clinic
      renderTemplates();
      say('clinic-status', () => i18n.t('schedules.clinic.saved', {name: clinicName(id)}), 'ok');
      sayLoaded();
      if (state.templates.length === 0) await loadTemplates();
    } catch (error) {
      showFailure(error, CLINIC_FIELDS, 'clinic-status');
    } finally {
      setBusy(form, false);
    }
  }

  function resetClinicForm() {
    fillClinicForm();
    say('clinic-status', () => i18n.t('schedules.clinic.reset_done'));
  }

  // ---- 2. Templates ----

  const TEMPLATE_FIELDS = {
    weekday: 'tpl-weekday',
    start: 'tpl-start',
    end: 'tpl-end',
    slot_minutes: 'tpl-slot',
    capacity: 'tpl-capacity',
    doctor_id: 'tpl-doctor',
    quotas: 'tpl-quota-app',
    ...Object.fromEntries(CHANNELS.map((c) => [`quotas.${c}`, `tpl-quota-${c}`])),
    'quotas.*': 'tpl-quota-app',
  };

  async function loadTemplates() {
    const id = state.selected;
    try {
      const answer = await hisx.api(`${API}/admin/templates?clinic=${encodeURIComponent(id)}`);
      if (state.selected !== id) return;  // another clinic was opened meanwhile
      state.templates = answer.items;
    } catch (error) {
      state.templates = [];
      showFailure(error, {}, 'template-status');
    }
    renderTemplates();
  }

  function quotaText(t) {
    const channels = Object.keys(t.quotas || {});
    if (channels.length === 0) return i18n.t('schedules.templates.no_quota');
    return channels.map((c) => i18n.t('schedules.templates.quota_item', {
      channel: channelName(c),
      percent: t.quotas[c],
      limit: t.quota_limits[c],
    })).join('; ');
  }

  function doctorText(id) {
    if (id === null || id === undefined) return i18n.t('schedules.template.no_doctor');
    const doctor = doctorById(id);
    return doctor ? doctorLabel(doctor) : i18n.t('schedules.template.doctor_id', {id});
  }

  function renderTemplates() {
    const open = state.catalogue.has(state.selected);
    $('templates-closed').hidden = open;
    $('templates-open').hidden = !open;
    const body = $('templates').tBodies[0];
    body.replaceChildren();
    for (const t of state.templates) {
      const edit = hisx.el('button', {
        type: 'button', class: 'secondary small', 'data-action': 'edit', 'data-id': String(t.id),
        'aria-label': i18n.t('schedules.templates.edit_named', {what: templateLabel(t)}),
      }, i18n.t('schedules.edit'));
      edit.addEventListener('click', () => openTemplateForm(t, edit));
      const remove = hisx.el('button', {
        type: 'button', class: 'danger small', 'data-action': 'delete', 'data-id': String(t.id),
        'aria-label': i18n.t('schedules.templates.delete_named', {what: templateLabel(t)}),
      }, i18n.t('schedules.delete'));
      remove.addEventListener('click', () => deleteTemplate(t));
      body.append(hisx.el('tr', {'data-id': String(t.id),
        'aria-current': state.editing === t.id ? 'true' : null},
        hisx.el('td', {class: 'nowrap'}, weekdayName(t.weekday)),
        hisx.el('td', {class: 'nowrap'}, `${t.start}–${t.end}`),
        hisx.el('td', {}, i18n.t('schedules.minutes', {n: t.slot_minutes})),
        hisx.el('td', {}, String(t.capacity)),
        hisx.el('td', {class: 'quota-cell'}, quotaText(t)),
        hisx.el('td', {}, doctorText(t.doctor_id)),
        hisx.el('td', {class: 'row-actions'}, edit, remove)));
    }
    $('templates').hidden = state.templates.length === 0;
    $('templates-empty').hidden = state.templates.length !== 0;
  }

  function buildTemplateControls() {
    const weekday = $('tpl-weekday');
    weekday.replaceChildren(...WEEKDAYS.map((d) => hisx.el('option', {value: String(d)}, weekdayName(d))));
    const quotas = $('tpl-quota-fields');
    quotas.replaceChildren();
    for (const channel of CHANNELS) {
      const id = `tpl-quota-${channel}`;
      quotas.append(hisx.el('div', {class: 'field quota-field'},
        hisx.el('label', {for: id, 'data-i18n': `schedules.channel.${channel}`}, channelName(channel)),
        hisx.el('div', {class: 'with-unit'},
          hisx.el('input', {id, type: 'text', inputmode: 'numeric', autocomplete: 'off', 'data-channel': channel}),
          hisx.el('span', {class: 'unit', 'aria-hidden': 'true'}, '%')),
        hisx.el('p', {id: `${id}-error`, class: 'field-error', hidden: true})));
    }
  }

  // The doctor choices: none (the whole clinic), then the doctors of the clinic's department,
  // then the others.
  function renderDoctorOptions() {
    const select = $('tpl-doctor');
    const value = select.value;
    const his = clinicRow(state.selected);
    const department = his ? his.department_id : null;
    const own = state.doctors.filter((d) => department !== null && d.department_id === department);
    const others = state.doctors.filter((d) => !own.includes(d));
    const option = (d) => hisx.el('option', {value: String(d.doctor_id)}, doctorLabel(d));
    select.replaceChildren(hisx.el('option', {value: ''}, i18n.t('schedules.template.no_doctor')));
    if (own.length) {
      select.append(hisx.el('optgroup', {label: i18n.t('schedules.template.doctors_own')}, ...own.map(option)));
    }
    if (others.length) {
      select.append(hisx.el('optgroup', {label: i18n.t(own.length ? 'schedules.template.doctors_other'
                                                                   : 'schedules.template.doctors_all')},
        ...others.map(option)));
    }
    select.value = value;
    if (select.value !== value) select.value = '';
  }

  function renderTemplateFormHeading() {
    if (state.editing === null) return;
    const t = state.templates.find((x) => x.id === state.editing);
    $('template-form-heading').textContent = t
      ? i18n.t('schedules.templates.edit_heading', {what: templateLabel(t)})
      : i18n.t('schedules.templates.add_heading');
  }

  function openTemplateForm(t, opener) {
    const form = $('template-form');
    state.editing = t ? t.id : 'new';
    state.editOpener = opener;
    renderDoctorOptions();
    clearErrors(form);
    $('tpl-weekday').value = String(t ? t.weekday : 1);
    $('tpl-start').value = t ? t.start : '';
    $('tpl-end').value = t ? t.end : '';
    $('tpl-slot').value = String(t ? t.slot_minutes : 15);
    $('tpl-capacity').value = t ? String(t.capacity) : '';
    $('tpl-doctor').value = t && t.doctor_id !== null ? String(t.doctor_id) : '';
    for (const channel of CHANNELS) {
      const percent = t && t.quotas ? t.quotas[channel] : undefined;
      $(`tpl-quota-${channel}`).value = percent === undefined ? '' : String(percent);
    }
    renderTemplateFormHeading();
    for (const row of $('templates').tBodies[0].rows) {
      if (t && row.dataset.id === String(t.id)) {
        row.setAttribute('aria-current', 'true');
      } else {
        row.removeAttribute('aria-current');
      }
    }
    form.hidden = false;
    say('template-status', null);
    $('tpl-weekday').focus();
  }

  // Closes the template form; with `returnFocus` focus goes back to the button that opened it.
  function closeTemplateForm(returnFocus) {
    const form = $('template-form');
    if (form.hidden) return;
    form.hidden = true;
    clearErrors(form);
    state.editing = null;
    for (const row of $('templates').tBodies[0].rows) row.removeAttribute('aria-current');
    const opener = state.editOpener;
    state.editOpener = null;
    if (returnFocus) {
      const again = opener && opener.isConnected ? opener : $('template-add');
      again.focus();
    }
  }

  function cancelTemplateEdit() {
    closeTemplateForm(true);
    say('template-status', () => i18n.t('schedules.templates.cancelled'));
  }

  async function saveTemplate(event) {
    event.preventDefault();
    const form = $('template-form');
    clearErrors(form);
    const quotas = {};
    for (const channel of CHANNELS) {
      const value = readInteger($(`tpl-quota-${channel}`));
      if (value !== undefined) quotas[channel] = value;
    }
    const doctor = $('tpl-doctor').value;
    const body = {
      clinic_id: state.selected,
      doctor_id: doctor || null,  // a HIS id: text, as the API gives it
      weekday: Number($('tpl-weekday').value),
      start: readClock($('tpl-start')),
      end: readClock($('tpl-end')),
      slot_minutes: readInteger($('tpl-slot')),
      capacity: readInteger($('tpl-capacity')),
      quotas,
    };
    const editing = state.editing;
    setBusy(form, true);
    try {
      const saved = editing === 'new'
        ? await hisx.api(`${API}/admin/templates`, {method: 'POST', body})
        : await hisx.api(`${API}/admin/templates/${encodeURIComponent(editing)}`, {method: 'PUT', body});
      closeTemplateForm(false);
      await loadTemplates();
      say('template-status', () => i18n.t(editing === 'new' ? 'schedules.templates.added'
                                                             : 'schedules.templates.saved',
        {what: templateLabel(saved), limits: quotaText(saved)}), 'ok');
      const button = $('templates').querySelector(`button[data-action="edit"][data-id="${saved.id}"]`);
      (button || $('template-add')).focus();
    } catch (error) {
      showFailure(error, TEMPLATE_FIELDS, 'template-status');
    } finally {
      setBusy(form, false);
    }
  }

  async function deleteTemplate(t) {
    if (!window.confirm(i18n.t('schedules.templates.confirm_delete', {what: templateLabel(t)}))) return;
    const index = state.templates.findIndex((x) => x.id === t.id);
    try {
      await hisx.api(`${API}/admin/templates/${encodeURIComponent(t.id)}`, {method: 'DELETE'});
      if (state.editing === t.id) closeTemplateForm(false);
      await loadTemplates();
      say('template-status', () => i18n.t('schedules.templates.deleted', {what: templateLabel(t)}), 'ok');
      const next = state.templates[Math.min(index, state.templates.length - 1)];
      const button = next
        ? $('templates').querySelector(`button[data-action="edit"][data-id="${next.id}"]`) : null;
      (button || $('template-add')).focus();
    } catch (error) {
      showFailure(error, {}, 'template-status');
    }
  }

  // ---- 3. Closures ----

  const CLOSURE_FIELDS = {
    clinic_id: 'closure-scope',
    from: 'closure-from',
    to: 'closure-to',
    reason: 'closure-reason',
  };

  async function loadClosures() {
    const answer = await hisx.api(`${API}/admin/closures`);
    state.closures = answer.items;
    renderClosures();
  }

  function scopeText(clinicId) {
    return clinicId === null ? i18n.t('schedules.closure.whole_hospital') : clinicName(clinicId);
  }

  function renderClosures() {
    const body = $('closures').tBodies[0];
    body.replaceChildren();
    for (const c of state.closures) {
      const what = i18n.t('schedules.closure.label', {scope: scopeText(c.clinic_id), from: formatDate(c.from), to: formatDate(c.to)});
      const remove = hisx.el('button', {
        type: 'button', class: 'danger small', 'data-action': 'delete', 'data-id': String(c.id),
        'aria-label': i18n.t('schedules.closures.delete_named', {what}),
      }, i18n.t('schedules.delete'));
      remove.addEventListener('click', () => deleteClosure(c));
      body.append(hisx.el('tr', {'data-id': String(c.id)},
        hisx.el('td', {}, scopeText(c.clinic_id)),
        hisx.el('td', {}, formatDate(c.from)),
        hisx.el('td', {}, formatDate(c.to)),
        hisx.el('td', {}, c.reason || i18n.t('schedules.none')),
        hisx.el('td', {class: 'row-actions'}, remove)));
    }
    $('closures').hidden = state.closures.length === 0;
    $('closures-empty').hidden = state.closures.length !== 0;
  }

  // The scope choices: the whole hospital, then every catalogue clinic.
  function renderClosureScopes() {
    const select = $('closure-scope');
    const value = select.value;
    select.replaceChildren(hisx.el('option', {value: ''}, i18n.t('schedules.closure.whole_hospital')));
    for (const id of clinicIds()) {
      if (state.catalogue.has(id)) select.append(hisx.el('option', {value: String(id)}, clinicName(id)));
    }
    select.value = value;
    if (select.value !== value) select.value = '';
  }

  async function saveClosure(event) {
    event.preventDefault();
    const form = $('closure-form');
    clearErrors(form);
    $('closure-warning').hidden = true;
    say('closure-warning', null);
    const scope = $('closure-scope').value;
    const body = {
      clinic_id: scope || null,  // a HIS id: text, as the API gives it
      from: readDate($('closure-from')),
      to: readDate($('closure-to')),
      reason: $('closure-reason').value.trim(),
    };
    setBusy(form, true);
    try {
      const saved = await hisx.api(`${API}/admin/closures`, {method: 'POST', body});
      await loadClosures();
      const what = () => i18n.t('schedules.closure.label',
        {scope: scopeText(saved.clinic_id), from: formatDate(saved.from), to: formatDate(saved.to)});
      const count = saved.affected_bookings;
      say('closure-status', () => i18n.t('schedules.closures.added', {what: what(), count}), 'ok');
      if (count > 0) {
        say('closure-warning', () => i18n.t('schedules.closures.affected', {count}));
        $('closure-warning').hidden = false;
      }
      $('closure-from').value = '';
      $('closure-to').value = '';
      $('closure-reason').value = '';
      $('closure-from').focus();
    } catch (error) {
      showFailure(error, CLOSURE_FIELDS, 'closure-status');
    } finally {
      setBusy(form, false);
    }
  }

  async function deleteClosure(c) {
    const what = i18n.t('schedules.closure.label', {scope: scopeText(c.clinic_id), from: formatDate(c.from), to: formatDate(c.to)});
    if (!window.confirm(i18n.t('schedules.closures.confirm_delete', {what}))) return;
    const index = state.closures.findIndex((x) => x.id === c.id);
    try {
      await hisx.api(`${API}/admin/closures/${encodeURIComponent(c.id)}`, {method: 'DELETE'});
      await loadClosures();
      $('closure-warning').hidden = true;
      say('closure-status', () => i18n.t('schedules.closures.deleted', {what}), 'ok');
      const next = state.closures[Math.min(index, state.closures.length - 1)];
      const button = next ? $('closures').querySelector(`button[data-id="${next.id}"]`) : null;
      (button || $('closure-scope')).focus();
    } catch (error) {
      showFailure(error, {}, 'closure-status');
    }
  }

  // ---- 4. Generating slots ----

  async function generate(event) {
    event.preventDefault();
    const form = $('generate-form');
    clearErrors(form);
    const body = {from: readDate($('generate-from')), to: readDate($('generate-to'))};
    setBusy(form, true);
    say('generate-status', () => i18n.t('schedules.generate.working'));
    try {
      const r = await hisx.api(`${API}/admin/slots/generate`, {method: 'POST', body});
      const key = r.planned === 0 ? 'schedules.generate.nothing' : 'schedules.generate.done';
      say('generate-status', () => i18n.t(key, {
        created: r.created, planned: r.planned, existing: r.planned - r.created, days: r.days,
        from: formatDate(r.from), to: formatDate(r.to),
      }), r.planned === 0 ? 'error' : 'ok');
    } catch (error) {
      showFailure(error, {from: 'generate-from', to: 'generate-to'}, 'generate-status');
    } finally {
      setBusy(form, false);
    }
  }

  function fillGenerateRange() {
    const today = new Date();
    const last = new Date(today.getFullYear(), today.getMonth(), today.getDate() + GENERATE_DAYS - 1);
    $('generate-from').value = formatDate(isoDate(today));
    $('generate-to').value = formatDate(isoDate(last));
  }

  // ---- Keys, language, start ----

  // Enter on a checkbox or a list saves its form too (text fields do so by themselves).
  function enterSubmits(form) {
    form.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.isComposing) return;
      const target = event.target;
      if (target.matches('input[type="checkbox"], select')) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
  }

  function onEscape(event) {
    if (event.key !== 'Escape') return;
    const inside = (id) => $(id).contains(document.activeElement);
    if (!$('template-form').hidden && inside('templates-block')) {
      event.preventDefault();
      cancelTemplateEdit();
    } else if (inside('clinic-form')) {
      event.preventDefault();
      resetClinicForm();
    }
  }

  function rerender() {
    renderClinics();
    renderClinicHeading();
    renderTemplates();
    renderTemplateFormHeading();
    for (const option of $('tpl-weekday').options) option.textContent = weekdayName(Number(option.value));
    renderDoctorOptions();
    renderClosures();
    renderClosureScopes();
  }

  // How many HIS clinics there are and how many take bookings now.
  function sayLoaded() {
    say('page-status', () => i18n.t('schedules.loaded', {
      clinics: state.his.length,
      open: [...state.catalogue.values()].filter((c) => takesText(c).kind === 'yes').length,
    }));
  }

  async function start() {
    buildChannelBoxes();
    buildTemplateControls();
    fillGenerateRange();
    for (const form of ['clinic-form', 'template-form', 'closure-form', 'generate-form']) enterSubmits($(form));
    $('clinic-form').addEventListener('submit', saveClinic);
    $('clinic-reset').addEventListener('click', resetClinicForm);
    $('template-add').addEventListener('click', (event) => openTemplateForm(null, event.currentTarget));
    $('template-form').addEventListener('submit', saveTemplate);
    $('template-cancel').addEventListener('click', cancelTemplateEdit);
    $('closure-form').addEventListener('submit', saveClosure);
    $('generate-form').addEventListener('submit', generate);
    document.addEventListener('keydown', onEscape);
    document.addEventListener('hisx:language', rerender);

    say('page-status', () => i18n.t('schedules.loading'));
    try {
      const [his, catalogue, doctors] = await Promise.all([
        hisx.api(`${API}/admin/his-clinics`),
        hisx.api(`${API}/admin/clinics`),
        hisx.api(`${API}/admin/his-doctors`),
      ]);
      state.his = his.items;
      state.catalogue = new Map(catalogue.items.map((c) => [c.clinic_id, c]));
      state.doctors = doctors.items;
      renderClinics();
      renderClosureScopes();
      await loadClosures();
      sayLoaded();
      document.documentElement.dataset.ready = 'true';
    } catch (error) {
      showFailure(error, {}, 'page-status');
    }
    $('main').focus();
  }

  hisx.ready.then(start);
})();
