#pragma once

#include <Poco/JSON/Object.h>

#include "environment.h"
#include "queue/ticket_store.h"
#include "queue/window_store.h"

namespace hisx::fast_lane {

/// A ticket as the API answers it; `people_ahead` is given for a waiting ticket (-1: leave
/// it out).
Poco::JSON::Object::Ptr ticket_json(const Environment& env, const Ticket& t, int people_ahead = -1);
/// A window as the API answers it.
Poco::JSON::Object::Ptr window_json(const Window& w);

}  // namespace hisx::fast_lane
