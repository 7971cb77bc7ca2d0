#include "audit/append_only.h"

namespace hisx::host {

void protect_audit_table(sdk::Database& store) {
  if (store.backend() != "sqlite3") return;
  sdk::with_transaction(store, [](soci::session& s) {
    for (const char* op : {"UPDATE", "DELETE"}) {
      const std::string name =
          std::string("hisx_host_audit_no_") + (op[0] == 'U' ? "update" : "delete");
      s << "CREATE TRIGGER IF NOT EXISTS " + name + " BEFORE " + op +
               " ON hisx_host_audit BEGIN SELECT RAISE(ABORT, 'hisx_host_audit is append-only'); "
               "END";
    }
  });
}

}  // namespace hisx::host
