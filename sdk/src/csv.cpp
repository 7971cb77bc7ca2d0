#include "hisx/csv.h"

namespace hisx::sdk {

namespace {

bool is_break(char c) { return c == '\n' || c == '\r'; }

}  // namespace

CsvError::CsvError(std::size_t line, const std::string& what)
    : std::runtime_error(what), line_(line) {}

CsvError::~CsvError() = default;

CsvReader::CsvReader(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {}

bool CsvReader::next(CsvRow& row) {
  const std::size_t size = text_.size();
  // One line break: CRLF, LF, or a lone CR (old spreadsheets on a Mac).
  const auto skip_break = [&] {
    if (text_[at_] == '\r' && at_ + 1 < size && text_[at_ + 1] == '\n') ++at_;
    ++at_;
    ++line_;
  };
  while (at_ < size && is_break(text_[at_])) skip_break();  // empty lines
  row.fields.clear();
  if (at_ >= size) return false;
  row.line = line_;
  std::string field;
  for (;;) {
    if (at_ < size && text_[at_] == '"') {
      const std::size_t opened_on = line_;
      ++at_;
      for (;;) {
        if (at_ >= size) {
          throw CsvError(opened_on,
                         "A quoted field is never closed: its closing quote (\") is missing / "
                         "Một trường mở bằng dấu ngoặc kép (\") nhưng không được đóng");
        }
        const char c = text_[at_];
        if (c == '"') {
          if (at_ + 1 < size && text_[at_ + 1] == '"') {
            field += '"';
            at_ += 2;
            continue;
          }
          ++at_;
          break;
        }
        // Line breaks inside quotes belong to the field, as they are.
        if (c == '\n' || (c == '\r' && !(at_ + 1 < size && text_[at_ + 1] == '\n'))) ++line_;
        field += c;
        ++at_;
      }
      if (at_ < size && text_[at_] != delimiter_ && !is_break(text_[at_])) {
        throw CsvError(line_,
                       "Text follows the closing quote of a field; a quote inside a quoted field "
                       "is written twice (\"\") / Có ký tự sau dấu ngoặc kép đóng của một trường; "
                       "dấu ngoặc kép bên trong trường phải viết hai lần (\"\")");
      }
    } else {
      while (at_ < size && text_[at_] != delimiter_ && !is_break(text_[at_])) {
        if (text_[at_] == '"') {
          throw CsvError(line_,
                         "A quote (\") stands inside a field that does not begin with one; put "
                         "the whole field in quotes and write the quote twice (\"\") / Dấu ngoặc "
                         "kép (\") nằm giữa một trường không mở bằng dấu ngoặc kép; hãy đặt cả "
                         "trường trong ngoặc kép và viết dấu ngoặc kép hai lần (\"\")");
        }
        field += text_[at_++];
      }
    }
    row.fields.push_back(std::move(field));
    field.clear();
    if (at_ >= size) return true;
    if (text_[at_] == delimiter_) {
      ++at_;
      if (at_ >= size || is_break(text_[at_])) {
        row.fields.emplace_back();  // "a,b," ends with an empty field
        if (at_ < size) skip_break();
        return true;
      }
      continue;
    }
    skip_break();
    return true;
  }
}

std::vector<CsvRow> parse_csv(std::string_view text, char delimiter) {
  CsvReader reader(text, delimiter);
  std::vector<CsvRow> rows;
  CsvRow row;
  while (reader.next(row)) rows.push_back(std::move(row));
  return rows;
}

char guess_csv_delimiter(std::string_view text) {
  std::size_t commas = 0, semicolons = 0;
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') {
      quoted = !quoted;  // a doubled quote toggles twice
    } else if (!quoted && is_break(c)) {
      break;
    } else if (!quoted && c == ',') {
      ++commas;
    } else if (!quoted && c == ';') {
      ++semicolons;
    }
  }
  return semicolons > commas ? ';' : ',';
}

std::string csv_field(std::string_view text) {
  std::string value;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
    value.push_back('\'');
  }
  value.append(text);
  const bool quote = value.find_first_of(",\"\r\n") != std::string::npos ||
                     (!value.empty() && (value.front() == ' ' || value.back() == ' '));
  if (!quote) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string csv_record(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out.push_back(',');
    out += csv_field(fields[i]);
  }
  out += "\r\n";
  return out;
}

}  // namespace hisx::sdk
