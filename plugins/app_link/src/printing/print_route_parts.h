#pragma once

#include "environment.h"

// The printing routes, one file each; add_print_routes() (routes.h) adds them all.

namespace hisx::app_link {

/// GET /api/v1/app-link/slip (slip_route.cpp).
void add_slip_route(Environment& env);
/// GET /api/v1/app-link/form (form_route.cpp).
void add_form_route(Environment& env);
/// GET /api/v1/app-link/forms/batch (batch_route.cpp).
void add_batch_route(Environment& env);
/// GET /api/v1/app-link/forms/{number} (form_lookup_route.cpp).
void add_form_lookup_route(Environment& env);

}  // namespace hisx::app_link
