#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "catalogue/schedule.h"

namespace hisx::appointments {

/// The closures (hisx_appointments_closures) that touch the days from `from` to `to`
/// (inclusive; both open: every closure), ordered by start.
std::vector<Closure> list_closures(soci::session& s, std::optional<LocalDate> from = std::nullopt,
                                   std::optional<LocalDate> to = std::nullopt);

/// Stores a closure and returns its id.
long long insert_closure(soci::session& s, const Closure& closure, const std::string& now,
                         const std::string& by);

/// One closure, if it exists.
std::optional<Closure> find_closure(soci::session& s, long long id);

/// Removes a closure (its days become bookable again); false when there is none.
bool delete_closure(soci::session& s, long long id);

}  // namespace hisx::appointments
