-- Which HIS clinic rooms take bookings, their weekly schedule templates and their closures.
CREATE TABLE hisx_appointments_clinics (
  clinic_id INTEGER PRIMARY KEY,            -- HIS clinic id (profile statement clinic.list)
  channels VARCHAR(100) NOT NULL,           -- accepted channels, comma-separated
  booking_window_days INTEGER NOT NULL,     -- bookable at most this many days ahead
  same_day_cutoff VARCHAR(5),               -- 'HH:MM' local; NULL: until the slot starts
  active INTEGER NOT NULL,                  -- 1: takes bookings
  updated_at VARCHAR(20) NOT NULL,
  updated_by VARCHAR(100) NOT NULL
);

CREATE TABLE hisx_appointments_templates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  clinic_id INTEGER NOT NULL REFERENCES hisx_appointments_clinics (clinic_id),
  doctor_id INTEGER,                        -- HIS doctor id (doctor.list); NULL: any doctor
  weekday INTEGER NOT NULL,                 -- ISO: 1 = Monday … 7 = Sunday
  start_time VARCHAR(5) NOT NULL,           -- 'HH:MM' local
  end_time VARCHAR(5) NOT NULL,             -- 'HH:MM' local, '24:00' allowed
  slot_minutes INTEGER NOT NULL,
  capacity INTEGER NOT NULL,
  quotas VARCHAR(200) NOT NULL,             -- 'app:30,web:20' (percent of capacity)
  created_at VARCHAR(20) NOT NULL,
  updated_at VARCHAR(20) NOT NULL
);

CREATE INDEX hisx_appointments_templates_clinic ON hisx_appointments_templates (clinic_id);

CREATE TABLE hisx_appointments_closures (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  clinic_id INTEGER,                        -- NULL: the whole hospital
  from_date VARCHAR(10) NOT NULL,           -- 'YYYY-MM-DD' local, inclusive
  to_date VARCHAR(10) NOT NULL,             -- 'YYYY-MM-DD' local, inclusive
  reason VARCHAR(500),
  created_at VARCHAR(20) NOT NULL,
  created_by VARCHAR(100) NOT NULL
);
