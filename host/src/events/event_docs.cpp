#include "events/event_docs.h"

#include <stdexcept>

#include "config/generated_section.h"

namespace hisx::host {

std::string event_docs_markdown(const std::vector<sdk::EventSchema>& schemas) {
  std::string out =
      "| event | version | publisher | what happened |\n"
      "|---|---|---|---|\n";
  for (const auto& s : schemas) {
    out += "| `" + s.name + "` | " + std::to_string(s.version) + " | " + table_cell(s.publisher) +
           " | " + table_cell(s.description) + " |\n";
  }
  for (const auto& s : schemas) {
    out += "\n### " + s.name + " (v" + std::to_string(s.version) + ")\n\n" + s.description +
           " Published by " + s.publisher + ".\n\n";
    out +=
        "| field | type | | meaning |\n"
        "|---|---|---|---|\n";
    for (const auto& f : s.fields) {
      out += "| `" + f.name + "` | " + std::string(sdk::to_string(f.type)) + " | " +
             (f.required ? "required" : "optional") + " | " + table_cell(f.meaning) + " |\n";
    }
  }
  return out;
}

std::string with_event_docs(const std::string& document, const std::string& section) {
  return with_generated_section(document, kEventDocsBegin, kEventDocsEnd, section, "events");
}

}  // namespace hisx::host
