#include "jobs/host_id.h"

#include <unistd.h>

#include <cstdio>
#include <random>

namespace hisx::host {

std::string make_host_id() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0 || name[0] == '\0')
    std::snprintf(name, sizeof name, "host");
  std::random_device random;
  char suffix[16];
  std::snprintf(suffix, sizeof suffix, "%08x", static_cast<unsigned>(random()));
  return std::string(name) + ":" + std::to_string(getpid()) + ":" + suffix;
}

}  // namespace hisx::host
