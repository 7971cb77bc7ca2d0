-- The outgoing HL7 queue: one SIU message per appointment event, written in the event's
-- delivery transaction and sent by the sender job. A message is never deleted.
CREATE TABLE hisx_hl7_messages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,       -- the sending order
  event_id VARCHAR(64) NOT NULL UNIQUE,       -- the event it was made from (one message each)
  event_name VARCHAR(64) NOT NULL,            -- e.g. appointment.booked
  trigger_event VARCHAR(3) NOT NULL,          -- S12, S13, S15, S26
  control_id VARCHAR(20) NOT NULL,            -- MSH-10, from the event id; the same on every attempt
  booking_id INTEGER NOT NULL,                -- hisx's booking
  booking_code VARCHAR(32) NOT NULL,
  patient_id VARCHAR(64) NOT NULL,            -- the HIS patient (order is kept per patient)
  start_at VARCHAR(20),                       -- UTC, the appointment's start when known
  message TEXT NOT NULL,                      -- the whole message, segments ended by CR
  state VARCHAR(10) NOT NULL,                 -- queued, sent, acked, retrying, failed
  attempts INTEGER NOT NULL DEFAULT 0,
  ack_code VARCHAR(2),                        -- MSA-1 of the last ACK
  last_error VARCHAR(1000),
  created_at VARCHAR(20) NOT NULL,            -- UTC
  next_attempt_at VARCHAR(20) NOT NULL,       -- UTC, when it is due (again)
  last_attempt_at VARCHAR(20),                -- UTC
  acked_at VARCHAR(20),                       -- UTC
  CHECK (state IN ('queued', 'sent', 'acked', 'retrying', 'failed'))
);

CREATE INDEX hisx_hl7_messages_due ON hisx_hl7_messages (state, next_attempt_at);

CREATE INDEX hisx_hl7_messages_patient ON hisx_hl7_messages (patient_id, id);

CREATE INDEX hisx_hl7_messages_booking ON hisx_hl7_messages (booking_id, id);
