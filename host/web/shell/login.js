// The login form: POST /api/v1/auth/login, keep the token for this tab, go where the user
// was going. Errors are shown in the live region under the form, in the current language.
(function () {
  'use strict';

  const hisx = window.hisx;
  const ERRORS = {
    401: 'login.error.invalid',
    429: 'login.error.rate_limited',
  };

  function showError(key) {
    const box = document.getElementById('login-error');
    hisx.i18n.set(box, key);
    box.hidden = false;
  }

  function clearError() {
    const box = document.getElementById('login-error');
    box.hidden = true;
    box.textContent = '';
    delete box.dataset.i18n;
  }

  async function submit(event) {
    event.preventDefault();
    const form = event.target;
    const username = form.elements.username.value.trim();
    const password = form.elements.password.value;
    if (!username || !password) {
      showError('login.error.missing');
      (username ? form.elements.password : form.elements.username).focus();
      return;
    }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    clearError();
    try {
      const answer = await hisx.api('/api/v1/auth/login', {
        method: 'POST',
        body: {username, password},
        auth: false,
      });
      // The end on this computer's clock, which may differ from the host's.
      const expiresAt = Number.isFinite(answer.expires_in)
        ? new Date(Date.now() + answer.expires_in * 1000).toISOString() : answer.expires_at;
      hisx.session.save(answer.token, expiresAt);
      const next = new URLSearchParams(location.search).get('next');
      location.replace(hisx.safeNext(next));
    } catch (error) {
      const status = error instanceof hisx.ApiError ? error.status : 0;
      showError(ERRORS[status] || (status ? 'login.error.failed' : 'login.error.network'));
      form.elements.password.value = '';
      form.elements.password.focus();
      button.disabled = false;
    }
  }

  hisx.ready.then(() => {
    document.getElementById('login-form').addEventListener('submit', submit);
    document.getElementById('username').focus();
  });
})();
