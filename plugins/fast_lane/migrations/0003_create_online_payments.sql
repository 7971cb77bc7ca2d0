-- Online payment from the app: a payment intent for chosen open charges, paid through the
-- payment gateway and confirmed by its signed webhook, which makes the payment (method
-- prepaid) with its receipt.

-- Intents. reference is what the transfer or the gateway carries back (VietQR tag 62/08).
-- status: open (waiting for the gateway), paid (its payment is payment_id) or conflict (the
-- gateway took the money but the charges were paid meanwhile: staff must refund).
-- flagged_at: the reconciliation job found it unconfirmed after reconcile_after_minutes.
CREATE TABLE hisx_fast_lane_intents (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  patient_id VARCHAR(100) NOT NULL,
  patient_code VARCHAR(100) NOT NULL,
  patient_name VARCHAR(200) NOT NULL,
  app_account VARCHAR(100),
  amount BIGINT NOT NULL,
  reference VARCHAR(25) NOT NULL UNIQUE,
  status VARCHAR(10) NOT NULL DEFAULT 'open',
  created_at VARCHAR(20) NOT NULL,
  created_by VARCHAR(64) NOT NULL,
  paid_at VARCHAR(20),
  provider VARCHAR(40),
  provider_transaction VARCHAR(200),
  payment_id BIGINT,
  flagged_at VARCHAR(20),
  flag_reason VARCHAR(300),
  CHECK (status IN ('open', 'paid', 'conflict'))
);
CREATE INDEX hisx_fast_lane_intents_open ON hisx_fast_lane_intents (status, created_at);
CREATE INDEX hisx_fast_lane_intents_patient ON hisx_fast_lane_intents (patient_id, id);

-- The charges and lines an intent pays, as the HIS listed them when it was made.
CREATE TABLE hisx_fast_lane_intent_lines (
  intent_id BIGINT NOT NULL REFERENCES hisx_fast_lane_intents (id),
  position INTEGER NOT NULL,
  charge_id VARCHAR(100) NOT NULL,
  line_id VARCHAR(100) NOT NULL,
  service_name VARCHAR(300) NOT NULL,
  quantity VARCHAR(20) NOT NULL,
  total BIGINT NOT NULL,
  insurance_share BIGINT NOT NULL,
  patient_share BIGINT NOT NULL,
  charge_total BIGINT NOT NULL,
  charge_insurance_share BIGINT NOT NULL,
  charge_patient_share BIGINT NOT NULL,
  PRIMARY KEY (intent_id, position)
);

-- Every webhook event received, once per provider and event id: a replay is recognised and
-- changes nothing. outcome: paid, conflict, unmatched (no intent has its reference),
-- mismatch (the amount differs) or ignored (a type hisx does not act on).
CREATE TABLE hisx_fast_lane_webhook_events (
  provider VARCHAR(40) NOT NULL,
  event_id VARCHAR(200) NOT NULL,
  type VARCHAR(40) NOT NULL,
  reference VARCHAR(100),
  amount BIGINT,
  transaction_id VARCHAR(200),
  received_at VARCHAR(20) NOT NULL,
  outcome VARCHAR(20) NOT NULL,
  intent_id BIGINT,
  flagged_at VARCHAR(20),
  PRIMARY KEY (provider, event_id)
);
CREATE INDEX hisx_fast_lane_webhook_events_outcome ON hisx_fast_lane_webhook_events (outcome, flagged_at);
