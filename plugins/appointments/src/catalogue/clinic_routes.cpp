#include <map>

#include "catalogue/catalogue_json.h"
#include "catalogue/catalogue_store.h"
#include "channels.h"
#include "his_directory.h"
#include "routes.h"

namespace hisx::appointments {

void add_clinic_routes(Environment& env) {
  Environment* e = &env;
  env.context.router().add({"GET", "/api/v1/appointments/clinics", reader_roles(),
                            [e](sdk::Request& req, sdk::Response& res) {
                              std::vector<ClinicRules> catalogue;
                              {
                                const auto s_lease = e->context.store().session();
                                soci::session& s = *s_lease;
                                catalogue = list_clinic_rules(s);
                              }
                              std::map<sdk::HisId, HisClinic> his;
                              for (auto& c : his_clinics(e->context))
                                his.emplace(c.id, std::move(c));
                              // The app and website backends see the clinics open to their own
                              // channel.
                              const std::string role = req.principal()->role;
                              const auto own = channels_for_role(role);
                              Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                              for (const auto& rules : catalogue) {
                                auto it = his.find(rules.clinic_id);
                                if (!rules.active || it == his.end())
                                  continue;  // Closed in hisx or in the HIS.
                                if (!role_sees_every_channel(role) &&
                                    std::find(rules.channels.begin(), rules.channels.end(),
                                              own.front()) == rules.channels.end()) {
                                  continue;
                                }
                                items->add(clinic_json(rules, it->second));
                              }
                              res.json(list_json(items));
                            },
                            "Bookable clinics with their HIS names and accepted channels"});
}

}  // namespace hisx::appointments
