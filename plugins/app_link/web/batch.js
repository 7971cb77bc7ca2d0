// Bulk linking from paper forms (IT): upload the CSV of the signed forms, see the summary and
// every row's outcome (filter by outcome), download the results as CSV. Tab moves through the
// page; Enter on the upload button sends the file; Alt+O focuses the outcome filter.
(function () {
  'use strict';

  const hisx = window.hisx;
  const i18n = hisx.i18n;
  const {say, clearErrors, showFieldError, setBusy, localDetail} = hisx.forms;
  const {$, showFailure, text} = window.appLink;
  const OUTCOMES = ['linked', 'already_linked', 'patient_not_found', 'form_not_found', 'bad_row',
    'limit_reached'];

  let result = null;  // the import's answer: {import_id, file_name, summary, rows}

  // POSTs the file as multipart field `file` with the session token; resolves to the JSON
  // answer, rejects with hisx.ApiError.
  async function upload(file) {
    const token = hisx.session.token();
    if (!token) {
      location.replace(`/login.html?next=${encodeURIComponent(location.pathname)}`);
      throw new hisx.ApiError(401);
    }
    const body = new FormData();
    body.append('file', file, file.name);
    const response = await fetch('/api/v1/app-link/imports', {
      method: 'POST',
      headers: {Authorization: `Bearer ${token}`, Accept: 'application/json'},
      body,
      cache: 'no-store',
    });
    const raw = await response.text();
    let data = null;
    try {
      data = raw ? JSON.parse(raw) : null;
    } catch (e) {
      data = null;
    }
    if (response.status === 401) {
      hisx.session.clear();
      location.replace(`/login.html?next=${encodeURIComponent(location.pathname)}`);
    }
    if (!response.ok) throw new hisx.ApiError(response.status, data);
    return data;
  }

  function outcomeBadge(outcome) {
    const kind = outcome === 'linked' ? 'badge-yes'
      : outcome === 'already_linked' ? 'badge-no' : outcome === 'bad_row' ? 'badge-bad' : 'badge-warn';
    const name = i18n.has(`batch.outcome.${outcome}`) ? i18n.t(`batch.outcome.${outcome}`) : outcome;
    return hisx.el('span', {class: `badge ${kind}`, 'data-outcome': outcome}, name);
  }

  function renderFilter() {
    const select = $('outcome-filter');
    const chosen = select.value;
    const counts = result ? result.summary : {};
    const all = hisx.el('option', {value: ''},
      i18n.t('batch.filter.all', {count: result ? result.rows.length : 0}));
    select.replaceChildren(all, ...OUTCOMES.map((o) => hisx.el('option', {value: o},
      i18n.t('batch.filter.option', {outcome: i18n.t(`batch.outcome.${o}`), count: counts[o] || 0}))));
    select.value = chosen;
  }

  function renderSummary() {
    const list = $('summary');
    list.replaceChildren();
    const s = result.summary;
    const entries = [['batch.summary.rows', s.rows], ...OUTCOMES.map((o) => [`batch.outcome.${o}`, s[o] || 0])];
    for (const [key, value] of entries) {
      list.append(hisx.el('dt', {}, i18n.t(key)), hisx.el('dd', {class: 'num'}, String(value)));
    }
  }

  function renderRows() {
    const filter = $('outcome-filter').value;
    const body = $('rows').tBodies[0];
    body.replaceChildren();
    const shown = result.rows.filter((r) => !filter || r.outcome === filter);
    for (const row of shown) {
      body.append(hisx.el('tr', {'data-line': String(row.line), 'data-outcome': row.outcome},
        hisx.el('td', {class: 'num'}, String(row.line)),
        hisx.el('td', {}, outcomeBadge(row.outcome)),
        hisx.el('td', {}, row.field ? hisx.el('code', {}, row.field) : text(null)),
        hisx.el('td', {}, row.detail ? localDetail(row.detail) : text(null)),
        hisx.el('td', {}, text(row.app_account_id)),
        hisx.el('td', {}, row.link_id === null || row.link_id === undefined ? text(null) : String(row.link_id))));
    }
    $('rows').hidden = shown.length === 0;
    $('rows-empty').hidden = shown.length > 0;
  }

  function render() {
    if (!result) return;
    i18n.set($('result-heading'), 'batch.result.heading',
      {file: result.file_name || '', id: result.import_id});
    renderSummary();
    renderFilter();
    renderRows();
  }

  async function submit(event) {
    event.preventDefault();
    const form = $('upload-form');
    clearErrors(form);
    const file = $('file').files[0];
    if (!file) {
      showFieldError($('file'), () => i18n.t('batch.upload.missing'));
      say('upload-status', () => i18n.t('batch.upload.missing'), 'error');
      $('file').focus();
      return;
    }
    setBusy(form, true);
    say('upload-status', () => i18n.t('batch.upload.working', {file: file.name}));
    try {
      result = await upload(file);
      $('outcome-filter').value = '';
      render();
      $('result').hidden = false;
      $('download-link').hidden = true;
      const s = result.summary;
      const again = result.same_file_as;
      say('upload-status', () => i18n.t('batch.upload.done', {rows: s.rows, linked: s.linked}) +
        (again ? ` ${i18n.t('batch.upload.same_file', {id: again})}` : ''), 'ok');
      say('result-status', null);
      $('result-heading').focus();
    } catch (error) {
      showFailure(error, {file: 'file'}, 'upload-status');
    } finally {
      setBusy(form, false);
    }
  }

  async function download() {
    if (!result) return;
    const fileName = `ket-qua-lien-ket-${result.import_id}.csv`;
    try {
      const blob = await window.appLink.fetchFile(
        `/api/v1/app-link/imports/${encodeURIComponent(result.import_id)}/results.csv`);
      window.appLink.offerFile(blob, fileName, $('download-link'), 'batch.download_again', true);
      $('download-link').querySelector('a').click();
      say('result-status', () => i18n.t('batch.download_done', {file: fileName}), 'ok');
    } catch (error) {
      showFailure(error, {}, 'result-status');
    }
  }

  function start() {
    $('upload-form').addEventListener('submit', submit);
    $('file').addEventListener('change', () => clearErrors($('upload-form')));
    $('outcome-filter').addEventListener('change', () => {
      renderRows();
      const filter = $('outcome-filter').value;
      say('result-status', () => i18n.t('batch.filter.shown', {
        count: result.rows.filter((r) => !filter || r.outcome === filter).length}));
    });
    $('download').addEventListener('click', download);
    document.addEventListener('keydown', (event) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.key.toLowerCase() === 'o' &&
          !$('result').hidden) {
        event.preventDefault();
        $('outcome-filter').focus();
      }
    });
    document.addEventListener('hisx:language', render);
    renderFilter();
    $('file').focus();
  }

  hisx.ready.then(start);
})();
