-- fast_lane's money. Amounts are whole VND. Nothing here is edited after the fact or deleted:
-- a payment stands once written; a correction is a reversal entry of its own, requested by one
-- person with a reason and approved by another.

-- Receipt books (quyển biên lai): per book and local calendar year, the last number given.
-- Each receipt updates its row in the payment's transaction, so numbers follow one another
-- without a gap or a repeat across hosts.
CREATE TABLE hisx_fast_lane_receipt_books (
  book VARCHAR(8) NOT NULL,
  year INTEGER NOT NULL,
  last_sequence BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (book, year)
);

-- Cashier shifts (ca thu ngân). open_cashier is the cashier while the shift is open and NULL
-- once it is closed: the UNIQUE constraint keeps one open shift per cashier.
CREATE TABLE hisx_fast_lane_shifts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  cashier VARCHAR(64) NOT NULL,               -- principal id
  cashier_name VARCHAR(200) NOT NULL,
  open_cashier VARCHAR(64) UNIQUE,
  window_code VARCHAR(20),
  opening_float BIGINT NOT NULL,
  opened_at VARCHAR(20) NOT NULL,
  closed_at VARCHAR(20),
  counted_cash BIGINT,
  counted_card BIGINT,
  counted_transfer BIGINT,
  counted_prepaid BIGINT,
  close_note VARCHAR(500),
  CHECK ((open_cashier IS NULL) = (closed_at IS NOT NULL))
);

-- Payments: a patient's share of one or more HIS charges, paid once. his_state: recorded (the
-- HIS has it, through payment.record), pending (waiting in the outbox for the HIS) or
-- conflict (the HIS refused it: it had the charge paid already; staff must look).
CREATE TABLE hisx_fast_lane_payments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  patient_id VARCHAR(100) NOT NULL,
  patient_code VARCHAR(100) NOT NULL,
  patient_name VARCHAR(200) NOT NULL,
  amount BIGINT NOT NULL,
  method VARCHAR(10) NOT NULL,
  tendered BIGINT,                            -- cash only
  change_due BIGINT,                          -- cash only
  reference VARCHAR(100),                     -- card terminal, transfer or gateway reference
  intent_id BIGINT,                           -- the app's payment intent (prepaid)
  receipt_no VARCHAR(40) NOT NULL UNIQUE,
  status VARCHAR(10) NOT NULL DEFAULT 'completed',
  his_state VARCHAR(10) NOT NULL,
  his_note VARCHAR(500),
  his_recorded_at VARCHAR(20),
  window_code VARCHAR(20),
  ticket_id BIGINT,
  shift_id BIGINT REFERENCES hisx_fast_lane_shifts (id),  -- NULL: paid online (no drawer)
  paid_at VARCHAR(20) NOT NULL,
  paid_by VARCHAR(64) NOT NULL,
  paid_by_name VARCHAR(200) NOT NULL,
  day VARCHAR(10) NOT NULL,
  prints INTEGER NOT NULL DEFAULT 0,
  CHECK (method IN ('cash', 'card', 'transfer', 'prepaid')),
  CHECK (status IN ('completed', 'reversed')),
  CHECK (his_state IN ('recorded', 'pending', 'conflict'))
);
CREATE INDEX hisx_fast_lane_payments_day ON hisx_fast_lane_payments (day, id);
CREATE INDEX hisx_fast_lane_payments_patient ON hisx_fast_lane_payments (patient_id, id);
CREATE INDEX hisx_fast_lane_payments_shift ON hisx_fast_lane_payments (shift_id);

-- The charges a payment paid. paid_charge_id is the charge's HIS id while the payment stands
-- and NULL once it is reversed: the UNIQUE constraint is what keeps a charge from being paid
-- twice, by two windows at once or on two hosts.
CREATE TABLE hisx_fast_lane_payment_charges (
  payment_id BIGINT NOT NULL REFERENCES hisx_fast_lane_payments (id),
  charge_id VARCHAR(100) NOT NULL,
  paid_charge_id VARCHAR(100) UNIQUE,
  total BIGINT NOT NULL,
  insurance_share BIGINT NOT NULL,
  patient_share BIGINT NOT NULL,
  PRIMARY KEY (payment_id, charge_id)
);

-- The service lines as the receipt prints them.
CREATE TABLE hisx_fast_lane_payment_lines (
  payment_id BIGINT NOT NULL REFERENCES hisx_fast_lane_payments (id),
  position INTEGER NOT NULL,
  charge_id VARCHAR(100) NOT NULL,
  line_id VARCHAR(100) NOT NULL,
  service_name VARCHAR(300) NOT NULL,
  quantity VARCHAR(20) NOT NULL,
  total BIGINT NOT NULL,
  insurance_share BIGINT NOT NULL,
  patient_share BIGINT NOT NULL,
  PRIMARY KEY (payment_id, position)
);

-- Reversals (phiếu hủy): requested with a reason, approved or rejected by a second person.
-- open_payment_id is the payment while the reversal is requested or approved, NULL once
-- rejected: at most one standing reversal per payment.
CREATE TABLE hisx_fast_lane_reversals (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  payment_id BIGINT NOT NULL REFERENCES hisx_fast_lane_payments (id),
  open_payment_id BIGINT UNIQUE,
  status VARCHAR(10) NOT NULL DEFAULT 'requested',
  reason VARCHAR(500) NOT NULL,
  requested_by VARCHAR(64) NOT NULL,
  requested_by_name VARCHAR(200) NOT NULL,
  requested_at VARCHAR(20) NOT NULL,
  shift_id BIGINT REFERENCES hisx_fast_lane_shifts (id),  -- the requester's: the refund's drawer
  decided_by VARCHAR(64),
  decided_by_name VARCHAR(200),
  decided_at VARCHAR(20),
  decision_note VARCHAR(500),
  receipt_no VARCHAR(40) UNIQUE,              -- the reversal's own number, once approved
  his_state VARCHAR(10),                      -- recorded, pending, conflict or manual
  his_note VARCHAR(500),
  CHECK (status IN ('requested', 'approved', 'rejected'))
);
CREATE INDEX hisx_fast_lane_reversals_status ON hisx_fast_lane_reversals (status, id);
