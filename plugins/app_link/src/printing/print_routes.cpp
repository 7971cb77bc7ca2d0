#include "printing/print_route_parts.h"
#include "routes.h"

namespace hisx::app_link {

void add_print_routes(Environment& env) {
  add_slip_route(env);
  add_form_route(env);
  add_batch_route(env);
  add_form_lookup_route(env);
}

}  // namespace hisx::app_link
