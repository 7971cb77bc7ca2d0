#include "http/device_scope.h"

#include <algorithm>

namespace hisx::host {

bool is_device_scope_of(const std::string& owner, const std::string& scope) {
  if (owner.empty() || scope.size() <= owner.size() + 1 || scope.rfind(owner + ".", 0) != 0) {
    return false;
  }
  const std::string name = scope.substr(owner.size() + 1);
  return name.size() <= 60 && name.front() != '.' && name.back() != '.' &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
         });
}

}  // namespace hisx::host
