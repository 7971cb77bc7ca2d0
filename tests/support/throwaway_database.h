#pragma once

#include <string>

namespace hisx::test {

/// A fresh, empty database on a throwaway server, created for one test and dropped after it.
class ThrowawayDatabase {
 public:
  virtual ~ThrowawayDatabase() = default;
  /// The SOCI connection string of this database.
  virtual std::string conninfo() const = 0;
};

/// The first line of `<$env_var>/conninfo`, written by the ctest fixture `fixture` that
/// starts the throwaway `server`. Throws std::runtime_error (failing the test) when it is not
/// there: a test that needs the server never passes without it.
std::string fixture_conninfo(const char* env_var, const std::string& server,
                             const std::string& fixture);

/// A database name no other test of this run uses: "hisx_t<pid>_<n>_<random>".
std::string unique_database_name();

}  // namespace hisx::test
