-- Bookings, their history, the per-patient lock rows and the Idempotency-Key answers.
CREATE TABLE hisx_appointments_bookings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  patient_id INTEGER NOT NULL,              -- HIS patient id (patient.get)
  slot_id INTEGER NOT NULL REFERENCES hisx_appointments_slots (id),
  clinic_id INTEGER NOT NULL,               -- copied from the slot
  doctor_id INTEGER,                        -- copied from the slot
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
  cancelled_by VARCHAR(100)
);

CREATE INDEX hisx_appointments_bookings_patient ON hisx_appointments_bookings (patient_id, start_utc);

CREATE INDEX hisx_appointments_bookings_slot ON hisx_appointments_bookings (slot_id);

CREATE TABLE hisx_appointments_booking_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  booking_id INTEGER NOT NULL REFERENCES hisx_appointments_bookings (id),
  at VARCHAR(20) NOT NULL,
  action VARCHAR(20) NOT NULL,              -- book, confirm, cancel, reschedule, …
  from_status VARCHAR(12),
  to_status VARCHAR(12) NOT NULL,
  from_slot_id INTEGER,
  to_slot_id INTEGER,
  by_principal VARCHAR(100) NOT NULL,
  reason VARCHAR(500)
);

CREATE INDEX hisx_appointments_booking_history_booking ON hisx_appointments_booking_history (booking_id);

-- One row per patient who ever booked; a booking transaction upserts it first, which
-- serialises the bookings of one patient (see booking_store.h).
CREATE TABLE hisx_appointments_patient_locks (
  patient_id INTEGER PRIMARY KEY,
  touched_at VARCHAR(20) NOT NULL
);

CREATE TABLE hisx_appointments_idempotency (
  principal VARCHAR(100) NOT NULL,          -- the caller the key belongs to
  idem_key VARCHAR(200) NOT NULL,           -- the Idempotency-Key header
  request TEXT NOT NULL,                    -- the normalised request
  status INTEGER,                           -- the answer; NULL only inside the claiming transaction
  response TEXT,
  booking_id INTEGER,
  created_at VARCHAR(20) NOT NULL,
  PRIMARY KEY (principal, idem_key)
);
