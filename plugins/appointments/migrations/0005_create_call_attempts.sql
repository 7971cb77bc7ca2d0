-- Call-centre attempts (W3): every phone call about a booking awaiting confirmation or a
-- re-examination due, with its outcome. Exactly one of booking_id and due_id is set.
CREATE TABLE hisx_appointments_call_attempts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  booking_id INTEGER REFERENCES hisx_appointments_bookings (id),
  due_id INTEGER REFERENCES hisx_appointments_reexam_dues (id),
  at VARCHAR(20) NOT NULL,                  -- UTC, when the call was logged
  by_principal VARCHAR(100) NOT NULL,       -- principal id of the agent
  outcome VARCHAR(16) NOT NULL,             -- confirmed, no_answer, wrong_number, declined, call_back_at
  call_back_at VARCHAR(20),                 -- UTC, only for outcome call_back_at
  note VARCHAR(500),
  CHECK ((booking_id IS NULL) <> (due_id IS NULL)),
  CHECK (outcome IN ('confirmed', 'no_answer', 'wrong_number', 'declined', 'call_back_at')),
  CHECK ((outcome = 'call_back_at') = (call_back_at IS NOT NULL))
);

CREATE INDEX hisx_appointments_call_attempts_booking ON hisx_appointments_call_attempts (booking_id);

CREATE INDEX hisx_appointments_call_attempts_due ON hisx_appointments_call_attempts (due_id);
