#pragma once

#include <optional>
#include <string>

#include "codes/code_store.h"
#include "environment.h"
#include "hisx/his_records.h"
#include "hisx/http.h"
#include "printing/print_documents.h"

namespace hisx::app_link {

/// Who a slip or form is printed for, read from the HIS before any store transaction.
struct PrintSubject {
  sdk::HisPatient patient;
  std::optional<sdk::HisId> department_id;
};

/// The query's `patient_id` (404 when the HIS has no such patient) and optional
/// `department_id` (422 naming it when it is not one of the HIS's departments).
PrintSubject read_print_subject(Environment& env, const sdk::Request& req);

/// The query's optional `department_id`, checked against the HIS's departments (422 naming
/// it otherwise); its HIS record when given.
std::optional<sdk::HisDepartment> read_department(Environment& env, const sdk::Request& req,
                                                  bool required);

/// The slip of `patient` with linking code `code`.
SlipContent slip_content(const Environment& env, const sdk::HisPatient& patient,
                         const LinkCode& code);

/// The caller's principal id, recorded as who printed.
std::string printed_by(const sdk::Request& req);

/// Sends a printed document: `Cache-Control: no-store` and
/// `Content-Disposition: inline; filename=<file_name>`.
void send_document(sdk::Response& res, std::string bytes, const std::string& content_type,
                   const std::string& file_name);

}  // namespace hisx::app_link
