#pragma once

#include "environment.h"
#include "sender.h"

namespace hisx::hl7 {

/// GET /api/v1/hl7/messages, GET /api/v1/hl7/messages/{id} and
/// POST /api/v1/hl7/messages/{id}/retry, for administrators.
void add_admin_routes(Environment& env, Sender& sender);

}  // namespace hisx::hl7
