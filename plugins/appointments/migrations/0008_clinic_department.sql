-- The HIS department of each catalogue clinic (clinic.list), so that the plugin's events carry
-- it without asking the HIS inside a booking's transaction. Written when the clinic is saved
-- and refreshed by the daily slot job; NULL when the HIS names none.
ALTER TABLE hisx_appointments_clinics ADD COLUMN department_id INTEGER;
