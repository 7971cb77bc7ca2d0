#pragma once

#include <string>
#include <vector>

#include "hisx/migration.h"

namespace hisx::host {

/// The schema steps of one part of the host, recorded under its own owner name.
struct MigrationSet {
  std::string owner;  ///< e.g. "host", "host_auth"; unique among hosts and plugins.
  std::vector<sdk::Migration> migrations;
};

/// Every host part's migrations, applied before the plugins'.
std::vector<MigrationSet> host_migration_sets();

}  // namespace hisx::host
