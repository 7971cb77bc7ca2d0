-- fast_lane's queue. Times are UTC text "YYYY-MM-DDTHH:MM:SSZ", days the hospital's local
-- dates "YYYY-MM-DD"; HIS ids are opaque text. Tickets are never deleted: they are the wait
-- and service times of every lane and window.

-- The cashier windows (quầy thu ngân). mode: fast (calls the fast lane only), regular, or
-- mixed (interleaves the lanes fast_share : regular_share). position is where a mixed window
-- stands in that cycle.
CREATE TABLE hisx_fast_lane_windows (
  code VARCHAR(20) PRIMARY KEY,               -- "Q1", as staff and the board name it
  name VARCHAR(100) NOT NULL,                 -- "Quầy 1"
  mode VARCHAR(10) NOT NULL,
  fast_share INTEGER NOT NULL DEFAULT 2,
  regular_share INTEGER NOT NULL DEFAULT 1,
  position INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,          -- 0: closed, shown nowhere, calls nothing
  updated_at VARCHAR(20) NOT NULL,
  updated_by VARCHAR(64) NOT NULL,
  CHECK (mode IN ('fast', 'regular', 'mixed')),
  CHECK (fast_share BETWEEN 1 AND 20 AND regular_share BETWEEN 1 AND 20)
);

-- Per local day and lane: the last ticket number given and the calls made. Each issue and
-- call updates its row in the transaction that uses it, so numbers never repeat across hosts.
CREATE TABLE hisx_fast_lane_counters (
  day VARCHAR(10) NOT NULL,
  lane VARCHAR(10) NOT NULL,
  issued INTEGER NOT NULL DEFAULT 0,
  calls INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, lane)
);

-- Tickets. status: waiting, called (at window_code), served, no_show. A skipped ticket waits
-- again but is not called before the lane's calls reach returns_at_call. label keeps the
-- number it was issued with (U003) when it is transferred to the other lane.
CREATE TABLE hisx_fast_lane_tickets (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  day VARCHAR(10) NOT NULL,
  label VARCHAR(12) NOT NULL,
  lane VARCHAR(10) NOT NULL,
  priority_group VARCHAR(20),                 -- app, child, elderly, …; NULL: regular
  priority INTEGER NOT NULL,
  source VARCHAR(10) NOT NULL,                -- checkin, desk, kiosk
  patient_id VARCHAR(100),
  booking_id BIGINT,
  booking_code VARCHAR(40),
  status VARCHAR(10) NOT NULL DEFAULT 'waiting',
  returns_at_call INTEGER NOT NULL DEFAULT 0,
  window_code VARCHAR(20),
  issued_at VARCHAR(20) NOT NULL,
  issued_by VARCHAR(64) NOT NULL,
  called_at VARCHAR(20),                      -- the first call: the end of the wait
  last_called_at VARCHAR(20),
  ended_at VARCHAR(20),                       -- served or no-show: the end of the service
  ended_by VARCHAR(64),
  calls INTEGER NOT NULL DEFAULT 0,
  recalls INTEGER NOT NULL DEFAULT 0,
  skips INTEGER NOT NULL DEFAULT 0,
  transfers INTEGER NOT NULL DEFAULT 0,
  UNIQUE (day, label),
  CHECK (lane IN ('fast', 'regular')),
  CHECK (status IN ('waiting', 'called', 'served', 'no_show')),
  CHECK (status <> 'called' OR window_code IS NOT NULL)
);
-- One ticket at a time at a window; one ticket per booking (a redelivered check-in adds none).
CREATE UNIQUE INDEX hisx_fast_lane_tickets_window ON hisx_fast_lane_tickets (window_code)
  WHERE status = 'called';
CREATE UNIQUE INDEX hisx_fast_lane_tickets_booking ON hisx_fast_lane_tickets (booking_id)
  WHERE booking_id IS NOT NULL;
CREATE INDEX hisx_fast_lane_tickets_queue ON hisx_fast_lane_tickets (day, lane, status);
CREATE INDEX hisx_fast_lane_tickets_patient ON hisx_fast_lane_tickets (patient_id, day);

-- Every call and recall, in order: what the board shows and announces.
CREATE TABLE hisx_fast_lane_calls (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id BIGINT NOT NULL REFERENCES hisx_fast_lane_tickets (id),
  window_code VARCHAR(20) NOT NULL,
  recall INTEGER NOT NULL DEFAULT 0,
  called_at VARCHAR(20) NOT NULL,
  called_by VARCHAR(64) NOT NULL
);
CREATE INDEX hisx_fast_lane_calls_ticket ON hisx_fast_lane_calls (ticket_id);
