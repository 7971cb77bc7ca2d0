#include "sql_support.h"

namespace hisx::appointments {

bool is_duplicate_key(const std::exception& e) {
  const std::string what = e.what();
  return what.find("UNIQUE constraint failed") != std::string::npos ||
         what.find("duplicate key") != std::string::npos ||
         what.find("23505") != std::string::npos ||
         what.find("Duplicate entry") != std::string::npos;
}

}  // namespace hisx::appointments
