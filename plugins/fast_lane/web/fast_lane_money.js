// Amounts in whole VND as the fast_lane pages write and read them: "150.000 đ", and what a
// cashier types ("150.000", "150000", "150 000") back to a number. window.fastLaneMoney; loaded
// by every fast_lane page (with or without the shell).
(function () {
  'use strict';

  // 150000 → "150.000 đ" (Vietnamese grouping by dots, whatever the page's language).
  function format(amount) {
    if (amount === null || amount === undefined || Number.isNaN(Number(amount))) return '—';
    const n = Math.round(Number(amount));
    const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return `${n < 0 ? '−' : ''}${digits} đ`;
  }

  // "150.000" → 150000; null when there is no digit or something other than digits and
  // grouping (dots, spaces, commas, "đ").
  function parse(text) {
    const cleaned = String(text || '').replace(/[.\s,đ]/g, '');
    if (!/^\d{1,13}$/.test(cleaned)) return null;
    return Number(cleaned);
  }

  window.fastLaneMoney = {format, parse};
})();
