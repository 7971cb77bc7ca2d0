// Forms and problems on the staff pages: live texts that stay translated, and a refused call
// shown next to the field its problem document names (`field`) and in the form's live status.
// Loaded after i18n.js and shell.js by the pages that use it; the helpers are `hisx.forms`.
//
// A field's error is the element `<id>-error` (class `field-error`, hidden until needed) of
// its owner: an input, select or textarea labelled by `<label for>`, or a fieldset with a
// legend.
(function () {
  'use strict';

  const hisx = window.hisx;
  const i18n = hisx.i18n;
  const rendered = new Map();  // element → () => text, redone on a language switch

  const $ = (id) => document.getElementById(id);

  // Shows `render()` in `target` (an element or its id) now and after every language switch;
  // no `render` empties it. `kind` is 'error', 'ok' or nothing.
  function say(target, render, kind) {
    const element = typeof target === 'string' ? $(target) : target;
    if (!render) {
      rendered.delete(element);
      element.textContent = '';
    } else {
      rendered.set(element, render);
      element.textContent = render();
    }
    element.classList.toggle('is-error', kind === 'error');
    element.classList.toggle('is-ok', kind === 'ok');
  }

  // The part of a bilingual problem detail ("English / tiếng Việt") in the page's language,
  // with the API's field name replaced by the field's label.
  function localDetail(detail, field, label) {
    let text = detail || '';
    const cut = text.lastIndexOf(' / ');
    if (cut > 0) text = i18n.language === 'vi' ? text.slice(cut + 3) : text.slice(0, cut);
    if (field && label) text = text.split(`'${field}'`).join(`“${label}”`);
    return text.trim();
  }

  // Adds `id` to (or with `add` false removes it from) `element`'s aria-describedby.
  function describedBy(element, id, add) {
    const ids = (element.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
      .filter((x) => x !== id);
    if (add) ids.push(id);
    if (ids.length) {
      element.setAttribute('aria-describedby', ids.join(' '));
    } else {
      element.removeAttribute('aria-describedby');
    }
  }

  // The controls of a field element (for aria-invalid): a fieldset and its inputs, or itself.
  function controlsOf(element) {
    return element.tagName === 'FIELDSET' ? [element, ...element.querySelectorAll('input')] : [element];
  }

  // A field's label as shown: a fieldset's legend, an input's <label for>, else its id.
  function labelOf(element) {
    if (element.tagName === 'FIELDSET') return element.querySelector('legend').textContent;
    const label = document.querySelector(`label[for="${element.id}"]`);
    return label ? label.textContent : element.id;
  }

  // Hides every `.field-error` of `scope` (their owner is the element whose id they carry
  // without "-error") and takes back the owners' aria-invalid and aria-describedby.
  function clearErrors(scope) {
    for (const error of scope.querySelectorAll('.field-error')) {
      error.hidden = true;
      rendered.delete(error);
      error.textContent = '';
      const owner = $(error.id.replace(/-error$/, ''));
      if (!owner) continue;
      for (const control of controlsOf(owner)) control.removeAttribute('aria-invalid');
      describedBy(owner, error.id, false);
    }
  }

  // Shows `render()` (kept translated) in `owner`'s `<id>-error` and marks the owner invalid.
  function showFieldError(owner, render) {
    const error = $(`${owner.id}-error`);
    error.hidden = false;
    rendered.set(error, render);
    error.textContent = render();
    for (const control of controlsOf(owner)) control.setAttribute('aria-invalid', 'true');
    describedBy(owner, error.id, true);
  }

  // The element id `fields` gives for the API field `field`: the field itself, else for
  // "a.b.c" the first of "a.b.*", "a.*" that is there.
  function ownerIdOf(fields, field) {
    if (!fields || !field) return null;
    if (Object.hasOwn(fields, field)) return fields[field];
    const parts = field.split('.');
    for (let n = parts.length - 1; n > 0; n -= 1) {
      const wildcard = `${parts.slice(0, n).join('.')}.*`;
      if (Object.hasOwn(fields, wildcard)) return fields[wildcard];
    }
    return null;
  }

  // Shows a failed call: next to the field the problem names (`fields` maps API field →
  // element id, "a.*" standing for any "a.…") and in the live region `status` (an element or
  // its id); focus goes to that field. A 401 shows nothing (the shell goes to the login page).
  // `options.messages` is the prefix of the page's strings <prefix>.error.failed (an error
  // status without a problem document), <prefix>.error.network (no answer),
  // <prefix>.refused.field ({field}, {detail}) and <prefix>.refused.other ({detail});
  // `options.selectText` selects a text input's value after focusing it. Answers whether
  // the problem named one of `fields`.
  function showFailure(error, fields, status, options) {
    const {messages, selectText = false} = options || {};
    if (error instanceof hisx.ApiError && error.status === 401) return false;
    const problem = error instanceof hisx.ApiError ? error.problem : null;
    if (!problem) {
      say(status, () => i18n.t(error instanceof hisx.ApiError ? `${messages}.error.failed`
                                                              : `${messages}.error.network`), 'error');
      return false;
    }
    const field = problem.field || '';
    const ownerId = ownerIdOf(fields, field);
    const owner = ownerId ? $(ownerId) : null;
    const detail = () => localDetail(problem.detail || problem.title, field, owner ? labelOf(owner) : '');
    if (!owner) {
      say(status, () => i18n.t(`${messages}.refused.other`, {detail: detail()}), 'error');
      return false;
    }
    showFieldError(owner, detail);
    say(status, () => i18n.t(`${messages}.refused.field`, {field: labelOf(owner), detail: detail()}), 'error');
    // A radio group's tab stop is its checked radio; other fieldsets start at their first input.
    const target = owner.tagName === 'FIELDSET'
      ? owner.querySelector('input[type="radio"]:checked') || owner.querySelector('input') : owner;
    target.focus();
    if (selectText && target.tagName === 'INPUT' && target.type === 'text') target.select();
    return true;
  }

  // Disables a form's submit buttons while its call runs, and says so (aria-busy).
  function setBusy(form, busy) {
    for (const button of form.querySelectorAll('button[type="submit"]')) button.disabled = busy;
    form.setAttribute('aria-busy', String(busy));
  }

  document.addEventListener('hisx:language', () => {
    for (const [element, render] of rendered) {
      if (element.isConnected) {
        element.textContent = render();
      } else {
        rendered.delete(element);
      }
    }
  });

  hisx.forms = {
    say, localDetail, describedBy, controlsOf, labelOf, clearErrors, showFieldError, showFailure, setBusy,
  };
})();
