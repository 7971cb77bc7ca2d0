#pragma once

#include <soci/connection-pool.h>

#include <cstddef>
#include <string>

#include "metrics/metrics_registry.h"

namespace hisx::host {

/// Sessions of `pool` leased right now. It takes every free session with a zero-wait
/// try_lease() and gives them back: the count is exact at that instant, and a request that
/// wants a session in that moment waits a few microseconds, as it would for any other user.
std::size_t sessions_in_use(soci::connection_pool& pool, std::size_t size);

/// Adds hisx_db_pool_sessions{db} (the pool's size) and hisx_db_pool_in_use{db} (measured at
/// every scrape with sessions_in_use()). `pool` must outlive `registry`'s scrapes.
void add_pool_metrics(MetricsRegistry& registry, const std::string& db, soci::connection_pool& pool,
                      std::size_t size);

}  // namespace hisx::host
