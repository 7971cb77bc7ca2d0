#include "http/audit_record.h"

namespace hisx::host {

bool is_write_method(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

}  // namespace hisx::host
