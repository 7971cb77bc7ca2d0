#include "db/statement_docs.h"

#include "config/generated_section.h"

namespace hisx::host {

namespace {

std::string type_of(sdk::ValueType type, const std::string& vocabulary) {
  std::string out(sdk::to_string(type));
  if (type == sdk::ValueType::kCode)
    out += " ([" + vocabulary + "](#vocabulary-" + vocabulary + "))";
  return out;
}

std::string params_of(const sdk::StatementSpec& spec) {
  std::string out;
  for (const auto& p : spec.params) out += (out.empty() ? "`:" : ", `:") + p.name + "`";
  return out.empty() ? "—" : out;
}

std::string anchor(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (c != '.') out += c;
  }
  return out;
}

}  // namespace

std::string statement_docs_markdown(const std::vector<sdk::StatementSpec>& statements,
                                    const std::vector<sdk::Vocabulary>& vocabularies) {
  std::string out =
      "| statement | kind | parameters | what it does |\n"
      "|---|---|---|---|\n";
  for (const auto& s : statements) {
    out += "| [`" + s.name + "`](#" + anchor(s.name) + ") | " +
           (s.kind == sdk::StatementKind::kQuery ? "query" : "command") + " | " + params_of(s) +
           " | " + table_cell(s.description) + " |\n";
  }
  for (const auto& s : statements) {
    out += "\n### " + s.name + "\n\n" + s.description + "\n\n";
    if (!s.params.empty()) {
      out +=
          "| parameter | type | meaning |\n"
          "|---|---|---|\n";
      for (const auto& p : s.params) {
        out += "| `:" + p.name + "` | " + type_of(p.type, p.vocabulary) + " | " +
               table_cell(p.description) + " |\n";
      }
      out += "\n";
    }
    if (s.columns.empty()) {
      out += "A command: it returns no rows; hisx reads the number of rows it changed.\n";
      continue;
    }
    out +=
        "| column | type | NULL | meaning | example |\n"
        "|---|---|---|---|---|\n";
    for (const auto& c : s.columns) {
      out += "| `" + c.name + "` | " + type_of(c.type, c.vocabulary) + " | " +
             (c.nullable ? "allowed" : "no") + " | " + table_cell(c.description) + " | " +
             (c.example.empty() ? "NULL" : "`" + table_cell(c.example) + "`") + " |\n";
    }
  }
  out += "\n### Vocabularies\n";
  for (const auto& v : vocabularies) {
    std::string values;
    for (const auto& value : v.values) values += (values.empty() ? "`" : ", `") + value + "`";
    out += "\n#### Vocabulary " + v.name + "\n\n" + values + ". " + v.description;
    if (!v.fallback.empty()) {
      out += " A HIS code that maps onto none of them reads as `" + v.fallback + "`.";
    } else {
      out += " A HIS code that maps onto none of them fails the statement.";
    }
    out += "\n";
  }
  return out;
}

}  // namespace hisx::host
