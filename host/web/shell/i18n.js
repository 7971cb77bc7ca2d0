// Translations of the staff pages. Every visible string comes from a dictionary:
// /i18n/<lang>.json for the shell, plus the page's own when <html data-i18n-extra="i18n/">
// names a folder relative to the page (a plugin's pages carry their own strings).
// Elements name their string with data-i18n (text), data-i18n-placeholder,
// data-i18n-aria-label or data-i18n-title, and data-i18n-args (JSON) fills {placeholders}.
(function () {
  'use strict';

  const LANGUAGES = ['vi', 'en'];
  const DEFAULT_LANGUAGE = 'vi';
  const STORAGE_KEY = 'hisx.lang';
  const ATTRIBUTES = {
    i18nPlaceholder: 'placeholder',
    i18nAriaLabel: 'aria-label',
    i18nTitle: 'title',
  };

  let language = remembered();
  let strings = {};

  function remembered() {
    try {
      const value = localStorage.getItem(STORAGE_KEY);
      return LANGUAGES.includes(value) ? value : DEFAULT_LANGUAGE;
    } catch (e) {
      return DEFAULT_LANGUAGE;
    }
  }

  async function fetchDictionary(path) {
    const response = await fetch(path, {cache: 'no-cache'});
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
  }

  async function load(lang) {
    const paths = [`/i18n/${lang}.json`];
    const extra = document.documentElement.dataset.i18nExtra;
    if (extra) paths.push(new URL(`${extra}${lang}.json`, document.baseURI).pathname);
    const dictionaries = await Promise.all(paths.map(fetchDictionary));
    strings = Object.assign({}, ...dictionaries);
    language = lang;
    document.documentElement.lang = lang;
  }

  function has(key) {
    return Object.prototype.hasOwnProperty.call(strings, key);
  }

  // The string `key` with {name} replaced from `args`; the key itself when it is missing,
  // so that a gap shows instead of an empty element.
  function t(key, args) {
    if (!has(key)) {
      console.warn(`hisx: no ${language} translation for "${key}"`);
      return key;
    }
    return strings[key].replace(/\{(\w+)\}/g, (whole, name) =>
      args && Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : whole);
  }

  function argsOf(element) {
    if (!element.dataset.i18nArgs) return undefined;
    try {
      return JSON.parse(element.dataset.i18nArgs);
    } catch (e) {
      return undefined;
    }
  }

  // Translates `root` and everything below it.
  function apply(root) {
    const scope = root || document;
    const elements = [...scope.querySelectorAll('*')];
    if (scope.nodeType === Node.ELEMENT_NODE) elements.unshift(scope);
    for (const element of elements) {
      const data = element.dataset;
      if (!data) continue;
      if (data.i18n) element.textContent = t(data.i18n, argsOf(element));
      for (const [name, attribute] of Object.entries(ATTRIBUTES)) {
        if (data[name]) element.setAttribute(attribute, t(data[name], argsOf(element)));
      }
    }
  }

  // Sets `element`'s string (and arguments) and translates it now and on every switch.
  function set(element, key, args) {
    element.dataset.i18n = key;
    if (args) {
      element.dataset.i18nArgs = JSON.stringify(args);
    } else {
      delete element.dataset.i18nArgs;
    }
    element.textContent = t(key, args);
  }

  // Switches the language, remembers it, translates the page and tells the page's scripts
  // with a `hisx:language` event on document.
  async function setLanguage(lang) {
    if (!LANGUAGES.includes(lang)) throw new Error(`unknown language ${lang}`);
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch (e) {
      // Private windows may refuse storage; the switch still works for this page.
    }
    await load(lang);
    apply(document);
    document.dispatchEvent(new CustomEvent('hisx:language', {detail: {language: lang}}));
  }

  window.hisx = window.hisx || {};
  window.hisx.i18n = {
    languages: LANGUAGES,
    get language() {
      return language;
    },
    has,
    t,
    apply,
    set,
    setLanguage,
    ready: load(language),
  };
})();
