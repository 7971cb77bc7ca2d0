// The call-centre worklist (W3): whom to phone today, most urgent first. ↑/↓ (or j/k) move
// through the list, Enter opens an item, 1–5 pick the call's outcome (from the list or the
// open item), Enter logs it, Escape closes the item. After each call the list is reloaded.
(function () {
  'use strict';

  const hisx = window.hisx;
  const i18n = hisx.i18n;
  const API = '/api/v1/appointments';
  const OUTCOMES = ['confirmed', 'no_answer', 'wrong_number', 'declined', 'call_back_at'];
  const SLOT_DAYS = 14;  // slots offered for an overdue re-examination

  let items = [];
  let today = null;  // the hospital's today, as the server says
  let open = null;  // the item in the panel
  let openIndex = -1;
  let slots = [];  // free slots offered for the open re-examination item

  const $ = (id) => document.getElementById(id);

  function setStatus(key, args, kind) {
    const status = $('status');
    i18n.set(status, key, args);
    status.classList.toggle('is-error', kind === 'error');
    status.classList.toggle('is-done', kind === 'done');
  }

  function none(value) {
    return value === null || value === undefined || value === '' ? i18n.t('worklist.value.none')
                                                                  : String(value);
  }

  // "2025-03-12T08:00:00+07:00" → {date: "12/03/2025", time: "08:00"} (the hospital's clock).
  function parts(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso || '');
    if (!m) return {date: none(iso), time: ''};
    return {date: i18n.t('worklist.date_format', {y: m[1], m: m[2], d: m[3]}),
      time: m[4] ? `${m[4]}:${m[5]}` : ''};
  }

  function patientName(item) {
    return item.patient.full_name || i18n.t('worklist.patient.unknown', {id: item.patient.id});
  }

  function when(item) {
    if (item.kind === 'booking') {
      const start = parts(item.start);
      return i18n.t('worklist.when.slot',
        {date: start.date, start: start.time, end: parts(item.end).time});
    }
    return i18n.t('worklist.when.window',
      {from: parts(item.due.window_start).date, to: parts(item.due.window_end).date});
  }

  function outcomeName(outcome) {
    return i18n.t(`worklist.outcome.${outcome}`);
  }

  function callsText(item) {
    if (item.attempts.length === 0) return i18n.t('worklist.calls.none');
    const latest = item.attempts[0];
    return i18n.t('worklist.calls.summary', {count: item.attempts.length,
      outcome: outcomeName(latest.outcome), time: parts(latest.at).time});
  }

  function reasonText(item) {
    if (item.call_back_at) {
      const at = parts(item.call_back_at);
      return i18n.t(`worklist.reason.${item.urgency}`, {time: at.time, date: at.date});
    }
    return i18n.t(`worklist.reason.${item.urgency}`);
  }

  function subjectLabel(item) {
    return item.kind === 'booking' ? item.booking.code : i18n.t('worklist.kind.reexam');
  }

  function phoneLink(phone, focusable) {
    if (!phone) return i18n.t('worklist.value.none');
    return hisx.el('a', {class: 'phone', href: `tel:${phone.replace(/[^\d+]/g, '')}`,
      tabindex: focusable ? null : '-1'}, phone);
  }

  function rows() {
    return [...$('list').tBodies[0].rows];
  }

  function renderRows() {
    const body = $('list').tBodies[0];
    body.replaceChildren();
    items.forEach((item, index) => {
      const row = hisx.el('tr', {
        tabindex: '0',
        class: item.waiting ? 'is-waiting' : null,
        'data-kind': item.kind,
        'data-id': String(item.kind === 'booking' ? item.booking.id : item.due.id),
        'aria-current': open && index === openIndex ? 'true' : null,
      },
      hisx.el('td', {class: 'rank'}, String(item.rank)),
      hisx.el('td', {}, hisx.el('span', {class: `kind kind-${item.kind}`},
        i18n.t(`worklist.kind.${item.kind}`))),
      hisx.el('td', {},
        hisx.el('span', {class: 'patient-name'}, patientName(item)),
        hisx.el('span', {class: 'patient-code'},
          [item.patient.code, item.kind === 'booking' ? item.booking.code : null]
            .filter(Boolean).join(' · '))),
      hisx.el('td', {}, phoneLink(item.patient.phone, false)),
      hisx.el('td', {}, none(item.clinic.name)),
      hisx.el('td', {}, when(item)),
      hisx.el('td', {}, callsText(item)),
      hisx.el('td', {class: `reason reason-${item.urgency}`}, reasonText(item)));
      row.addEventListener('click', () => openItem(index));
      body.append(row);
    });
    $('list').hidden = items.length === 0;
    $('empty').hidden = items.length !== 0;
  }

  // Loads the list of the chosen day; focuses row `focusIndex` (clamped) when given.
  async function load(focusIndex) {
    const day = $('day').value;
    try {
      const answer = await hisx.api(`${API}/worklist${day ? `?date=${day}` : ''}`);
      items = answer.items;
      if (!day) {
        today = answer.date;
        $('day').value = answer.date;
      }
      renderRows();
      if (focusIndex !== undefined && items.length > 0) {
        rows()[Math.max(0, Math.min(focusIndex, items.length - 1))].focus();
      }
      return true;
    } catch (error) {
      if (error instanceof hisx.ApiError && error.status === 401) return false;
      items = [];
      renderRows();
      setStatus('worklist.error.load', null, 'error');
      return false;
    }
  }

  async function refresh(event) {
    event.preventDefault();
    closeItem(false);
    if (await load()) {
      setStatus(items.length === 0 ? 'worklist.loaded.none' : 'worklist.loaded.count',
        {count: items.length, date: parts($('day').value).date});
    }
  }

  // ---- the open item ----

  function renderPanel() {
    if (!open) return;
    const item = open;
    $('panel-heading').textContent = patientName(item);
    const field = (name) => $('panel').querySelector(`[data-field="${name}"]`);
    field('kind').textContent = i18n.t(`worklist.kind.${item.kind}`);
    field('code').textContent = [item.patient.code, item.kind === 'booking' ? item.booking.code
      : null].filter(Boolean).join(' · ') || i18n.t('worklist.value.none');
    field('phone').replaceChildren(phoneLink(item.patient.phone, true));
    field('clinic').textContent = none(item.clinic.name);
    field('when').textContent = when(item);
    field('note').textContent = none(item.kind === 'booking' ? item.booking.reason : item.due.note);
    const history = $('history');
    history.replaceChildren();
    for (const a of item.attempts) {
      const at = parts(a.at);
      let text = i18n.t('worklist.history.item',
        {date: at.date, time: at.time, outcome: outcomeName(a.outcome)});
      if (a.call_back_at) {
        const cb = parts(a.call_back_at);
        text += ` — ${i18n.t('worklist.history.call_back', {date: cb.date, time: cb.time})}`;
      }
      if (a.note) text += ` — ${a.note}`;
      history.append(hisx.el('li', {}, text));
    }
    if (item.attempts.length === 0) {
      history.append(hisx.el('li', {}, i18n.t('worklist.calls.none')));
    }
    renderSlots();
    showOutcomeFields();
  }

  function renderSlots() {
    const select = $('slot');
    select.replaceChildren();
    if (!open || open.kind !== 'reexam') return;
    if (slots.length === 0) {
      select.append(hisx.el('option', {value: ''}, i18n.t('worklist.slot.none')));
      return;
    }
    for (const s of slots) {
      const start = parts(s.start);
      select.append(hisx.el('option', {value: String(s.id)}, i18n.t('worklist.slot.option',
        {date: start.date, start: start.time, end: parts(s.end).time,
          remaining: s.remaining_for_channel ?? s.remaining})));
    }
  }

  function isoDay(date) {
    return date.toISOString().slice(0, 10);
  }

  function addDays(day, n) {
    const d = new Date(`${day}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return isoDay(d);
  }

  // The free slots of the due's clinic within its window (from today on; an overdue one: the
  // next two weeks), for channel reexam.
  async function loadSlots(item) {
    slots = [];
    const base = today || $('day').value;
    let from = item.due.window_start > base ? item.due.window_start : base;
    let to = item.due.window_end < from ? addDays(from, SLOT_DAYS - 1) : item.due.window_end;
    if (to > addDays(from, 30)) to = addDays(from, 30);
    try {
      const answer = await hisx.api(`${API}/slots?clinic=${encodeURIComponent(item.due.clinic_id)}` +
        `&from=${from}&to=${to}&channel=reexam`);
      slots = answer.items.filter((s) => s.bookable && (s.remaining_for_channel ?? s.remaining) > 0);
    } catch (error) {
      slots = [];
    }
  }

  function chosenOutcome() {
    const checked = $('call-form').querySelector('input[name="outcome"]:checked');
    return checked ? checked.value : null;
  }

  function showOutcomeFields() {
    const outcome = chosenOutcome();
    $('slot-field').hidden = !(open && open.kind === 'reexam' && outcome === 'confirmed');
    $('call-back-field').hidden = outcome !== 'call_back_at';
    const effect = $('outcome-effect');
    if (outcome && open) {
      i18n.set(effect, `worklist.effect.${open.kind}.${outcome}`);
    } else {
      i18n.set(effect, 'worklist.effect.choose');
    }
  }

  // Picks outcome `n` (1–5) and moves to the field that finishes it.
  function chooseOutcome(n) {
    const outcome = OUTCOMES[n - 1];
    const radio = $('call-form').querySelector(`input[value="${outcome}"]`);
    radio.checked = true;
    showOutcomeFields();
    $('call-error').hidden = true;
    if (outcome === 'call_back_at') {
      $('call-back').focus();
    } else if (outcome === 'confirmed' && open.kind === 'reexam') {
      $('slot').focus();
    } else {
      $('note').focus();
    }
  }

  async function openItem(index, outcomeKey) {
    open = items[index];
    openIndex = index;
    for (const [i, r] of rows().entries()) {
      if (i === index) r.setAttribute('aria-current', 'true'); else r.removeAttribute('aria-current');
    }
    $('call-form').reset();
    $('call-error').hidden = true;
    slots = [];
    if (open.kind === 'reexam') await loadSlots(open);
    renderPanel();
    $('panel').hidden = false;
    if (outcomeKey) {
      chooseOutcome(outcomeKey);
    } else {
      $('panel-heading').focus();
    }
  }

  function closeItem(returnFocus) {
    if ($('panel').hidden) return;
    $('panel').hidden = true;
    const index = openIndex;
    open = null;
    openIndex = -1;
    for (const r of rows()) r.removeAttribute('aria-current');
    if (returnFocus && rows()[index]) rows()[index].focus();
  }

  function showCallError(key, args) {
    const box = $('call-error');
    i18n.set(box, key, args);
    box.hidden = false;
    setStatus(key, args, 'error');
  }

  // "17:30" (the list's day) or "YYYY-MM-DD HH:MM", both on the hospital's clock.
  function callBackTime(text) {
    const value = text.trim();
    let m = /^(\d{1,2}):(\d{2})$/.exec(value);
    if (m) return `${$('day').value || today}T${m[1].padStart(2, '0')}:${m[2]}`;
    m = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$/.exec(value);
    if (m) return `${m[1]}T${m[2].padStart(2, '0')}:${m[3]}`;
    return null;
  }

  function problemText(error) {
    const p = error instanceof hisx.ApiError ? error.problem : null;
    return p && p.detail ? p.detail : '';
  }

  async function logCall(event) {
    event.preventDefault();
    if (!open) return;
    const item = open;
    const outcome = chosenOutcome();
    if (!outcome) {
      showCallError('worklist.error.no_outcome');
      $('call-form').querySelector('input[name="outcome"]').focus();
      return;
    }
    const body = {outcome};
    if (item.kind === 'booking') body.booking_id = item.booking.id; else body.due_id = item.due.id;
    const note = $('note').value.trim();
    if (note) body.note = note;
    if (outcome === 'call_back_at') {
      const at = callBackTime($('call-back').value);
      if (!at) {
        showCallError('worklist.error.call_back_format');
        $('call-back').focus();
        return;
      }
      body.call_back_at = at;
    }
    const name = patientName(item);
    try {
      if (item.kind === 'reexam' && outcome === 'confirmed') {
        const slotId = Number($('slot').value);
        if (!slotId) {
          showCallError('worklist.error.no_slot');
          $('slot').focus();
          return;
        }
        await hisx.api(`${API}/reexams/${item.due.reexam_id}/dues/${item.due.seq}/book`,
          {method: 'POST', body: {slot_id: slotId}});
      }
      await hisx.api(`${API}/worklist/attempts`, {method: 'POST', body});
    } catch (error) {
      if (error instanceof hisx.ApiError && error.status === 401) return;
      const status = error instanceof hisx.ApiError ? error.status : 0;
      const key = status === 409 ? 'worklist.error.conflict'
        : status === 422 ? 'worklist.error.invalid' : 'worklist.error.failed';
      showCallError(key, {name, detail: problemText(error)});
      if (status === 409) {
        const index = openIndex;
        closeItem(false);
        await load(index);
      }
      return;
    }
    const index = openIndex;
    closeItem(false);
    await load(index);
    if (items.length === 0) $('day').focus();
    setStatus(`worklist.done.${item.kind}.${outcome}`,
      {name, code: subjectLabel(item), time: body.call_back_at ? parts(body.call_back_at).time : ''},
      'done');
  }

  // ---- keyboard ----

  function isTyping(target) {
    return target.matches('input[type="text"], input[type="date"], select, textarea');
  }

  function digit(event) {
    if (event.ctrlKey || event.altKey || event.metaKey) return 0;
    const n = Number(event.key);
    return Number.isInteger(n) && n >= 1 && n <= 5 ? n : 0;
  }

  function onListKey(event) {
    const list = rows();
    const index = list.indexOf(event.target);
    if (index < 0) return;
    let next = null;
    if (event.key === 'ArrowDown' || event.key === 'j') next = list[Math.min(index + 1, list.length - 1)];
    if (event.key === 'ArrowUp' || event.key === 'k') next = index === 0 ? $('day') : list[index - 1];
    if (event.key === 'Home') next = list[0];
    if (event.key === 'End') next = list[list.length - 1];
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openItem(index);
      return;
    }
    const n = digit(event);
    if (n) {
      event.preventDefault();
      openItem(index, n);
      return;
    }
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }

  function onPanelKey(event) {
    const n = digit(event);
    if (n && !isTyping(event.target)) {
      event.preventDefault();
      chooseOutcome(n);
      return;
    }
    // Enter on the slot list logs the call, as it does in the text fields.
    if (event.key === 'Enter' && event.target === $('slot')) {
      event.preventDefault();
      $('call-form').requestSubmit();
    }
  }

  function start() {
    $('day-form').addEventListener('submit', refresh);
    $('day').addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' && rows().length > 0) {
        event.preventDefault();
        rows()[0].focus();
      }
    });
    $('list').addEventListener('keydown', onListKey);
    $('panel').addEventListener('keydown', onPanelKey);
    $('call-form').addEventListener('submit', logCall);
    $('call-form').addEventListener('change', showOutcomeFields);
    $('panel-close').addEventListener('click', () => closeItem(true));
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !$('panel').hidden) {
        event.preventDefault();
        closeItem(true);
      }
    });
    document.addEventListener('hisx:language', () => {
      renderRows();
      renderPanel();
    });
    load().then((ok) => {
      if (!ok) return;
      setStatus(items.length === 0 ? 'worklist.loaded.none' : 'worklist.loaded.count',
        {count: items.length, date: parts($('day').value).date});
      if (items.length > 0) rows()[0].focus(); else $('day').focus();
    });
  }

  hisx.ready.then(start);
})();
