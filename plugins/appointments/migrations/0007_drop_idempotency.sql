-- Idempotency-Keys moved to the host (hisx_host_idempotency, shared by every plugin); the
-- plugin's own table goes. Keys in flight at the upgrade lose their stored answer, which the
-- overlap check still guards.
DROP TABLE hisx_appointments_idempotency;
