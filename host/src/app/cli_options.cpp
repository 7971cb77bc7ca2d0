#include "app/cli_options.h"

#include <algorithm>

namespace hisx::host {

std::map<std::string, std::string> options_of(const std::vector<std::string>& rest,
                                              const std::vector<std::string>& allowed) {
  std::map<std::string, std::string> out;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const auto& a = rest[i];
    if (a.rfind("--", 0) != 0) throw UsageError("unexpected argument '" + a + "'");
    const auto name = a.substr(2);
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      throw UsageError("unknown option --" + name);
    }
    if (i + 1 >= rest.size()) throw UsageError("--" + name + " needs a value");
    out[name] = rest[++i];
  }
  return out;
}

}  // namespace hisx::host
