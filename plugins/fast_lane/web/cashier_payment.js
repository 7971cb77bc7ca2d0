// A payment that is never lost nor made twice: the page gives it an Idempotency-Key
// (crypto.randomUUID()) and keeps the key with the request body in localStorage until it has
// the server's answer. After a reload or a lost connection the same request goes again with
// the same key; the server answers its first answer and pays nothing more.
// window.cashierPayment; loaded after fast_lane_page.js.
(function () {
  'use strict';

  const {postOnce, store} = window.fastLane;
  const PENDING_KEY = 'hisx.fast_lane.pending_payment';
  const PATH = '/api/v1/fast-lane/payments';

  // The payment waiting for its answer: {key, body, started_at}, or null.
  function pending() {
    const text = store.get(PENDING_KEY);
    if (!text) return null;
    try {
      const entry = JSON.parse(text);
      return entry && entry.key && entry.body ? entry : null;
    } catch (e) {
      return null;
    }
  }

  // Keeps `body` with a new key before anything is sent; answers the entry to send().
  function begin(body) {
    const entry = {key: crypto.randomUUID(), body, started_at: new Date().toISOString()};
    store.set(PENDING_KEY, JSON.stringify(entry));
    return entry;
  }

  // No network answer, or the server failed before answering for good: the same key is safe
  // to send again.
  function mayRetry(error) {
    return !(error instanceof window.hisx.ApiError) || error.status >= 500 || error.status === 401;
  }

  // Sends `entry`; the entry is forgotten once the server answered (paid or refused), kept
  // when the answer did not come. Resolves to the payment; rejects as postOnce().
  async function send(entry) {
    try {
      const payment = await postOnce(PATH, entry.body, entry.key);
      store.set(PENDING_KEY, null);
      return payment;
    } catch (error) {
      if (!mayRetry(error)) store.set(PENDING_KEY, null);
      throw error;
    }
  }

  window.cashierPayment = {pending, begin, send, mayRetry};
})();
