-- Check-in at the reception desk (W5): when and by whom a booking was checked in, its number
-- in the clinic's queue of the day, and the counters those numbers come from.
ALTER TABLE hisx_appointments_bookings ADD COLUMN checked_in_at VARCHAR(20);

ALTER TABLE hisx_appointments_bookings ADD COLUMN checked_in_by VARCHAR(100);

ALTER TABLE hisx_appointments_bookings ADD COLUMN queue_day VARCHAR(10);

ALTER TABLE hisx_appointments_bookings ADD COLUMN queue_number INTEGER;

-- One holder per number, clinic and local day (rows without a number do not count): backs up
-- the counter below.
CREATE UNIQUE INDEX hisx_appointments_bookings_queue ON hisx_appointments_bookings (clinic_id, queue_day, queue_number);

-- The last queue number handed out per clinic and local day. A check-in takes the next one
-- with one upsert in its own transaction: the row's lock orders concurrent check-ins on any
-- host, and a rolled-back check-in gives its number back.
CREATE TABLE hisx_appointments_queue_counters (
  clinic_id INTEGER NOT NULL,               -- HIS clinic id
  day VARCHAR(10) NOT NULL,                 -- local YYYY-MM-DD
  last_number INTEGER NOT NULL,
  PRIMARY KEY (clinic_id, day)
);
