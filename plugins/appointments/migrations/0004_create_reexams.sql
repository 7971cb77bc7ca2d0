-- Re-examination orders (W4): a doctor's order that a patient come back, once or on a
-- recurrence, each occurrence ("due") with its acceptable window, the booking that holds it
-- and the reminders sent for it.
CREATE TABLE hisx_appointments_reexams (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  patient_id INTEGER NOT NULL,              -- HIS patient id (patient.get)
  clinic_id INTEGER NOT NULL,               -- HIS clinic id, a bookable clinic
  doctor_id INTEGER,                        -- HIS doctor id, when the order names one
  visit_id INTEGER,                         -- the HIS visit it was ordered from, if given
  first_due_date VARCHAR(10) NOT NULL,      -- local date of the first occurrence
  window_before_days INTEGER NOT NULL,      -- the patient may come this many days early …
  window_after_days INTEGER NOT NULL,       -- … or this many days late
  interval_days INTEGER,                    -- recurrence: days between occurrences (NULL: once)
  occurrences INTEGER NOT NULL,             -- how many occurrences (1 when not recurring)
  note VARCHAR(500),
  status VARCHAR(12) NOT NULL,              -- active, completed, cancelled
  ordered_by VARCHAR(100) NOT NULL,         -- principal id
  created_at VARCHAR(20) NOT NULL,
  updated_at VARCHAR(20) NOT NULL,
  cancel_reason VARCHAR(500),
  cancelled_by VARCHAR(100),
  CHECK (occurrences >= 1),
  CHECK (window_before_days >= 0 AND window_after_days >= 0)
);

CREATE INDEX hisx_appointments_reexams_patient ON hisx_appointments_reexams (patient_id);

CREATE TABLE hisx_appointments_reexam_dues (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  reexam_id INTEGER NOT NULL REFERENCES hisx_appointments_reexams (id),
  seq INTEGER NOT NULL,                     -- 1 … occurrences
  due_date VARCHAR(10) NOT NULL,            -- local YYYY-MM-DD
  window_start VARCHAR(10) NOT NULL,        -- local, inclusive
  window_end VARCHAR(10) NOT NULL,          -- local, inclusive
  status VARCHAR(12) NOT NULL,              -- open, booked, done, missed, cancelled
  booking_id INTEGER REFERENCES hisx_appointments_bookings (id),
  updated_at VARCHAR(20) NOT NULL,
  UNIQUE (reexam_id, seq)
);

CREATE INDEX hisx_appointments_reexam_dues_window ON hisx_appointments_reexam_dues (status, window_start);

CREATE INDEX hisx_appointments_reexam_dues_booking ON hisx_appointments_reexam_dues (booking_id);

CREATE TABLE hisx_appointments_reminders (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  due_id INTEGER NOT NULL REFERENCES hisx_appointments_reexam_dues (id),
  offset_days INTEGER NOT NULL,             -- sent this many days before the date
  send_at VARCHAR(20) NOT NULL,             -- UTC, when it was due to go out
  state VARCHAR(12) NOT NULL,               -- queued (handed to the notifier), skipped
  message_id VARCHAR(64),                   -- the notifier's id: its delivery state lives there
  detail VARCHAR(500),                      -- why it was skipped (no phone, …)
  created_at VARCHAR(20) NOT NULL,
  UNIQUE (due_id, offset_days)
);
