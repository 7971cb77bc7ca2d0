#pragma once

#include <string>
#include <vector>

#include "environment.h"

namespace hisx::app_link {

/// Roles of the staff who print slips and forms and link patients at a desk.
std::vector<std::string> desk_roles();
/// desk_roles() and the HIS itself (role `his`), which prints the slip on its own slips.
std::vector<std::string> print_roles();

/// GET /api/v1/app-link/slip, /form, /forms/batch and /forms/{number} (printing/).
void add_print_routes(Environment& env);
/// GET /api/v1/app-link/patients/{patient_id}: a patient's code and links (linking/).
void add_patient_routes(Environment& env);
/// POST /api/v1/app-link/claims: self-linking from the app (linking/).
void add_claim_routes(Environment& env);
/// POST /api/v1/app-link/links, POST /links/{id}/unlink, GET
/// /accounts/{app_account_id}/patients (linking/).
void add_link_routes(Environment& env);
/// POST /api/v1/app-link/imports and GET /imports/{id}[/results.csv]: paper forms in bulk
/// (linking/).
void add_import_routes(Environment& env);
/// PUT/GET /api/v1/app-link/targets and GET /progress (targets/).
void add_target_routes(Environment& env);

/// Declares the plugin's own event `app_link.slip_printed`.
void declare_events(Environment& env);
/// Publishes the PatientAccess service (hisx/patient_access.h) over the links.
void publish_patient_access(Environment& env);

}  // namespace hisx::app_link
