#include "printing/print_subject.h"

#include "codes/link_code_rules.h"
#include "hisx/problem.h"

namespace hisx::app_link {

std::optional<sdk::HisDepartment> read_department(Environment& env, const sdk::Request& req,
                                                  bool required) {
  const auto id = required ? std::optional(sdk::query_his_id(req, "department_id"))
                           : sdk::query_optional_his_id(req, "department_id");
  if (!id) return std::nullopt;
  for (auto& department : sdk::his_departments(env.context)) {
    if (department.id == *id) return department;
  }
  throw sdk::Problem::invalid("department_id",
                              "No HIS department " + *id + " / Không có khoa mã " + *id);
}

PrintSubject read_print_subject(Environment& env, const sdk::Request& req) {
  const sdk::HisId id = sdk::query_his_id(req, "patient_id");
  auto patient = sdk::his_patient(env.context, id);
  if (!patient) {
    throw sdk::Problem::not_found("No HIS patient " + id + " / Không có người bệnh mã " + id);
  }
  PrintSubject subject{std::move(*patient), std::nullopt};
  if (auto department = read_department(env, req, false)) subject.department_id = department->id;
  return subject;
}

SlipContent slip_content(const Environment& env, const sdk::HisPatient& patient,
                         const LinkCode& code) {
  SlipContent slip;
  slip.hospital_name = env.settings.hospital_name;
  slip.app_name = env.settings.app_name;
  slip.patient_name = patient.full_name;
  slip.patient_code = patient.code;
  slip.link = env.settings.link_for(code.code);
  slip.code = display_link_code(code.code);
  slip.hotline = env.settings.hotline;
  slip.expires = local_expiry(code.expires_at, env.zone);
  return slip;
}

std::string printed_by(const sdk::Request& req) {
  const sdk::Principal* principal = req.principal();
  return principal ? principal->id : std::string("anonymous");
}

void send_document(sdk::Response& res, std::string bytes, const std::string& content_type,
                   const std::string& file_name) {
  res.header("Cache-Control", "no-store");
  res.header("Content-Disposition", "inline; filename=\"" + file_name + "\"");
  res.body(std::move(bytes), content_type);
}

}  // namespace hisx::app_link
