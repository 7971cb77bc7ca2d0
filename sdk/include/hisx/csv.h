#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "hisx/export.h"

namespace hisx::sdk {

/// A CSV text that does not follow RFC 4180, with the line where the fault is. Since 2.0.
class HISX_SDK_API CsvError : public std::runtime_error {
 public:
  /// `line` counts from 1; `what` is an English and Vietnamese explanation without the line.
  CsvError(std::size_t line, const std::string& what);
  ~CsvError() override;
  /// The line (from 1) of the fault: where an unclosed quoted field began, or where a stray
  /// quote stands.
  std::size_t line() const noexcept { return line_; }

 private:
  std::size_t line_;
};

/// One record of a CSV text. Since 2.0.
struct CsvRow {
  std::size_t line = 0;             ///< The line (from 1) where the record begins.
  std::vector<std::string> fields;  ///< The fields, unquoted.
};

/// Reads CSV text (RFC 4180) one record at a time: fields separated by `delimiter`, records by
/// CRLF or LF; a field in double quotes may hold the delimiter, line breaks and doubled quotes
/// (`""`). Empty lines are skipped; a final line break is optional. A quote inside an unquoted
/// field, text after a closing quote, and an unclosed quote are errors (CsvError). The text is
/// not copied: it must outlive the reader. Since 2.0.
class HISX_SDK_API CsvReader {
 public:
  explicit CsvReader(std::string_view text, char delimiter = ',');
  /// Reads the next record into `row`; false at the end of the text. Throws CsvError.
  bool next(CsvRow& row);

 private:
  std::string_view text_;
  char delimiter_;
  std::size_t at_ = 0;
  std::size_t line_ = 1;
};

/// Every record of `text` (CsvReader). Throws CsvError.
HISX_SDK_API std::vector<CsvRow> parse_csv(std::string_view text, char delimiter = ',');

/// ',' or ';': whichever appears more often outside quotes in the first line of `text` (',' on
/// a tie). Spreadsheets set to a locale whose decimal mark is a comma save CSV with ';'.
HISX_SDK_API char guess_csv_delimiter(std::string_view text);

/// One CSV field as a spreadsheet reads it back: quoted when it holds a comma, a quote, a line
/// break or leading/trailing spaces (quotes doubled), and prefixed with an apostrophe when it
/// begins with =, +, -, @, a tab or a carriage return, so that a spreadsheet never runs it
/// as a formula (CSV injection). Since 2.1.
HISX_SDK_API std::string csv_field(std::string_view text);

/// One CSV record: the fields through csv_field(), joined by commas, ended by CRLF (RFC 4180).
/// Since 2.1.
HISX_SDK_API std::string csv_record(const std::vector<std::string>& fields);

}  // namespace hisx::sdk
