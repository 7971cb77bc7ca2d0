// The FHIR R4 facade at /fhir/r4 (see README, "FHIR R4").
#include "fhir/fhir_routes.h"

#include "fhir/fhir_capability.h"
#include "fhir/fhir_http.h"
#include "routes.h"

namespace hisx::appointments {

void add_fhir_routes(Environment& env) {
  const std::string started = env.now_text();
  env.context.router().add(
      {"GET",
       std::string(kFhirPath) + "/metadata",
       {},
       answering_fhir(env,
                      [started](sdk::Request& req, sdk::Response& res) {
                        send_fhir(res, capability_statement(started, fhir_base_url(req), "0.1.0"));
                      }),
       "FHIR R4 CapabilityStatement of the appointments facade (public, like the API "
       "description)",
       true});
  add_fhir_schedule_routes(env);
  add_fhir_appointment_routes(env);
  add_fhir_his_routes(env);
}

}  // namespace hisx::appointments
