-- Every HIS id becomes opaque text (VARCHAR(100)): HIS products key clinics, doctors, patients
-- and visits by codes ('K01', '007', a user name), not only by whole numbers. Existing rows
-- keep their ids as decimal text; a slot's doctor_key "any doctor" becomes '' instead of 0.
-- The templates' foreign key to the clinics is dropped while both columns change type.
ALTER TABLE hisx_appointments_templates DROP CONSTRAINT hisx_appointments_templates_clinic_id_fkey;

ALTER TABLE hisx_appointments_clinics ALTER COLUMN clinic_id TYPE VARCHAR(100) USING clinic_id::text;

ALTER TABLE hisx_appointments_clinics ALTER COLUMN department_id TYPE VARCHAR(100) USING department_id::text;

ALTER TABLE hisx_appointments_templates ALTER COLUMN clinic_id TYPE VARCHAR(100) USING clinic_id::text;

ALTER TABLE hisx_appointments_templates ALTER COLUMN doctor_id TYPE VARCHAR(100) USING doctor_id::text;

ALTER TABLE hisx_appointments_templates ADD CONSTRAINT hisx_appointments_templates_clinic_id_fkey FOREIGN KEY (clinic_id) REFERENCES hisx_appointments_clinics (clinic_id);

ALTER TABLE hisx_appointments_closures ALTER COLUMN clinic_id TYPE VARCHAR(100) USING clinic_id::text;

ALTER TABLE hisx_appointments_slots ALTER COLUMN clinic_id TYPE VARCHAR(100) USING clinic_id::text;

ALTER TABLE hisx_appointments_slots ALTER COLUMN doctor_id TYPE VARCHAR(100) USING doctor_id::text;

ALTER TABLE hisx_appointments_slots ALTER COLUMN doctor_key TYPE VARCHAR(100) USING (CASE WHEN doctor_id IS NULL THEN '' ELSE doctor_id::text END);

ALTER TABLE hisx_appointments_bookings ALTER COLUMN patient_id TYPE VARCHAR(100) USING patient_id::text;

ALTER TABLE hisx_appointments_bookings ALTER COLUMN clinic_id TYPE VARCHAR(100) USING clinic_id::text;

ALTER TABLE hisx_appointments_bookings ALTER COLUMN doctor_id TYPE VARCHAR(100) USING doctor_id::text;

ALTER TABLE hisx_appointments_patient_locks ALTER COLUMN patient_id TYPE VARCHAR(100) USING patient_id::text;

ALTER TABLE hisx_appointments_reexams ALTER COLUMN patient_id TYPE VARCHAR(100) USING patient_id::text;

ALTER TABLE hisx_appointments_reexams ALTER COLUMN clinic_id TYPE VARCHAR(100) USING clinic_id::text;

ALTER TABLE hisx_appointments_reexams ALTER COLUMN doctor_id TYPE VARCHAR(100) USING doctor_id::text;

ALTER TABLE hisx_appointments_reexams ALTER COLUMN visit_id TYPE VARCHAR(100) USING visit_id::text;

ALTER TABLE hisx_appointments_queue_counters ALTER COLUMN clinic_id TYPE VARCHAR(100) USING clinic_id::text;
