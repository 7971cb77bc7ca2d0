// Linking progress by department: a period (today by default; Alt+N today, Alt+U the last 7
// days, Alt+M this month: letters, since Alt+1-8 switch the browser's tabs), the departments
// worst first with their rate against the target (a plain bar with a mark at the target) and
// the hospital's total. Managers and admins edit a department's target in its row: Enter
// saves, Escape cancels.
(function () {
  'use strict';

  const hisx = window.hisx;
  const i18n = hisx.i18n;
  const {say, clearErrors, setBusy} = hisx.forms;
  const {$, showFailure, addDays, formatDate} = window.appLink;
  const EDIT_ROLES = ['manager', 'admin'];

  let canEdit = false;
  let serverToday = null;  // the hospital's today, from the first answer (no period given)
  let progress = null;  // the last answer of GET /progress
  let editing = null;  // department_id whose target is being edited

  function number(value, digits) {
    const locale = i18n.language === 'vi' ? 'vi-VN' : 'en-GB';
    return Number(value).toLocaleString(locale, {maximumFractionDigits: digits});
  }

  function percent(value) {
    if (value === null || value === undefined) return i18n.t('app_link.value.none');
    return i18n.t('progress.percent', {value: number(value, 1)});
  }

  function rateCell(item) {
    const bar = hisx.el('span', {class: 'rate-bar', 'aria-hidden': 'true'});
    const fill = hisx.el('span', {class: `rate-fill${item.on_target ? ' on-target' : ''}`});
    fill.style.width = `${Math.max(0, Math.min(100, Number(item.rate_percent) || 0))}%`;
    const mark = hisx.el('span', {class: 'rate-target'});
    mark.style.left = `${Math.max(0, Math.min(100, Number(item.target_percent) || 0))}%`;
    bar.append(fill, mark);
    return hisx.el('td', {class: 'rate', 'data-value': item.rate_percent === null ? '' : String(item.rate_percent)},
      hisx.el('span', {class: 'rate-text'}, percent(item.rate_percent)), bar);
  }

  function onTargetCell(item) {
    if (item.on_target === null || item.on_target === undefined) {
      return hisx.el('td', {'data-value': ''}, i18n.t('app_link.value.none'));
    }
    return hisx.el('td', {'data-value': String(item.on_target)},
      hisx.el('span', {class: `badge ${item.on_target ? 'badge-yes' : 'badge-bad'}`},
        i18n.t(item.on_target ? 'progress.on_target.yes' : 'progress.on_target.no')));
  }

  function departmentLabel(item) {
    return `${item.name} (${item.code})`;
  }

  function targetCell(item) {
    const cell = hisx.el('td', {class: 'num target', 'data-value': String(item.target_percent)});
    if (editing === String(item.department_id)) {
      cell.append(targetEditor(item));
      return cell;
    }
    cell.append(hisx.el('span', {class: 'target-text'}, percent(item.target_percent)));
    if (item.target_is_default) {
      cell.append(hisx.el('span', {class: 'note target-default'}, ` ${i18n.t('progress.target.default')}`));
    }
    if (canEdit) {
      const button = hisx.el('button', {type: 'button', class: 'secondary small edit-target',
        'data-department': String(item.department_id),
        'aria-label': i18n.t('progress.target.edit_label', {department: departmentLabel(item)})},
      i18n.t('progress.target.edit'));
      button.addEventListener('click', () => openEditor(item.department_id));
      cell.append(' ', button);
    }
    return cell;
  }

  function targetEditor(item) {
    const form = hisx.el('form', {class: 'target-form', novalidate: true, id: 'target-form'},
      hisx.el('label', {for: 'target-input', class: 'visually-hidden'},
        i18n.t('progress.target.input_label', {department: departmentLabel(item)})),
      hisx.el('input', {id: 'target-input', type: 'number', min: '0', max: '100', step: 'any',
        inputmode: 'decimal', value: String(item.target_percent), 'aria-describedby': 'target-input-hint'}),
      hisx.el('span', {id: 'target-input-hint', class: 'visually-hidden'}, i18n.t('progress.target.hint')),
      hisx.el('button', {type: 'submit', class: 'primary small'}, i18n.t('progress.target.save')),
      hisx.el('button', {type: 'button', class: 'secondary small', id: 'target-cancel'}, i18n.t('progress.target.cancel')),
      hisx.el('p', {id: 'target-input-error', class: 'field-error', hidden: true}));
    form.addEventListener('submit', (event) => saveTarget(event, item));
    form.querySelector('#target-cancel').addEventListener('click', () => closeEditor(true));
    return form;
  }

  function summaryCells(item) {
    return [
      hisx.el('td', {class: 'num visited', 'data-value': String(item.visited)}, number(item.visited, 0)),
      hisx.el('td', {class: 'num linked', 'data-value': String(item.linked)}, number(item.linked, 0)),
      rateCell(item),
    ];
  }

  function figureCells(item) {
    return [
      hisx.el('td', {class: 'num gap', 'data-value': item.gap_percent === null ? '' : String(item.gap_percent)},
        item.gap_percent === null || item.gap_percent === undefined ? i18n.t('app_link.value.none')
          : i18n.t('progress.points', {value: number(item.gap_percent, 1)})),
      hisx.el('td', {class: 'num to-link', 'data-value': String(item.patients_to_target)},
        number(item.patients_to_target, 0)),
      onTargetCell(item),
    ];
  }

  function render() {
    if (!progress) return;
    const body = $('progress').tBodies[0];
    body.replaceChildren();
    for (const item of progress.departments) {
      body.append(hisx.el('tr', {'data-department': String(item.department_id)},
        hisx.el('th', {scope: 'row', class: 'department'}, departmentLabel(item)),
        ...summaryCells(item), targetCell(item), ...figureCells(item)));
    }
    const t = progress.total;
    const foot = $('progress').tFoot;
    foot.replaceChildren(hisx.el('tr', {class: 'total'},
      hisx.el('th', {scope: 'row'}, i18n.t('progress.total')),
      ...summaryCells(t),
      hisx.el('td', {class: 'num target', 'data-value': String(t.target_percent)}, percent(t.target_percent)),
      ...figureCells(t)));
    $('progress').hidden = false;
    $('period-shown').textContent = progress.from === progress.to
      ? i18n.t('progress.period.one_day', {date: formatDate(progress.from)})
      : i18n.t('progress.period.range', {from: formatDate(progress.from), to: formatDate(progress.to)});
    if (editing) {
      const input = $('target-input');
      if (input) input.focus();
    }
  }

  // Loads the period (none: the hospital's today) and shows it.
  async function load(from, to) {
    const form = $('period-form');
    clearErrors(form);
    setBusy(form, true);
    say('progress-status', () => i18n.t('progress.loading'));
    try {
      const query = from && to ? `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}` : '';
      progress = await hisx.api(`/api/v1/app-link/progress${query}`);
      if (!query) serverToday = progress.to;
      $('from').value = progress.from;
      $('to').value = progress.to;
      render();
      say('progress-status', () => i18n.t('progress.loaded', {count: progress.departments.length}));
    } catch (error) {
      showFailure(error, {from: 'from', to: 'to'}, 'progress-status');
    } finally {
      setBusy(form, false);
    }
  }

  function showPeriod(event) {
    event.preventDefault();
    load($('from').value, $('to').value);
  }

  function quick(kind) {
    const today = serverToday || window.appLink.today();
    if (kind === 'today') load();
    if (kind === 'week') load(addDays(today, -6), today);
    if (kind === 'month') load(`${today.slice(0, 8)}01`, today);
  }

  function openEditor(departmentId) {
    editing = String(departmentId);
    say('target-status', null);
    render();
    const input = $('target-input');
    input.focus();
    input.select();
  }

  function closeEditor(returnFocus) {
    if (!editing) return;
    const id = editing;
    editing = null;
    render();
    if (returnFocus) focusEditButton(id);
  }

  function focusEditButton(id) {
    const button = document.querySelector(`button.edit-target[data-department="${CSS.escape(id)}"]`);
    if (button) button.focus();
  }

  async function saveTarget(event, item) {
    event.preventDefault();
    const form = $('target-form');
    clearErrors(form);
    const typed = $('target-input').value.trim();
    const value = typed === '' ? null : Number(typed);
    setBusy(form, true);
    try {
      const saved = await hisx.api(`/api/v1/app-link/targets/${encodeURIComponent(item.department_id)}`,
        {method: 'PUT', body: {target_percent: Number.isNaN(value) ? typed : value}});
      editing = null;
      const department = departmentLabel(item);
      say('target-status', () => i18n.t('progress.target.saved',
        {department, value: number(saved.target_percent, 1)}), 'ok');
      await load(progress.from, progress.to);
      focusEditButton(String(item.department_id));
    } catch (error) {
      if (form.isConnected) setBusy(form, false);
      showFailure(error, {target_percent: 'target-input'}, 'target-status');
    }
  }

  function start({me}) {
    canEdit = EDIT_ROLES.includes(me.role);
    $('period-form').addEventListener('submit', showPeriod);
    $('quick-today').addEventListener('click', () => quick('today'));
    $('quick-week').addEventListener('click', () => quick('week'));
    $('quick-month').addEventListener('click', () => quick('month'));
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && editing) {
        event.preventDefault();
        closeEditor(true);
        return;
      }
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const kind = {n: 'today', u: 'week', m: 'month'}[event.key.toLowerCase()];
      if (kind) {
        event.preventDefault();
        quick(kind);
      }
    });
    document.addEventListener('hisx:language', render);
    load();
    $('from').focus();
  }

  hisx.ready.then(start);
})();
