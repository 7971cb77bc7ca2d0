-- Every HIS id becomes opaque text (VARCHAR(100)): HIS products key clinics, doctors, patients
-- and visits by codes ('K01', '007', a user name), not only by whole numbers. Existing rows
-- keep their ids as decimal text; a slot's doctor_key "any doctor" becomes '' instead of 0.
--
-- SQLite cannot change a column's type, and a column declared INTEGER would turn the text
-- '007' into 7, so each table is rebuilt: its rows are copied aside, the table is dropped and
-- created again with text columns, and the rows come back with CAST(... AS TEXT). The store
-- runs with foreign_keys=ON and a migration runs inside one transaction (where that pragma
-- cannot change), so the checks are deferred to the commit: dropping a table that other
-- tables reference leaves their rows orphaned for a moment, and putting the same rows back
-- (same ids) makes them whole again before the commit checks. The AUTOINCREMENT counters are
-- kept, so that no id is handed out twice.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE hisx_appointments_0009_sequence AS SELECT name, seq FROM sqlite_sequence;

-- Clinics of the catalogue (its HIS clinic id is the key).
CREATE TABLE hisx_appointments_0009_clinics AS SELECT * FROM hisx_appointments_clinics;
DROP TABLE hisx_appointments_clinics;
CREATE TABLE hisx_appointments_clinics (
  clinic_id VARCHAR(100) NOT NULL PRIMARY KEY, -- HIS clinic id (profile statement clinic.list)
  channels VARCHAR(100) NOT NULL,           -- accepted channels, comma-separated
  booking_window_days INTEGER NOT NULL,     -- bookable at most this many days ahead
  same_day_cutoff VARCHAR(5),               -- 'HH:MM' local; NULL: until the slot starts
  active INTEGER NOT NULL,                  -- 1: takes bookings
  updated_at VARCHAR(20) NOT NULL,
  updated_by VARCHAR(100) NOT NULL,
  department_id VARCHAR(100)                -- HIS department id (clinic.list); NULL: none
);
INSERT INTO hisx_appointments_clinics (clinic_id, channels, booking_window_days,
  same_day_cutoff, active, updated_at, updated_by, department_id)
SELECT CAST(clinic_id AS TEXT), channels, booking_window_days, same_day_cutoff, active,
  updated_at, updated_by, CAST(department_id AS TEXT) FROM hisx_appointments_0009_clinics;
DROP TABLE hisx_appointments_0009_clinics;

-- Weekly schedule templates.
CREATE TABLE hisx_appointments_0009_templates AS SELECT * FROM hisx_appointments_templates;
DROP TABLE hisx_appointments_templates;
CREATE TABLE hisx_appointments_templates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  clinic_id VARCHAR(100) NOT NULL REFERENCES hisx_appointments_clinics (clinic_id),
  doctor_id VARCHAR(100),                   -- HIS doctor id (doctor.list); NULL: any doctor
  weekday INTEGER NOT NULL,                 -- ISO: 1 = Monday … 7 = Sunday
  start_time VARCHAR(5) NOT NULL,           -- 'HH:MM' local
  end_time VARCHAR(5) NOT NULL,             -- 'HH:MM' local, '24:00' allowed
  slot_minutes INTEGER NOT NULL,
  capacity INTEGER NOT NULL,
  quotas VARCHAR(200) NOT NULL,             -- 'app:30,web:20' (percent of capacity)
  created_at VARCHAR(20) NOT NULL,
  updated_at VARCHAR(20) NOT NULL
);
INSERT INTO hisx_appointments_templates (id, clinic_id, doctor_id, weekday, start_time,
  end_time, slot_minutes, capacity, quotas, created_at, updated_at)
SELECT id, CAST(clinic_id AS TEXT), CAST(doctor_id AS TEXT), weekday, start_time, end_time,
  slot_minutes, capacity, quotas, created_at, updated_at FROM hisx_appointments_0009_templates;
DROP TABLE hisx_appointments_0009_templates;
CREATE INDEX hisx_appointments_templates_clinic ON hisx_appointments_templates (clinic_id);

