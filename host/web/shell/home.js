// The home page: a greeting and the pages the user's role may open.
(function () {
  'use strict';

  const hisx = window.hisx;

  function render(me, pages) {
    const greeting = document.getElementById('greeting');
    hisx.i18n.set(greeting, 'home.greeting', {name: me.display_name || me.username});
    const list = document.getElementById('home-pages');
    list.replaceChildren();
    for (const page of pages) {
      const link = hisx.el('a', {href: page.path, class: 'card-link'}, hisx.pageTitle(page));
      list.append(hisx.el('li', {class: 'card'}, link));
    }
    document.getElementById('home-empty').hidden = pages.length > 0;
  }

  hisx.ready.then(({me, pages}) => {
    render(me, pages);
    document.addEventListener('hisx:language', () => render(me, pages));
  });
})();
