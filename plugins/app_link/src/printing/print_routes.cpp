#include "routes.h"

namespace hisx::app_link {

void add_print_routes(Environment&) {}

}  // namespace hisx::app_link