-- Closures.
CREATE TABLE hisx_appointments_0009_closures AS SELECT * FROM hisx_appointments_closures;
DROP TABLE hisx_appointments_closures;
CREATE TABLE hisx_appointments_closures (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  clinic_id VARCHAR(100),                   -- HIS clinic id; NULL: the whole hospital
  from_date VARCHAR(10) NOT NULL,           -- 'YYYY-MM-DD' local, inclusive
  to_date VARCHAR(10) NOT NULL,             -- 'YYYY-MM-DD' local, inclusive
  reason VARCHAR(500),
  created_at VARCHAR(20) NOT NULL,
  created_by VARCHAR(100) NOT NULL
);
INSERT INTO hisx_appointments_closures (id, clinic_id, from_date, to_date, reason, created_at,
  created_by)
SELECT id, CAST(clinic_id AS TEXT), from_date, to_date, reason, created_at, created_by
  FROM hisx_appointments_0009_closures;
DROP TABLE hisx_appointments_0009_closures;

-- Slots.
CREATE TABLE hisx_appointments_0009_slots AS SELECT * FROM hisx_appointments_slots;
DROP TABLE hisx_appointments_slots;
CREATE TABLE hisx_appointments_slots (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  clinic_id VARCHAR(100) NOT NULL,          -- HIS clinic id
  doctor_id VARCHAR(100),                   -- HIS doctor id; NULL: any doctor
  doctor_key VARCHAR(100) NOT NULL,         -- doctor_id or '': NULLs never collide in a UNIQUE
  template_id INTEGER,                      -- the template it came from (may be deleted since)
  local_date VARCHAR(10) NOT NULL,          -- 'YYYY-MM-DD' in the hospital's time zone
  start_utc VARCHAR(20) NOT NULL,           -- 'YYYY-MM-DDTHH:MM:SSZ'
  end_utc VARCHAR(20) NOT NULL,
  capacity INTEGER NOT NULL,
  booked INTEGER NOT NULL DEFAULT 0,        -- active bookings holding a place
  created_at VARCHAR(20) NOT NULL,
  CHECK (booked >= 0 AND booked <= capacity)
);
INSERT INTO hisx_appointments_slots (id, clinic_id, doctor_id, doctor_key, template_id,
  local_date, start_utc, end_utc, capacity, booked, created_at)
SELECT id, CAST(clinic_id AS TEXT), CAST(doctor_id AS TEXT),
  CASE WHEN doctor_id IS NULL THEN '' ELSE CAST(doctor_id AS TEXT) END, template_id,
  local_date, start_utc, end_utc, capacity, booked, created_at FROM hisx_appointments_0009_slots;
DROP TABLE hisx_appointments_0009_slots;
CREATE UNIQUE INDEX hisx_appointments_slots_unique ON hisx_appointments_slots (clinic_id, doctor_key, start_utc);
CREATE INDEX hisx_appointments_slots_day ON hisx_appointments_slots (clinic_id, local_date);

-- Bookings.
CREATE TABLE hisx_appointments_0009_bookings AS SELECT * FROM hisx_appointments_bookings;
DROP TABLE hisx_appointments_bookings;
CREATE TABLE hisx_appointments_bookings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  patient_id VARCHAR(100) NOT NULL,         -- HIS patient id (patient.get)
  slot_id INTEGER NOT NULL REFERENCES hisx_appointments_slots (id),
  clinic_id VARCHAR(100) NOT NULL,          -- copied from the slot
  doctor_id VARCHAR(100),                   -- copied from the slot
  start_utc VARCHAR(20) NOT NULL,           -- copied from the slot, for the overlap check
  end_utc VARCHAR(20) NOT NULL,
  channel VARCHAR(10) NOT NULL,             -- app, web, phone, reexam, walkin
  status VARCHAR(12) NOT NULL,              -- requested, confirmed, checked_in, completed, cancelled, no_show
  priority INTEGER NOT NULL,
  reason VARCHAR(500),
  created_by VARCHAR(100) NOT NULL,         -- principal id
  created_at VARCHAR(20) NOT NULL,
  updated_at VARCHAR(20) NOT NULL,
  cancel_reason VARCHAR(500),
  cancelled_by VARCHAR(100),
  checked_in_at VARCHAR(20),
  checked_in_by VARCHAR(100),
  queue_day VARCHAR(10),
  queue_number INTEGER
);
INSERT INTO hisx_appointments_bookings (id, patient_id, slot_id, clinic_id, doctor_id,
  start_utc, end_utc, channel, status, priority, reason, created_by, created_at, updated_at,
  cancel_reason, cancelled_by, checked_in_at, checked_in_by, queue_day, queue_number)
