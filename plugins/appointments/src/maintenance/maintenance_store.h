#pragma once

#include <soci/soci.h>

#include <string>
#include <vector>

namespace hisx::appointments {

/// Ids of bookings still `requested` or `confirmed` whose slot started before `before_utc`
/// ("YYYY-MM-DDTHH:MM:SSZ"): the patient never checked in. At most `limit`, oldest first.
std::vector<long long> list_unattended_before(soci::session& s, const std::string& before_utc,
                                              int limit);

}  // namespace hisx::appointments
