#include "db/statement_declarations.h"

#include <set>
#include <stdexcept>

namespace hisx::host {

namespace {

void check_vocabulary(const std::string& statement, const std::string& what, sdk::ValueType type,
                      const std::string& vocabulary) {
  if (type == sdk::ValueType::kCode && sdk::find_vocabulary(vocabulary) == nullptr) {
    throw std::invalid_argument("HIS statement '" + statement + "': " + what +
                                " is a code of vocabulary '" + vocabulary +
                                "', which the SDK does not define (hisx/his_statements.h)");
  }
}

void check_own(const sdk::Manifest& manifest, const sdk::StatementSpec& spec) {
  if (spec.name.rfind(manifest.name + ".", 0) != 0 ||
      spec.name.size() == manifest.name.size() + 1) {
    throw std::invalid_argument("its own HIS statement '" + spec.name + "' must be named '" +
                                manifest.name + ".<what>'");
  }
  if (sdk::find_statement(spec.name) != nullptr) {
    throw std::invalid_argument("its own HIS statement '" + spec.name +
                                "' has the name of a standard one; list it by name instead");
  }
  for (const auto& p : spec.params) check_vocabulary(spec.name, ":" + p.name, p.type, p.vocabulary);
  for (const auto& c : spec.columns) {
    check_vocabulary(spec.name, "column " + c.name, c.type, c.vocabulary);
  }
}

}  // namespace

std::vector<DeclaredStatement> declared_statements(const sdk::Manifest& manifest) {
  for (const auto& spec : manifest.his_statement_specs) check_own(manifest, spec);
  std::vector<DeclaredStatement> out;
  std::set<std::string> seen;
  auto add = [&](const std::string& name, bool required) {
    if (!seen.insert(name).second) {
      throw std::invalid_argument("HIS statement '" + name + "' is declared twice");
    }
    if (const sdk::StatementSpec* standard = sdk::find_statement(name)) {
      out.push_back({*standard, required, {manifest.name}});
      return;
    }
    for (const auto& own : manifest.his_statement_specs) {
      if (own.name == name) {
        out.push_back({own, required, {manifest.name}});
        return;
      }
    }
    throw std::invalid_argument("HIS statement '" + name +
                                "' is neither a standard one (hisx/his_statements.h) nor in "
                                "its manifest's his_statement_specs");
  };
  for (const auto& name : manifest.his_statements) add(name, true);
  for (const auto& name : manifest.optional_his_statements) add(name, false);
  return out;
}

}  // namespace hisx::host