SELECT id, CAST(patient_id AS TEXT), slot_id, CAST(clinic_id AS TEXT), CAST(doctor_id AS TEXT),
  start_utc, end_utc, channel, status, priority, reason, created_by, created_at, updated_at,
  cancel_reason, cancelled_by, checked_in_at, checked_in_by, queue_day, queue_number
  FROM hisx_appointments_0009_bookings;
DROP TABLE hisx_appointments_0009_bookings;
CREATE INDEX hisx_appointments_bookings_patient ON hisx_appointments_bookings (patient_id, start_utc);
CREATE INDEX hisx_appointments_bookings_slot ON hisx_appointments_bookings (slot_id);
CREATE UNIQUE INDEX hisx_appointments_bookings_queue ON hisx_appointments_bookings (clinic_id, queue_day, queue_number);

-- The per-patient lock rows.
CREATE TABLE hisx_appointments_0009_patient_locks AS SELECT * FROM hisx_appointments_patient_locks;
DROP TABLE hisx_appointments_patient_locks;
CREATE TABLE hisx_appointments_patient_locks (
  patient_id VARCHAR(100) NOT NULL PRIMARY KEY,
  touched_at VARCHAR(20) NOT NULL
);
INSERT INTO hisx_appointments_patient_locks (patient_id, touched_at)
SELECT CAST(patient_id AS TEXT), touched_at FROM hisx_appointments_0009_patient_locks;
DROP TABLE hisx_appointments_0009_patient_locks;

-- Re-examination orders.
CREATE TABLE hisx_appointments_0009_reexams AS SELECT * FROM hisx_appointments_reexams;
DROP TABLE hisx_appointments_reexams;
CREATE TABLE hisx_appointments_reexams (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  patient_id VARCHAR(100) NOT NULL,         -- HIS patient id (patient.get)
  clinic_id VARCHAR(100) NOT NULL,          -- HIS clinic id, a bookable clinic
  doctor_id VARCHAR(100),                   -- HIS doctor id, when the order names one
  visit_id VARCHAR(100),                    -- the HIS visit it was ordered from, if given
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
INSERT INTO hisx_appointments_reexams (id, patient_id, clinic_id, doctor_id, visit_id,
  first_due_date, window_before_days, window_after_days, interval_days, occurrences, note,
  status, ordered_by, created_at, updated_at, cancel_reason, cancelled_by)
SELECT id, CAST(patient_id AS TEXT), CAST(clinic_id AS TEXT), CAST(doctor_id AS TEXT),
  CAST(visit_id AS TEXT), first_due_date, window_before_days, window_after_days, interval_days,
  occurrences, note, status, ordered_by, created_at, updated_at, cancel_reason, cancelled_by
  FROM hisx_appointments_0009_reexams;
DROP TABLE hisx_appointments_0009_reexams;
CREATE INDEX hisx_appointments_reexams_patient ON hisx_appointments_reexams (patient_id);

-- Queue counters.
CREATE TABLE hisx_appointments_0009_queue_counters AS SELECT * FROM hisx_appointments_queue_counters;
DROP TABLE hisx_appointments_queue_counters;
CREATE TABLE hisx_appointments_queue_counters (
  clinic_id VARCHAR(100) NOT NULL,          -- HIS clinic id
  day VARCHAR(10) NOT NULL,                 -- local YYYY-MM-DD
  last_number INTEGER NOT NULL,
  PRIMARY KEY (clinic_id, day)
);
INSERT INTO hisx_appointments_queue_counters (clinic_id, day, last_number)
SELECT CAST(clinic_id AS TEXT), day, last_number FROM hisx_appointments_0009_queue_counters;
DROP TABLE hisx_appointments_0009_queue_counters;

-- The AUTOINCREMENT counters as they were (a dropped table loses its counter).
DELETE FROM sqlite_sequence WHERE name IN (SELECT name FROM hisx_appointments_0009_sequence);
INSERT INTO sqlite_sequence (name, seq) SELECT name, seq FROM hisx_appointments_0009_sequence;
DROP TABLE hisx_appointments_0009_sequence;
