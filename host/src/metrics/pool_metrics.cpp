#include "metrics/pool_metrics.h"

#include <vector>

namespace hisx::host {

std::size_t sessions_in_use(soci::connection_pool& pool, std::size_t size) {
  std::vector<std::size_t> taken;
  taken.reserve(size);
  std::size_t pos = 0;
  try {
    while (taken.size() < size && pool.try_lease(pos, 0)) taken.push_back(pos);
  } catch (...) {
    for (std::size_t p : taken) pool.give_back(p);
    throw;
  }
  for (std::size_t p : taken) pool.give_back(p);
  return size - taken.size();
}

void add_pool_metrics(MetricsRegistry& registry, const std::string& db, soci::connection_pool& pool,
                      std::size_t size) {
  sdk::Gauge& sessions =
      registry.gauge("hisx_db_pool_sessions", "Sessions in the database connection pool");
  sdk::Gauge& in_use =
      registry.gauge("hisx_db_pool_in_use", "Sessions of the pool leased at the scrape");
  sessions.set(static_cast<double>(size), {{"db", db}});
  registry.add_collector([&in_use, &pool, size, db] {
    in_use.set(static_cast<double>(sessions_in_use(pool, size)), {{"db", db}});
  });
}

}  // namespace hisx::host
