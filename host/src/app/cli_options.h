#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace hisx::host {

/// A command line the hisx CLI cannot use; printed with the usage text, exit code 64.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The `--name value` pairs after a command, each name one of `allowed`. Throws UsageError.
std::map<std::string, std::string> options_of(const std::vector<std::string>& rest,
                                              const std::vector<std::string>& allowed);

}  // namespace hisx::host
