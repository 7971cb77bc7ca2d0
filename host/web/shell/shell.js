// The shared layout of the staff pages: session token, API calls, header (app name, user,
// language switch, log-out), navigation from /api/v1/host/pages, keyboard handling.
// A page is <body data-shell="page"> with a <main id="main">; the login page is
// <body data-shell="login">. Page scripts wait for `hisx.ready` (resolves to {me, pages}).
(function () {
  'use strict';

  const hisx = window.hisx;
  const i18n = hisx.i18n;
  const TOKEN_KEY = 'hisx.token';
  const EXPIRES_KEY = 'hisx.token_expires_at';
  const LOGIN_PAGE = '/login.html';

  // The session token lives in sessionStorage: gone when the tab closes.
  const session = {
    token() {
      const token = sessionStorage.getItem(TOKEN_KEY);
      const expires = sessionStorage.getItem(EXPIRES_KEY);
      if (token && expires && Date.parse(expires) <= Date.now()) {
        session.clear();
        return null;
      }
      return token;
    },
    save(token, expiresAt) {
      sessionStorage.setItem(TOKEN_KEY, token);
      if (expiresAt) sessionStorage.setItem(EXPIRES_KEY, expiresAt);
    },
    clear() {
      sessionStorage.removeItem(TOKEN_KEY);
      sessionStorage.removeItem(EXPIRES_KEY);
    },
  };

  // Back to the login page, which returns here after logging in.
  function toLogin() {
    const here = location.pathname + location.search;
    const next = here === '/' || here === '/index.html' ? '' : `?next=${encodeURIComponent(here)}`;
    location.replace(LOGIN_PAGE + next);
  }

  // A path on this site to go to after logging in; anything else becomes "/".
  function safeNext(value) {
    if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
      return '/';
    }
    return value;
  }

  class ApiError extends Error {
    constructor(status, problem) {
      super(`HTTP ${status}`);
      this.status = status;
      this.problem = problem || null;
    }
  }

  // Calls the API with the session token. A 401 ends the session and goes to the login page
  // (unless `auth` is false, as for the login itself). Resolves to the parsed JSON body (null
  // for 204); rejects with ApiError for other error statuses.
  async function api(path, options) {
    const {method = 'GET', body, auth = true} = options || {};
    const headers = {Accept: 'application/json'};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (auth) {
      const token = session.token();
      if (!token) {
        toLogin();
        throw new ApiError(401);
      }
      headers.Authorization = `Bearer ${token}`;
    }
    const response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
    const text = await response.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch (e) {
      data = null;
    }
    if (response.status === 401 && auth) {
      session.clear();
      toLogin();
    }
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  // Builds an element: el('a', {href: '/', 'data-i18n': 'x'}, child, …). Text children are
  // set as text, never parsed as HTML.
  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === false || value === null || value === undefined) continue;
      element.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  }

  // The name of `role` in the current language (a plugin's own role shows as it is).
  function roleName(role) {
    return i18n.has(`role.${role}`) ? i18n.t(`role.${role}`) : role;
  }

  function pageTitle(page) {
    return i18n.language === 'vi' ? page.title_vi : page.title_en;
  }

  function languageSwitch() {
    const group = el('div', {
      class: 'lang-switch',
      role: 'group',
      'data-i18n-aria-label': 'shell.language',
    });
    for (const lang of i18n.languages) {
      const button = el('button', {
        type: 'button',
        lang,
        'data-lang': lang,
        'data-i18n': `language.${lang}.short`,
        'data-i18n-title': `language.${lang}.name`,
        'data-i18n-aria-label': `language.${lang}.name`,
        'aria-pressed': String(lang === i18n.language),
      });
      button.addEventListener('click', async () => {
        await i18n.setLanguage(lang);
      });
      group.append(button);
    }
    document.addEventListener('hisx:language', () => {
      for (const button of group.querySelectorAll('button')) {
        button.setAttribute('aria-pressed', String(button.dataset.lang === i18n.language));
      }
    });
    return group;
  }

  function brand() {
    return el('a', {class: 'brand', href: '/'},
      el('span', {class: 'brand-mark', 'aria-hidden': 'true'}),
      el('span', {class: 'brand-name', 'data-i18n': 'app.name'}),
      el('span', {class: 'brand-tagline', 'data-i18n': 'app.tagline'}));
  }

  async function logOut() {
    try {
      await api('/api/v1/auth/logout', {method: 'POST'});
    } catch (e) {
      // The session ends here whatever the server said.
    }
    session.clear();
    location.replace(LOGIN_PAGE);
  }

  // The navigation: home, then the pages the caller's role may open.
  function navigation(pages) {
    const current = location.pathname === '/index.html' ? '/' : location.pathname;
    const list = el('ul', {class: 'nav-list'});
    const entries = [{path: '/', key: 'nav.home'}, ...pages.map((page) => ({path: page.path, page}))];
    const links = [];
    for (const entry of entries) {
      const link = el('a', {
        href: entry.path,
        'data-plugin': entry.page ? entry.page.plugin : null,
        'aria-current': entry.path === current ? 'page' : null,
      });
      if (entry.key) {
        i18n.set(link, entry.key);
      } else {
        link.textContent = pageTitle(entry.page);
      }
      links.push({link, entry});
      list.append(el('li', {}, link));
    }
    document.addEventListener('hisx:language', () => {
      for (const {link, entry} of links) {
        if (entry.page) link.textContent = pageTitle(entry.page);
      }
    });
    return el('nav', {id: 'shell-nav', class: 'shell-nav', 'data-i18n-aria-label': 'nav.label'},
      el('h2', {class: 'nav-heading', 'data-i18n': 'nav.heading'}), list);
  }

  // On narrow screens the navigation is a menu behind a button; Escape closes it.
  function wireMenu(toggle, nav) {
    const setOpen = (open) => {
      toggle.setAttribute('aria-expanded', String(open));
      nav.classList.toggle('is-open', open);
    };
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      setOpen(open);
      if (open) nav.querySelector('a').focus();
    });
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') {
        setOpen(false);
        toggle.focus();
      }
    });
  }

  function userBox(me) {
    const name = el('span', {class: 'user-name'}, me.display_name || me.username);
    const role = el('span', {class: 'user-role'}, roleName(me.role));
    document.addEventListener('hisx:language', () => {
      role.textContent = roleName(me.role);
    });
    return el('div', {class: 'user', 'data-role': me.role},
      el('span', {class: 'visually-hidden', 'data-i18n': 'shell.signed_in_as'}), name, role);
  }

  // Wraps the page's <main> in the layout.
  function buildPage(me, pages) {
    const main = document.getElementById('main');
    if (!main.hasAttribute('tabindex')) main.setAttribute('tabindex', '-1');
    const toggle = el('button', {
      type: 'button',
      class: 'nav-toggle',
      'aria-expanded': 'false',
      'aria-controls': 'shell-nav',
      'data-i18n': 'nav.menu',
    });
    const logout = el('button', {type: 'button', class: 'logout', 'data-i18n': 'shell.logout'});
    logout.addEventListener('click', logOut);
    const header = el('header', {class: 'shell-header'},
      toggle, brand(), el('div', {class: 'header-tools'}, userBox(me), languageSwitch(), logout));
    const nav = navigation(pages);
    wireMenu(toggle, nav);
    const body = el('div', {class: 'shell-body'}, nav);
    main.replaceWith(body);
    body.append(main);
    const skip = el('a', {class: 'skip-link', href: '#main', 'data-i18n': 'shell.skip'});
    skip.addEventListener('click', (event) => {
      event.preventDefault();
      main.focus();
    });
    document.body.prepend(skip, header);
    document.body.append(el('footer', {class: 'shell-footer', 'data-i18n': 'shell.footer'}));
  }

  function buildLogin() {
    const header = el('header', {class: 'shell-header'},
      brand(), el('div', {class: 'header-tools'}, languageSwitch()));
    document.body.prepend(header);
  }

  function reveal() {
    document.documentElement.classList.remove('hisx-loading');
  }

  async function start() {
    const kind = document.body.dataset.shell;
    if (kind === 'page' && !session.token()) {
      toLogin();
      return new Promise(() => {});  // never resolves: the page is going away
    }
    await i18n.ready;
    if (kind === 'login') {
      buildLogin();
      i18n.apply(document);
      reveal();
      return {};
    }
    const [me, pages] = await Promise.all([api('/api/v1/auth/me'), api('/api/v1/host/pages')]);
    buildPage(me, pages);
    i18n.apply(document);
    reveal();
    return {me, pages};
  }

  hisx.session = session;
  hisx.api = api;
  hisx.ApiError = ApiError;
  hisx.el = el;
  hisx.safeNext = safeNext;
  hisx.roleName = roleName;
  hisx.pageTitle = pageTitle;
  hisx.ready = new Promise((resolve) => {
    document.addEventListener('DOMContentLoaded', () => resolve(), {once: true});
    if (document.readyState !== 'loading') resolve();
  }).then(start);
  hisx.ready.catch((error) => {
    console.error('hisx: the page could not start', error);
    if (!(error instanceof ApiError && error.status === 401)) {
      showFatal();
    }
  });

  // When the shell cannot start (server unreachable, translations missing), say so rather
  // than leave a blank page.
  function showFatal() {
    reveal();
    const key = i18n.has('shell.start_failed') ? i18n.t('shell.start_failed') : null;
    const box = el('p', {class: 'fatal', role: 'alert'},
      key || 'hisx: the page could not start / không mở được trang.');
    document.body.prepend(box);
  }
})();
