// The check-in desk (W5). One field, focused on load: scan the booking's QR code (the scanner
// types "HISX:HK-…" and Enter) or type a booking code, phone number or patient code and press
// Enter. A booking code or QR that finds one booking of today checks it in at once; otherwise
// the list shows today's bookings, ↑/↓ choose one and Enter checks it in. The ticket shows the
// queue number and priority; Ctrl+P prints it, Escape clears the desk for the next patient.
(function () {
  'use strict';

  const hisx = window.hisx;
  const i18n = hisx.i18n;
  const PROBLEM_PREFIX = 'urn:hisx:problem:';

  let items = [];          // today's bookings found for `searched`
  let selected = -1;       // index into items
  let searched = null;     // the text the list was found for
  let ticket = null;       // the last check-in's answer, with the booking it was for
  let busy = false;

  const $ = (id) => document.getElementById(id);

  function setStatus(key, args) {
    if (key) {
      i18n.set($('status'), key, args);
    } else {
      $('status').textContent = '';
      delete $('status').dataset.i18n;
    }
  }

  function showError(key, args) {
    const box = $('error');
    if (!key) {
      box.hidden = true;
      box.textContent = '';
      delete box.dataset.i18n;
      return;
    }
    i18n.set(box, key, args);
    box.hidden = false;
  }

  // "HISX:HK-7F3Q2", "HK-7F3Q2", "hk 7f3q2": the text names one booking for certain.
  function namesBooking(text) {
    return /^\s*(hisx:\s*)?hk[\s-]?[0-9a-z]{5,}\s*$/i.test(text);
  }

  function clock(iso) {
    const match = /T(\d{2}):(\d{2})/.exec(iso || '');
    return match ? `${match[1]}:${match[2]}` : '';
  }

  function label(prefix, value) {
    const key = `${prefix}.${value}`;
    return i18n.has(key) ? i18n.t(key) : String(value);
  }

  function priorityText(priority) {
    return priority > 0 ? i18n.t('reception.priority.high', {level: priority})
                        : i18n.t('reception.priority.normal');
  }

  function patientText(item) {
    if (!item.patient) return i18n.t('reception.patient.unknown', {id: item.patient_id});
    return `${item.patient.full_name} (${item.patient.code})`;
  }

  function optionId(index) {
    return `result-${index}`;
  }

  function renderResults() {
    const list = $('results');
    list.replaceChildren();
    items.forEach((item, index) => {
      const option = hisx.el('li', {
        id: optionId(index),
        role: 'option',
        class: 'result',
        'aria-selected': String(index === selected),
        'data-status': item.status,
        'data-code': item.code,
      },
      hisx.el('span', {class: 'result-time'}, clock(item.start)),
      hisx.el('span', {class: 'result-main'},
        hisx.el('span', {class: 'result-patient'}, patientText(item)),
        hisx.el('span', {class: 'result-meta'},
          [item.clinic_name || `#${item.clinic_id}`, item.code, label('reception.channel', item.channel)]
            .join(' · '))),
      hisx.el('span', {class: `badge ${item.priority > 0 ? 'badge-priority' : ''}`},
        priorityText(item.priority)),
      hisx.el('span', {class: `badge badge-status status-${item.status}`},
        item.queue_label ? `${label('reception.status', item.status)} · ${item.queue_label}`
                         : label('reception.status', item.status)));
      option.addEventListener('click', () => {
        select(index);
        checkIn(items[index]);
      });
      list.append(option);
    });
    list.hidden = items.length === 0;
    $('q').setAttribute('aria-expanded', String(items.length > 0));
    if (selected >= 0 && items.length > 0) {
      $('q').setAttribute('aria-activedescendant', optionId(selected));
    } else {
      $('q').removeAttribute('aria-activedescendant');
    }
  }

  function select(index) {
    if (items.length === 0) return;
    selected = Math.max(0, Math.min(index, items.length - 1));
    renderResults();
    $(optionId(selected)).scrollIntoView({block: 'nearest'});
  }

  function problemType(error) {
    const type = error && error.problem && error.problem.type;
    return type && type.startsWith(PROBLEM_PREFIX) ? type.slice(PROBLEM_PREFIX.length) : '';
  }

  // The message for a refused check-in, from the problem's type and members.
  function explain(error, item) {
    if (!(error instanceof hisx.ApiError)) return ['reception.error.network', null];
    const type = problemType(error);
    const problem = error.problem || {};
    if (type === 'invalid-transition') {
      const status = problem.current_status;
      if (status === 'checked_in') {
        return ['reception.error.already_checked_in',
          {code: item ? item.code : '', queue: item && item.queue_label ? item.queue_label : '—'}];
      }
      return ['reception.error.invalid_status', {status: label('reception.status', status)}];
    }
    if (type === 'not-today') return ['reception.error.not_today', {day: problem.day || ''}];
    if (type === 'too-early') return ['reception.error.too_early', null];
    if (error.status === 403) return ['reception.error.forbidden', null];
    if (error.status === 404) return ['reception.error.not_found', null];
    if (error.status === 422) return ['reception.error.too_short', null];
    return ['reception.error.failed', null];
  }

  async function search(text) {
    hideTicket();
    showError(null);
    setStatus('reception.search.searching');
    busy = true;
    try {
      const answer = await hisx.api(
        `/api/v1/appointments/check-in/search?q=${encodeURIComponent(text)}`);
      items = answer.items || [];
      searched = text;
      selected = items.length > 0 ? 0 : -1;
      renderResults();
      if (items.length === 0) {
        setStatus(null);
        showError('reception.results.none', {q: text});
        return;
      }
      const open = items.filter((item) => item.status === 'requested' || item.status === 'confirmed');
      if (items.length === 1 && namesBooking(text)) {
        busy = false;
        await checkIn(items[0]);
        return;
      }
      setStatus(items.length === 1 ? 'reception.results.one' : 'reception.results.count',
        {count: items.length, open: open.length});
    } catch (error) {
      items = [];
      selected = -1;
      renderResults();
      setStatus(null);
      showError(...explain(error, null));
    } finally {
      busy = false;
    }
  }

  async function checkIn(item) {
    if (busy || !item) return;
    busy = true;
    showError(null);
    setStatus('reception.checkin.working', {code: item.code});
    try {
      const answer = await hisx.api(
        `/api/v1/appointments/bookings/${encodeURIComponent(item.id)}/check-in`, {method: 'POST'});
      ticket = {answer, item};
      Object.assign(item, {
        status: answer.status,
        queue_label: answer.queue_label,
        priority: answer.priority,
      });
      items = [];
      selected = -1;
      searched = null;
      renderResults();
      renderTicket();
      $('ticket').hidden = false;
      setStatus('reception.checkin.done',
        {queue: answer.queue_label, name: item.patient ? item.patient.full_name : item.code});
      $('q').value = '';
      $('q').focus();
    } catch (error) {
      setStatus(null);
      showError(...explain(error, item));
      $('q').select();
    } finally {
      busy = false;
    }
  }

  function renderTicket() {
    if (!ticket) return;
    const {answer, item} = ticket;
    $('ticket-number').textContent = answer.queue_label;
    $('ticket-priority').textContent = priorityText(answer.priority);
    $('ticket').classList.toggle('is-priority', answer.priority > 0);
    $('ticket-patient').textContent = patientText(item);
    $('ticket-clinic').textContent = item.clinic_name || `#${item.clinic_id}`;
    $('ticket-time').textContent = clock(answer.start);
    $('ticket-booking').textContent = `${answer.code} · ${label('reception.channel', answer.channel)}`;
    $('ticket-checked-in').textContent = clock(answer.checked_in_at);
    $('ticket-late').hidden = !answer.late;
    const visit = $('ticket-visit');
    if (answer.visit_register === 'failed') {
      i18n.set(visit, 'reception.ticket.visit_failed', {reason: answer.visit_error || ''});
      visit.hidden = false;
    } else if (answer.visit_register === 'registered') {
      i18n.set(visit, 'reception.ticket.visit_registered');
      visit.hidden = false;
    } else {
      visit.hidden = true;
    }
  }

  function hideTicket() {
    $('ticket').hidden = true;
  }

  // Escape: the desk is ready for the next patient.
  function reset() {
    items = [];
    selected = -1;
    searched = null;
    ticket = null;
    renderResults();
    hideTicket();
    showError(null);
    setStatus(null);
    $('q').value = '';
    $('q').focus();
  }

  function onSubmit(event) {
    event.preventDefault();
    if (busy) return;
    const text = $('q').value.trim();
    if (!text) {
      showError('reception.error.too_short');
      return;
    }
    // The list is for this text already: Enter checks in the chosen booking.
    if (text === searched && selected >= 0) {
      checkIn(items[selected]);
      return;
    }
    search(text);
  }

  function onFieldKey(event) {
    if (event.key === 'ArrowDown' && items.length > 0) {
      event.preventDefault();
      select(selected + 1);
    } else if (event.key === 'ArrowUp' && items.length > 0) {
      event.preventDefault();
      select(selected - 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      reset();
    }
  }

  function start() {
    $('search-form').addEventListener('submit', onSubmit);
    $('q').addEventListener('keydown', onFieldKey);
    $('q').addEventListener('input', () => {
      // A new text: the list no longer answers it.
      if ($('q').value.trim() !== searched) searched = null;
    });
    $('print').addEventListener('click', () => window.print());
    window.addEventListener('afterprint', () => $('q').focus());
    $('next').addEventListener('click', reset);
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && event.target !== $('q')) reset();
    });
    document.addEventListener('hisx:language', () => {
      renderResults();
      renderTicket();
    });
    $('q').focus();
  }

  hisx.ready.then(start);
})();
