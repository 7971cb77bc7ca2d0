// Compiled into every test binary: sets the HISX_* paths of this build in the environment
// (where not already set), for the tests and for the hisxd processes they start.
#include <cstdlib>
#include <sstream>
#include <string>

namespace {

struct TestEnvironment {
  TestEnvironment() {
    std::stringstream in(HISX_TEST_ENV_LIST);
    std::string line;
    while (std::getline(in, line)) {
      auto eq = line.find('=');
      if (eq != std::string::npos) {
        ::setenv(line.substr(0, eq).c_str(), line.substr(eq + 1).c_str(), 0);
      }
    }
  }
} const test_environment;

}  // namespace
