#include "config/generated_section.h"

#include <stdexcept>

namespace hisx::host {

std::string with_generated_section(const std::string& document, const std::string& begin_line,
                                   const std::string& end_line, const std::string& section,
                                   const std::string& what) {
  const std::string begin = begin_line + "\n";
  const std::string end = end_line + "\n";
  const auto from = document.find(begin);
  const auto to = document.find(end);
  if (from == std::string::npos || to == std::string::npos || to < from) {
    throw std::invalid_argument("the document has no generated " + what +
                                " section: put the lines\n" + begin + end + "where the " + what +
                                " belong");
  }
  return document.substr(0, from + begin.size()) + "\n" + section + "\n" + document.substr(to);
}

std::string table_cell(const std::string& text) {
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

}  // namespace hisx::host
