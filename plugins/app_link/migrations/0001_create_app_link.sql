-- app_link's tables. Times are UTC text "YYYY-MM-DDTHH:MM:SSZ"; HIS ids are opaque text.
-- Nothing here is ever deleted: a used, locked or replaced code, an ended link and every
-- print stay as the history (and the evidence of consent).

-- Linking codes. A patient has at most one open code (open_patient_id is the patient's id
-- while the code is open, NULL once it is used, locked or replaced: the UNIQUE constraint
-- keeps it at one, across hosts).
CREATE TABLE hisx_app_link_codes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  code VARCHAR(8) NOT NULL UNIQUE,            -- Crockford base 32, as stored (no hyphen)
  patient_id VARCHAR(100) NOT NULL,
  open_patient_id VARCHAR(100) UNIQUE,
  state VARCHAR(10) NOT NULL DEFAULT 'open',  -- open, used, locked, replaced
  created_at VARCHAR(20) NOT NULL,
  created_by VARCHAR(64) NOT NULL,            -- principal id of the first print
  expires_at VARCHAR(20) NOT NULL,
  wrong_attempts INTEGER NOT NULL DEFAULT 0,  -- wrong birth dates given with it
  closed_at VARCHAR(20),                      -- when it was used, locked or replaced
  link_id BIGINT,                             -- the link it made, when used
  CHECK (state IN ('open', 'used', 'locked', 'replaced')),
  CHECK ((state = 'open') = (open_patient_id IS NOT NULL))
);
CREATE INDEX hisx_app_link_codes_patient ON hisx_app_link_codes (patient_id, id);

-- Every printed linking form (phiếu liên kết app); its number is "LK" + id (LK0000042).
CREATE TABLE hisx_app_link_forms (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  patient_id VARCHAR(100) NOT NULL,
  department_id VARCHAR(100),
  code_id BIGINT NOT NULL REFERENCES hisx_app_link_codes (id),
  printed_by VARCHAR(64) NOT NULL,
  printed_at VARCHAR(20) NOT NULL
);
CREATE INDEX hisx_app_link_forms_patient ON hisx_app_link_forms (patient_id, id);

-- Every slip or form printed: who, which patient, which department ("patients told").
CREATE TABLE hisx_app_link_prints (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind VARCHAR(10) NOT NULL,                  -- slip, form
  format VARCHAR(10) NOT NULL,                -- pdf, png, svg, html, escpos
  patient_id VARCHAR(100) NOT NULL,
  department_id VARCHAR(100),
  form_id BIGINT,
  printed_by VARCHAR(64) NOT NULL,
  printed_at VARCHAR(20) NOT NULL,
  CHECK (kind IN ('slip', 'form'))
);
CREATE INDEX hisx_app_link_prints_at ON hisx_app_link_prints (printed_at);

-- App accounts and how many active links each holds (the family limit, kept by the database:
-- active_links only grows through a conditional UPDATE).
CREATE TABLE hisx_app_link_accounts (
  account_id VARCHAR(100) PRIMARY KEY,
  active_links INTEGER NOT NULL DEFAULT 0,
  created_at VARCHAR(20) NOT NULL,
  CHECK (active_links >= 0)
);

-- Links between app accounts and HIS patients, with the consent that allowed them.
-- active_key is "<account>|<patient>" while the link is active and NULL once it ended: one
-- active link per account and patient.
CREATE TABLE hisx_app_link_links (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id VARCHAR(100) NOT NULL REFERENCES hisx_app_link_accounts (account_id),
  patient_id VARCHAR(100) NOT NULL,
  active_key VARCHAR(201) UNIQUE,
  department_id VARCHAR(100),
  method VARCHAR(10) NOT NULL,                -- self, assisted, bulk
  consent_by VARCHAR(200),                    -- who gave consent (the patient or a relative)
  consent_method VARCHAR(20) NOT NULL,        -- in_app, signed_form, verbal_witnessed
  consent_witness VARCHAR(200),
  consent_at VARCHAR(20) NOT NULL,
  code_id BIGINT,
  form_id BIGINT,
  import_id BIGINT,
  linked_by VARCHAR(64) NOT NULL,             -- principal id
  linked_at VARCHAR(20) NOT NULL,
  unlinked_at VARCHAR(20),
  unlinked_by VARCHAR(64),
  unlink_reason VARCHAR(500),
  CHECK (method IN ('self', 'assisted', 'bulk')),
  CHECK (consent_method IN ('in_app', 'signed_form', 'verbal_witnessed'))
);
CREATE INDEX hisx_app_link_links_account ON hisx_app_link_links (account_id, id);
CREATE INDEX hisx_app_link_links_patient ON hisx_app_link_links (patient_id, id);

-- Link-rate targets per HIS department, in tenths of a percent (800 = 80.0 %).
CREATE TABLE hisx_app_link_targets (
  department_id VARCHAR(100) PRIMARY KEY,
  target_permille INTEGER NOT NULL,
  updated_by VARCHAR(64) NOT NULL,
  updated_at VARCHAR(20) NOT NULL,
  CHECK (target_permille BETWEEN 0 AND 1000)
);

-- Uploaded files of paper linking forms, and each row's result.
CREATE TABLE hisx_app_link_imports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  file_name VARCHAR(255),
  file_sha256 VARCHAR(64) NOT NULL,
  uploaded_by VARCHAR(64) NOT NULL,
  uploaded_at VARCHAR(20) NOT NULL,
  total_rows INTEGER NOT NULL,
  linked INTEGER NOT NULL,
  already_linked INTEGER NOT NULL,
  refused INTEGER NOT NULL
);
CREATE TABLE hisx_app_link_import_rows (
  import_id BIGINT NOT NULL REFERENCES hisx_app_link_imports (id),
  line INTEGER NOT NULL,                      -- the file's line (the header is line 1)
  outcome VARCHAR(20) NOT NULL,               -- linked, already_linked, patient_not_found, …
  field VARCHAR(40),                          -- the column at fault, for a bad row
  detail VARCHAR(500) NOT NULL,
  patient_id VARCHAR(100),
  account_id VARCHAR(100),
  link_id BIGINT,
  PRIMARY KEY (import_id, line)
);
