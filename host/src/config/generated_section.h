#pragma once

#include <string>

namespace hisx::host {

/// `document` with the text between the line `begin` and the line `end` replaced by `section`
/// (a generated part of a doc, such as the events table of docs/events.md). Throws
/// std::invalid_argument when the lines are missing or out of order, saying where they belong.
std::string with_generated_section(const std::string& document, const std::string& begin,
                                   const std::string& end, const std::string& section,
                                   const std::string& what);

/// `text` for a Markdown table cell: '|' escaped, which would end the cell.
std::string table_cell(const std::string& text);

}  // namespace hisx::host
