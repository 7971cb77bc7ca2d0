#pragma once

#include <string>
#include <vector>

#include "hisx/his_statements.h"
#include "hisx/manifest.h"

namespace hisx::host {

/// A HIS profile statement one plugin declared, with its contract.
struct DeclaredStatement {
  sdk::StatementSpec spec;
  bool required = true;  ///< False for Manifest::optional_his_statements.
  /// The plugins that declare it (one from declared_statements(); check_profile() merges).
  std::vector<std::string> plugins{};
};

/// The statements `manifest` declares, resolved against the standard catalogue and its own
/// specs, in manifest order. Throws std::invalid_argument, naming the statement, for a name
/// that is neither standard nor one of its own specs, an own spec outside "<plugin>." or
/// named like a standard one, a statement listed twice, or a code without a known vocabulary.
std::vector<DeclaredStatement> declared_statements(const sdk::Manifest& manifest);

}  // namespace hisx::host
