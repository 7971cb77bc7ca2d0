#include "routes.h"

namespace hisx::app_link {

void add_import_routes(Environment&) {}

}  // namespace hisx::app_link
