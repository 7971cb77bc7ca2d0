#include "routes.h"

namespace hisx::app_link {

void add_target_routes(Environment&) {}

}  // namespace hisx::app_link
