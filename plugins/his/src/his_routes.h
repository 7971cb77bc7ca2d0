#pragma once

#include "hisx/context.h"

namespace hisx::his {

/// Registers the read-only HIS browsing routes for staff:
/// GET /api/v1/his/patients?q=&limit=, GET /api/v1/his/patients/{id},
/// GET /api/v1/his/departments.
void add_his_routes(sdk::Context& context, int max_results);

}  // namespace hisx::his
