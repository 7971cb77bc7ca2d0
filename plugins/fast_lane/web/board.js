// The waiting-room board: the number being served at each window and the next numbers of each
// lane, polled about every second. Each new call (an id above the last one seen) is highlighted
// and, when the browser has a Vietnamese voice, announced: "Mời số U003 đến quầy Q1". It
// authenticates with the device credential of this screen (/shell/device.js, opened once as
// board.html#device=hisxdev_…) or a staff session; without one it says what is needed.
(function () {
  'use strict';

  const i18n = window.hisx.i18n;
  const {mode, call, el} = window.fastLaneScreen;
  const POLL_MS = 1000;
  const HIGHLIGHT_MS = 10000;
  const $ = (id) => document.getElementById(id);

  let lastSeen = null;  // last_call_id already shown (null before the first answer)
  let stopped = false;
  let timer = null;
  const highlighted = new Map();  // window code → time its highlight ends

  function vietnameseVoice() {
    if (!('speechSynthesis' in window)) return null;
    return window.speechSynthesis.getVoices().find((v) => (v.lang || '').toLowerCase().startsWith('vi')) || null;
  }

  // Says the call aloud, only with a Vietnamese voice (nothing otherwise).
  function announce(callItem) {
    const voice = vietnameseVoice();
    if (!voice) return;
    const utterance = new SpeechSynthesisUtterance(`Mời số ${callItem.label} đến quầy ${callItem.window}`);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    window.speechSynthesis.speak(utterance);
  }

  function renderWindows(board) {
    const now = Date.now();
    $('windows').replaceChildren(...board.windows.map((w) => {
      const current = w.current;
      const lit = (highlighted.get(w.code) || 0) > now;
      return el('li', {class: `board-window${lit ? ' is-called' : ''}`, 'data-window': w.code},
        el('p', {class: 'window-name'}, w.name),
        el('p', {class: `window-number${current && current.lane === 'fast' ? ' is-fast' : ''}`},
          current ? current.label : '—'));
    }));
  }

  function renderNext(board) {
    for (const lane of ['fast', 'regular']) {
      const list = board.next[lane] || [];
      const target = $(`next-${lane}`);
      if (list.length === 0) {
        i18n.set(target, 'board.none');
      } else {
        delete target.dataset.i18n;
        target.replaceChildren(...list.map((label) => el('span', {class: 'next-number'}, label)));
      }
    }
  }

  function render(board) {
    $('hospital').textContent = board.hospital_name;
    const fresh = lastSeen === null ? [] : board.calls.filter((c) => c.id > lastSeen).sort((a, b) => a.id - b.id);
    for (const c of fresh) highlighted.set(c.window, Date.now() + HIGHLIGHT_MS);
    lastSeen = Math.max(lastSeen || 0, board.last_call_id);
    renderWindows(board);
    renderNext(board);
    for (const c of fresh) {
      try {
        announce(c);
      } catch (error) {
        console.warn('hisx: the call could not be spoken', error);
      }
    }
  }

  function showMissing() {
    stopped = true;
    clearTimeout(timer);
    i18n.set($('board-missing-text'), 'board.credential_needed');
    $('board-missing').hidden = false;
    document.body.dataset.state = 'missing';
  }

  async function poll() {
    if (stopped) return;
    try {
      render(await call('/api/v1/fast-lane/board'));
      i18n.set($('board-status'), 'board.live');
      document.body.dataset.state = 'live';
    } catch (error) {
      if (error && error.status === 401) return;  // hisx:device-missing has stopped the board
      i18n.set($('board-status'), error && error.status ? 'board.refused' : 'board.offline');
    }
    if (!stopped) timer = setTimeout(poll, POLL_MS);
  }

  function tick() {
    const now = new Date();
    const two = (n) => String(n).padStart(2, '0');
    $('clock').textContent = `${two(now.getHours())}:${two(now.getMinutes())}`;
  }

  document.addEventListener('hisx:device-missing', showMissing);
  i18n.ready.then(() => {
    i18n.apply(document);
    document.documentElement.classList.remove('hisx-loading');
    tick();
    setInterval(tick, 10000);
    if ('speechSynthesis' in window) window.speechSynthesis.getVoices();  // starts loading them
    if (mode() === null) {
      showMissing();
      return;
    }
    poll();
  });
})();
