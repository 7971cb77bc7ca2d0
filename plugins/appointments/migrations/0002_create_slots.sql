-- Slots generated from the templates, with their capacity and per-channel counts. Capacity
-- is enforced by conditional updates (booked < capacity) inside the booking transaction; the
-- CHECKs are a backstop that no code path can get past.
CREATE TABLE hisx_appointments_slots (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  clinic_id INTEGER NOT NULL,               -- HIS clinic id
  doctor_id INTEGER,                        -- HIS doctor id; NULL: any doctor
  doctor_key INTEGER NOT NULL,              -- doctor_id or 0: NULLs never collide in a UNIQUE
  template_id INTEGER,                      -- the template it came from (may be deleted since)
  local_date VARCHAR(10) NOT NULL,          -- 'YYYY-MM-DD' in the hospital's time zone
  start_utc VARCHAR(20) NOT NULL,           -- 'YYYY-MM-DDTHH:MM:SSZ'
  end_utc VARCHAR(20) NOT NULL,
  capacity INTEGER NOT NULL,
  booked INTEGER NOT NULL DEFAULT 0,        -- active bookings holding a place
  created_at VARCHAR(20) NOT NULL,
  CHECK (booked >= 0 AND booked <= capacity)
);

CREATE UNIQUE INDEX hisx_appointments_slots_unique ON hisx_appointments_slots (clinic_id, doctor_key, start_utc);

CREATE INDEX hisx_appointments_slots_day ON hisx_appointments_slots (clinic_id, local_date);

CREATE TABLE hisx_appointments_slot_channels (
  slot_id INTEGER NOT NULL REFERENCES hisx_appointments_slots (id),
  channel VARCHAR(10) NOT NULL,
  quota INTEGER,                            -- most places this channel may hold; NULL: no quota
  booked INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (slot_id, channel),
  CHECK (booked >= 0 AND (quota IS NULL OR booked <= quota))
);
