// The cashier window, keyboard-first: the window (chosen once, remembered), the cashier's shift
// (opened with a float, closed with the cash counted, its report printed), the ticket at the
// window (N next, R recall, S skip, V no-show, T transfer to the other lane), the patient's
// open charges from the HIS and their payment (P; digits typed go into "tendered", Enter pays,
// I prints the receipt). Keys never fire while typing in a field, except Enter and Escape.
(function () {
  'use strict';

  const hisx = window.hisx;
  const i18n = hisx.i18n;
  const {say, clearErrors, showFieldError, setBusy} = hisx.forms;
  const {$, showFailure, openFile, store, isTyping} = window.fastLane;
  const money = window.fastLaneMoney;
  const payment = window.cashierPayment;
  const WINDOW_KEY = 'hisx.fast_lane.window';
  const API = '/api/v1/fast-lane';
  const RETRY_MS = 5000;
  const GROUPS = ['child', 'elderly', 'disability', 'veteran', 'pregnant', 'app', 'booked'];
  const PAY_FIELDS = {
    tendered: 'tendered',
    reference: 'reference',
    method: 'method',
    charge_ids: 'charges-set',
    patient_id: 'q',
    window: 'window',
  };

  let windows = [];
  let shift = null;  // GET /shifts/current, null when closed
  let ticket = null;  // the ticket at the window
  let account = null;  // GET /patients/{id}/charges of the patient shown
  let paying = false;  // a payment waits for its answer
  let lastPaid = null;  // the payment just made
  let retryTimer = null;

  const windowCode = () => $('window').value;
  const method = () => document.querySelector('input[name="method"]:checked').value;

  function localTime(iso) {
    const at = new Date(iso);
    if (Number.isNaN(at.getTime())) return iso || '';
    const two = (n) => String(n).padStart(2, '0');
    return `${two(at.getHours())}:${two(at.getMinutes())}`;
  }

  // ---- The window ----

  async function loadWindows() {
    try {
      windows = (await hisx.api(`${API}/windows`)).items.filter((w) => w.active);
    } catch (error) {
      showFailure(error, {}, 'ticket-status');
    }
    const placeholder = hisx.el('option', {value: ''});
    i18n.set(placeholder, 'cashier.window.choose');
    $('window').replaceChildren(placeholder,
      ...windows.map((w) => hisx.el('option', {value: w.code}, `${w.code} — ${w.name}`)));
    const remembered = store.get(WINDOW_KEY);
    $('window').value = windows.some((w) => w.code === remembered) ? remembered : '';
  }

  // The window, or an error next to its list (focused) when none is chosen.
  function requireWindow(statusId) {
    clearErrors($('window').parentElement);
    if (windowCode()) return windowCode();
    showFieldError($('window'), () => i18n.t('cashier.window.missing'));
    say(statusId, () => i18n.t('cashier.window.missing'), 'error');
    $('window').focus();
    return null;
  }

  // ---- The shift ----

  function renderShift() {
    $('shift-open-form').hidden = shift !== null;
    $('shift-open').hidden = shift === null;
    if (shift === null) {
      $('shift-close-form').hidden = true;
      return;
    }
    const cash = (shift.methods || []).find((m) => m.method === 'cash');
    say('shift-summary', () => i18n.t('cashier.shift.summary', {
      id: shift.id, at: localTime(shift.opened_at), float: money.format(shift.opening_float),
      cash: money.format(cash ? cash.expected : shift.opening_float),
    }));
  }

  async function loadShift() {
    try {
      shift = await hisx.api(`${API}/shifts/current`);
    } catch (error) {
      shift = null;
      if (!(error instanceof hisx.ApiError && error.status === 404)) {
        showFailure(error, {}, 'shift-status');
      }
    }
    renderShift();
  }

  async function openShift(event) {
    event.preventDefault();
    const form = $('shift-open-form');
    clearErrors(form);
    const float = money.parse($('opening-float').value);
    if (float === null) {
      showFieldError($('opening-float'), () => i18n.t('cashier.amount.invalid'));
      $('opening-float').focus();
      return;
    }
    setBusy(form, true);
    try {
      const body = {opening_float: float};
      if (windowCode()) body.window = windowCode();
      shift = await hisx.api(`${API}/shifts`, {method: 'POST', body});
      say('shift-status', () => i18n.t('cashier.shift.opened'), 'ok');
      renderShift();
      $('main').focus();
    } catch (error) {
      showFailure(error, {opening_float: 'opening-float', window: 'window'}, 'shift-status');
    } finally {
      setBusy(form, false);
    }
  }

  function showCloseForm() {
    $('shift-close-form').hidden = false;
    $('counted-cash').focus();
  }

  async function closeShift(event) {
    event.preventDefault();
    const form = $('shift-close-form');
    clearErrors(form);
    const counted = {};
    for (const m of ['cash', 'card', 'transfer']) {
      const input = $(`counted-${m}`);
      if (!input.value.trim()) continue;
      const value = money.parse(input.value);
      if (value === null) {
        showFieldError(input, () => i18n.t('cashier.amount.invalid'));
        input.focus();
        return;
      }
      counted[m] = value;
    }
    setBusy(form, true);
    try {
      const closed = await hisx.api(`${API}/shifts/${shift.id}/close`, {method: 'POST', body: {counted}});
      say('shift-status', () => i18n.t('cashier.shift.closed', {
        difference: money.format(closed.difference),
      }), 'ok');
      for (const m of ['cash', 'card', 'transfer']) $(`counted-${m}`).value = '';
      await openFile(`${API}/shifts/${closed.id}/report`, $('shift-link'), 'cashier.shift.report_link');
      shift = null;
      renderShift();
      $('opening-float').focus();
    } catch (error) {
      showFailure(error, {
        counted: 'counted-cash', 'counted.cash': 'counted-cash', 'counted.card': 'counted-card',
        'counted.transfer': 'counted-transfer',
      }, 'shift-status');
    } finally {
      setBusy(form, false);
    }
  }

  // ---- The ticket at the window ----

  function renderTicket() {
    const label = $('ticket-label');
    label.textContent = ticket ? ticket.label : '—';
    label.classList.toggle('is-fast', Boolean(ticket && ticket.lane === 'fast'));
    if (!ticket) {
      say('ticket-info', () => i18n.t('cashier.ticket.none'));
    } else {
      say('ticket-info', () => i18n.t('cashier.ticket.info', {
        lane: ticket.lane_title.split(' / ')[i18n.language === 'vi' ? 0 : 1] || ticket.lane_title,
        group: ticket.priority_group_title
          ? ` · ${ticket.priority_group_title.split(' / ')[i18n.language === 'vi' ? 0 : 1]}` : '',
        calls: ticket.calls,
      }));
    }
    for (const id of ['key-recall', 'key-skip', 'key-no-show', 'key-transfer']) $(id).disabled = !ticket;
    $('transfer-form').hidden = true;
  }

  // The ticket at the window changed: its patient's charges, or the search box.
  async function showTicket(next) {
    ticket = next;
    renderTicket();
    if (ticket && ticket.patient_id) {
      await loadPatient(ticket.patient_id);
    } else {
      clearPatient();
    }
  }

  async function loadCurrent() {
    if (!windowCode()) {
      await showTicket(null);
      return;
    }
    try {
      const answer = await hisx.api(`${API}/windows/${encodeURIComponent(windowCode())}/current`);
      await showTicket(answer.ticket);
    } catch (error) {
      showFailure(error, {}, 'ticket-status');
    }
  }

  async function callNext() {
    const code = requireWindow('ticket-status');
    if (!code || paying) return;
    say('ticket-status', () => i18n.t('cashier.ticket.calling'));
    try {
      const answer = await hisx.api(`${API}/windows/${encodeURIComponent(code)}/next`, {method: 'POST'});
      if (answer.called) {
        const label = answer.called.label;
        say('ticket-status', () => i18n.t('cashier.ticket.called', {label}), 'ok');
      } else {
        say('ticket-status', () => i18n.t('cashier.ticket.empty'));
      }
      lastPaid = null;
      $('paid').hidden = true;
      await showTicket(answer.called);
    } catch (error) {
      showFailure(error, {window: 'window'}, 'ticket-status');
    }
  }

  async function ticketAction(action, body, doneKey) {
    if (!ticket || paying) return;
    const label = ticket.label;
    try {
      const answer = await hisx.api(`${API}/tickets/${ticket.id}/${action}`, {method: 'POST', body});
      say('ticket-status', () => i18n.t(doneKey, {label}), 'ok');
      // A recalled ticket stays at the window (its patient's charges as they are); a skipped,
      // absent or moved one leaves it.
      if (action === 'recall') {
        ticket = answer;
        renderTicket();
      } else {
        await showTicket(null);
      }
    } catch (error) {
      // An age group needs the ticket's patient: that refusal too shows at the group.
      showFailure(error, {priority_group: 'transfer-group', lane: 'transfer-group', patient_id: 'transfer-group'},
        'ticket-status');
    }
  }

  // T: a fast-lane ticket moves to the regular lane at once; a regular one needs its group.
  function transfer() {
    if (!ticket) return;
    if (ticket.lane === 'fast') {
      ticketAction('transfer', {lane: 'regular'}, 'cashier.ticket.transferred');
      return;
    }
    $('transfer-group').value = '';
    clearErrors($('transfer-form'));
    $('transfer-form').hidden = false;
    $('transfer-group').focus();
  }

  function fillGroups() {
    const placeholder = hisx.el('option', {value: ''});
    i18n.set(placeholder, 'cashier.transfer.choose');
    $('transfer-group').replaceChildren(placeholder, ...GROUPS.map((g) => {
      const option = hisx.el('option', {value: g});
      i18n.set(option, `fast_lane.group.${g}`);
      return option;
    }));
  }

  // ---- The patient and their charges ----

  function clearPatient() {
    account = null;
    i18n.set($('patient-heading'), 'cashier.patient.none');
    $('search-form').hidden = false;
    $('results').hidden = true;
    $('charges-set').hidden = true;
    $('charges-empty').hidden = true;
    $('pay-form').hidden = true;
  }

  async function search(event) {
    event.preventDefault();
    clearErrors($('search-form'));
    const q = $('q').value.trim();
    try {
      const answer = await hisx.api(`${API}/patients?q=${encodeURIComponent(q)}&limit=5`);
      const list = $('results');
      list.replaceChildren(...answer.items.map((p) => {
        const button = hisx.el('button', {type: 'button', class: 'result', 'data-id': String(p.id)},
          `${p.code} — ${p.full_name}${p.birth_date ? ` (${p.birth_date.slice(0, 4)})` : ''}`);
        button.addEventListener('click', () => loadPatient(String(p.id)));
        return hisx.el('li', {}, button);
      }));
      list.hidden = answer.items.length === 0;
      if (answer.items.length === 0) say('pay-status', () => i18n.t('cashier.search.none', {q}), 'error');
      else {
        say('pay-status', null);
        list.querySelector('button').focus();
      }
    } catch (error) {
      showFailure(error, {q: 'q'}, 'pay-status');
    }
  }

  function chargeRow(charge) {
    const open = !charge.paid;
    const box = hisx.el('input', {type: 'checkbox', id: `charge-${charge.charge_id}`,
      value: charge.charge_id, checked: open, disabled: !open});
    box.addEventListener('change', updateDue);
    const names = charge.lines.map((l) => (l.quantity > 1 ? `${l.service_name} ×${l.quantity}` : l.service_name));
    const item = hisx.el('label', {for: box.id, class: 'charge-item'},
      hisx.el('span', {class: 'charge-id'}, charge.charge_id), ' ', names.join(', '));
    const state = hisx.el('span', {class: 'charge-paid'});
    if (!open) {
      i18n.set(state, charge.paid.his_state === 'pending' ? 'cashier.charges.paid_pending' : 'cashier.charges.paid',
        {receipt: charge.paid.receipt_no});
    }
    return hisx.el('tr', {class: open ? null : 'is-paid', 'data-charge': charge.charge_id},
      hisx.el('td', {}, box),
      hisx.el('td', {}, item, open ? null : state),
      hisx.el('td', {class: 'num'}, money.format(charge.total)),
      hisx.el('td', {class: 'num'}, money.format(charge.insurance_share)),
      hisx.el('td', {class: 'num'}, money.format(charge.patient_share)));
  }

  async function loadPatient(patientId) {
    try {
      account = await hisx.api(`${API}/patients/${encodeURIComponent(patientId)}/charges`);
    } catch (error) {
      showFailure(error, {}, 'pay-status');
      return;
    }
    const p = account.patient;
    $('patient-heading').removeAttribute('data-i18n');
    $('patient-heading').textContent = `${p.full_name} — ${p.code}`;
    $('search-form').hidden = true;
    $('results').hidden = true;
    $('charges').tBodies[0].replaceChildren(...account.charges.map(chargeRow));
    $('charges-set').hidden = account.charges.length === 0;
    $('charges-empty').hidden = account.charges.length !== 0;
    const payable = account.charges.some((c) => !c.paid);
    $('pay-form').hidden = !payable && !paying;
    clearErrors($('billing'));
    updateDue();
  }

  function chosenCharges() {
    return [...$('charges').querySelectorAll('input[type="checkbox"]:checked:not(:disabled)')]
      .map((box) => box.value);
  }

  function dueAmount() {
    if (!account) return 0;
    const chosen = new Set(chosenCharges());
    return account.charges.filter((c) => chosen.has(c.charge_id)).reduce((sum, c) => sum + c.patient_share, 0);
  }

  function updateDue() {
    $('due').textContent = money.format(dueAmount());
    updateChange();
    if (method() === 'transfer') showVietQr();
  }

  // A transfer: the VietQR code of the chosen charges for the patient's banking app, and its
  // reference in the reference field (the cashier pays once the transfer has arrived). Nothing
  // when the hospital has set no bank account (409 vietqr-off).
  let vietqrAsked = 0;
  async function showVietQr() {
    const asked = ++vietqrAsked;
    $('vietqr').hidden = true;
    if (!account || chosenCharges().length === 0 || dueAmount() <= 0) return;
    try {
      const qr = await hisx.api(`${API}/transfers/qr`, {
        method: 'POST',
        body: {patient_id: String(account.patient.id), charge_ids: chosenCharges()},
      });
      if (asked !== vietqrAsked || method() !== 'transfer') return;
      $('vietqr-image').src = `data:image/png;base64,${qr.png_base64}`;
      i18n.set($('vietqr-caption'), 'cashier.vietqr.caption',
        {amount: money.format(qr.amount), reference: qr.reference});
      $('reference').value = qr.reference;
      $('vietqr').hidden = false;
    } catch (error) {
      if (!(error instanceof hisx.ApiError && error.status === 409)) showFailure(error, {}, 'pay-status');
    }
  }

  // The change, live: what was tendered minus what is due (or what is still missing).
  function updateChange() {
    const tendered = money.parse($('tendered').value);
    const due = dueAmount();
    const out = $('change');
    const short = tendered !== null && tendered < due;
    out.classList.toggle('is-short', short);
    if (tendered === null) say(out, () => '—');
    else if (short) say(out, () => i18n.t('cashier.pay.short', {amount: money.format(due - tendered)}));
    else say(out, () => money.format(tendered - due));
  }

  function updateMethod() {
    const cash = method() === 'cash';
    $('tendered-field').hidden = !cash;
    $('change-field').hidden = !cash;
    $('reference-field').hidden = cash;
    if (method() === 'transfer') {
      showVietQr();
    } else {
      vietqrAsked++;
      $('vietqr').hidden = true;
    }
  }

  // P: to the payment's first field.
  function focusPay() {
    if ($('pay-form').hidden) {
      if (!$('search-form').hidden) $('q').focus();
      return;
    }
    (method() === 'cash' ? $('tendered') : $('reference')).focus();
  }

  // ---- Paying ----

  function paymentBody() {
    const body = {patient_id: String(account.patient.id), charge_ids: chosenCharges(), method: method()};
    if (body.method === 'cash') body.tendered = money.parse($('tendered').value);
    else body.reference = $('reference').value.trim();
    if (ticket) body.ticket_id = ticket.id;
    if (windowCode()) body.window = windowCode();
    return body;
  }

  // Checks what the page can before sending; answers false with the error shown.
  function checkPayment(body) {
    if (body.charge_ids.length === 0) {
      showFieldError($('charges-set'), () => i18n.t('cashier.pay.no_charge'));
      say('pay-status', () => i18n.t('cashier.pay.no_charge'), 'error');
      return false;
    }
    if (body.method === 'cash' && (body.tendered === null || body.tendered === undefined)) {
      showFieldError($('tendered'), () => i18n.t('cashier.pay.tendered_missing'));
      $('tendered').focus();
      return false;
    }
    if (body.method !== 'cash' && !body.reference) {
      showFieldError($('reference'), () => i18n.t('cashier.pay.reference_missing'));
      $('reference').focus();
      return false;
    }
    return true;
  }

  async function pay(event) {
    if (event) event.preventDefault();
    if (paying || !account || $('pay-form').hidden) return;
    clearErrors($('billing'));
    const body = paymentBody();
    if (!checkPayment(body)) return;
    await run(payment.begin(body));
  }

  // Sends the kept payment until the server answers; a lost answer is asked again with the
  // same key (after a reload too), so nothing is paid twice.
  async function run(entry, resuming) {
    clearTimeout(retryTimer);
    paying = true;
    setBusy($('pay-form'), true);
    say('pay-status', () => i18n.t(resuming ? 'cashier.pay.resuming' : 'cashier.pay.sending'));
    try {
      const paid = await payment.send(entry);
      paying = false;
      showPaid(paid);
    } catch (error) {
      if (payment.mayRetry(error) && !(error instanceof hisx.ApiError && error.status === 401)) {
        say('pay-status', () => i18n.t('cashier.pay.retrying'), 'error');
        retryTimer = setTimeout(() => run(entry, true), RETRY_MS);
        return;
      }
      paying = false;
      // A conflict (a charge paid elsewhere, no longer open, the shift closed): the charges and
      // the shift are read again before the refusal is shown.
      if (error instanceof hisx.ApiError && error.status === 409) {
        if (account) await loadPatient(String(account.patient.id));
        await loadShift();
      }
      showFailure(error, PAY_FIELDS, 'pay-status');
    } finally {
      setBusy($('pay-form'), paying);
    }
  }

  function hisStateKey(state) {
    return ['pending', 'recorded', 'conflict'].includes(state) ? `cashier.his.${state}` : 'cashier.his.other';
  }

  async function showPaid(paid) {
    lastPaid = paid;
    say('pay-status', () => i18n.t('cashier.pay.done', {receipt: paid.receipt_no}), 'ok');
    $('paid-receipt').textContent = paid.receipt_no;
    $('paid-change').textContent = money.format(paid.change || 0);
    say('paid-his', () => i18n.t(hisStateKey(paid.his_state), {state: paid.his_state}));
    $('paid').hidden = false;
    $('tendered').value = '';
    $('reference').value = '';
    $('receipt-link').hidden = true;
    await loadPatient(String(paid.patient_id));
    $('print-receipt').focus();
    loadShift();
  }

  async function printReceipt() {
    if (!lastPaid) return;
    try {
      await openFile(lastPaid.receipt, $('receipt-link'), 'cashier.paid.receipt_link');
    } catch (error) {
      showFailure(error, {}, 'pay-status');
    }
  }

  // After a reload: the payment that had no answer yet is shown and sent again, same key.
  async function resumePending() {
    const entry = payment.pending();
    if (!entry) return;
    await loadPatient(entry.body.patient_id);
    await run(entry, true);
  }

  // ---- Keys ----

  function typeDigit(key) {
    if ($('pay-form').hidden || method() !== 'cash' || paying) return false;
    const input = $('tendered');
    input.value = key === 'Backspace' ? input.value.slice(0, -1) : input.value + key;
    input.focus();
    updateChange();
    return true;
  }

  function onKey(event) {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
    if (isTyping(event)) {
      // Enter on a list of a form (the transfer's group) sends the form, as in a text field.
      if (event.key === 'Enter' && event.target.tagName === 'SELECT' && event.target.form) {
        event.preventDefault();
        event.target.form.requestSubmit();
        return;
      }
      if (event.key === 'Escape') {
        $('transfer-form').hidden = true;
        $('shift-close-form').hidden = true;
        event.target.blur();
        $('main').focus();
      }
      return;
    }
    const target = event.target;
    const onControl = target && ['BUTTON', 'A'].includes(target.tagName);
    if (event.key === 'Enter' && !onControl && !$('pay-form').hidden) {
      event.preventDefault();
      pay();
      return;
    }
    if (/^[0-9]$/.test(event.key) || event.key === 'Backspace') {
      if (typeDigit(event.key)) event.preventDefault();
      return;
    }
    const actions = {
      n: callNext,
      r: () => ticketAction('recall', undefined, 'cashier.ticket.recalled'),
      s: () => ticketAction('skip', undefined, 'cashier.ticket.skipped'),
      v: () => ticketAction('no-show', undefined, 'cashier.ticket.no_show'),
      t: transfer,
      p: focusPay,
      i: printReceipt,
    };
    const action = actions[event.key.toLowerCase()];
    if (action) {
      event.preventDefault();
      action();
    }
  }

  // ---- Start ----

  hisx.ready.then(async () => {
    fillGroups();
    updateMethod();
    renderTicket();
    clearPatient();
    $('window').addEventListener('change', () => {
      store.set(WINDOW_KEY, windowCode() || null);
      clearErrors($('window').parentElement);
      loadCurrent();
    });
    $('shift-open-form').addEventListener('submit', openShift);
    $('shift-close').addEventListener('click', showCloseForm);
    $('shift-close-cancel').addEventListener('click', () => {
      $('shift-close-form').hidden = true;
    });
    $('shift-close-form').addEventListener('submit', closeShift);
    $('key-next').addEventListener('click', callNext);
    $('key-recall').addEventListener('click', () => ticketAction('recall', undefined, 'cashier.ticket.recalled'));
    $('key-skip').addEventListener('click', () => ticketAction('skip', undefined, 'cashier.ticket.skipped'));
    $('key-no-show').addEventListener('click', () => ticketAction('no-show', undefined, 'cashier.ticket.no_show'));
    $('key-transfer').addEventListener('click', transfer);
    $('key-pay').addEventListener('click', focusPay);
    $('transfer-form').addEventListener('submit', (event) => {
      event.preventDefault();
      ticketAction('transfer', {lane: 'fast', priority_group: $('transfer-group').value}, 'cashier.ticket.transferred');
    });
    $('search-form').addEventListener('submit', search);
    $('pay-form').addEventListener('submit', pay);
    for (const radio of document.querySelectorAll('input[name="method"]')) {
      radio.addEventListener('change', updateMethod);
    }
    $('tendered').addEventListener('input', updateChange);
    $('print-receipt').addEventListener('click', printReceipt);
    document.addEventListener('keydown', onKey);
    document.addEventListener('hisx:language', () => {
      renderTicket();
      updateDue();
    });

    await Promise.all([loadWindows(), loadShift()]);
    if (payment.pending()) {
      await resumePending();
      if (windowCode()) {
        try {
          ticket = (await hisx.api(`${API}/windows/${encodeURIComponent(windowCode())}/current`)).ticket;
        } catch (error) {
          ticket = null;
        }
        renderTicket();
      }
    } else {
      await loadCurrent();
    }
    document.body.dataset.ready = 'true';
    $('main').focus();
  });
})();
