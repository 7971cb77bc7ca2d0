#include "events/event_docs.h"

#include <stdexcept>

namespace hisx::host {

namespace {

// A table cell: '|' would end it.
std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string event_docs_markdown(const std::vector<sdk::EventSchema>& schemas) {
  std::string out =
      "| event | version | publisher | what happened |\n"
      "|---|---|---|---|\n";
  for (const auto& s : schemas) {
    out += "| `" + s.name + "` | " + std::to_string(s.version) + " | " + cell(s.publisher) + " | " +
           cell(s.description) + " |\n";
  }
  for (const auto& s : schemas) {
    out += "\n### " + s.name + " (v" + std::to_string(s.version) + ")\n\n" + s.description +
           " Published by " + s.publisher + ".\n\n";
    out +=
        "| field | type | | meaning |\n"
        "|---|---|---|---|\n";
    for (const auto& f : s.fields) {
      out += "| `" + f.name + "` | " + std::string(sdk::to_string(f.type)) + " | " +
             (f.required ? "required" : "optional") + " | " + cell(f.meaning) + " |\n";
    }
  }
  return out;
}

std::string with_event_docs(const std::string& document, const std::string& section) {
  const std::string begin = std::string(kEventDocsBegin) + "\n";
  const std::string end = std::string(kEventDocsEnd) + "\n";
  const auto from = document.find(begin);
  const auto to = document.find(end);
  if (from == std::string::npos || to == std::string::npos || to < from) {
    throw std::invalid_argument("the document has no generated events section: put the lines\n" +
                                begin + end + "where the events belong");
  }
  return document.substr(0, from + begin.size()) + "\n" + section + "\n" + document.substr(to);
}

}  // namespace hisx::host
