#include "support/throwaway_database.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>

namespace hisx::test {

std::string fixture_conninfo(const char* env_var, const std::string& server,
                             const std::string& fixture) {
  const char* dir = std::getenv(env_var);
  if (dir == nullptr) {
    throw std::runtime_error(std::string(env_var) + " is not set: run the test through ctest");
  }
  std::ifstream in(std::string(dir) + "/conninfo");
  std::string line;
  if (!in || !std::getline(in, line) || line.empty()) {
    throw std::runtime_error("no " + server + " test server at " + dir + " (the ctest fixture " +
                             fixture + ".start did not run or failed)");
  }
  return line;
}

std::string unique_database_name() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  return "hisx_t" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(rd() % 100000);
}

}  // namespace hisx::test
