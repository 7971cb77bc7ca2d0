#include "db/sql_text.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace hisx::host {

namespace {

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// If a dollar-quote opening tag ($$ or $tag$) starts at `i`, its length; else 0.
std::size_t dollar_tag_length(std::string_view s, std::size_t i) {
  if (s[i] != '$') return 0;
  // `x$y` is an identifier and `$1` a positional parameter, not a dollar quote.
  if (i > 0 && (is_ident_char(s[i - 1]) || s[i - 1] == '$')) return 0;
  std::size_t j = i + 1;
  if (j < s.size() && is_ident_start(s[j])) {
    while (j < s.size() && is_ident_char(s[j])) ++j;
  }
  if (j < s.size() && s[j] == '$') return j - i + 1;
  return 0;
}

// If a quoted string, quoted identifier, comment or dollar-quoted block starts at `i`, the
// index just past its end (or the end of the text if it is not closed); else `i`.
std::size_t skip_non_code(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == '\'' || c == '"' || c == '`') {
    const auto end = s.find(c, i + 1);
    return end == std::string_view::npos ? s.size() : end + 1;
  }
  if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
    const auto end = s.find('\n', i + 2);
    return end == std::string_view::npos ? s.size() : end + 1;
  }
  if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
    const auto end = s.find("*/", i + 2);
    return end == std::string_view::npos ? s.size() : end + 2;
  }
  if (const std::size_t tag = dollar_tag_length(s, i); tag > 0) {
    const auto end = s.find(s.substr(i, tag), i + tag);
    return end == std::string_view::npos ? s.size() : end + tag;
  }
  return i;
}

std::string trimmed(std::string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

}  // namespace

std::vector<std::string> split_sql_statements(std::string_view script) {
  std::vector<std::string> statements;
  std::size_t start = 0;
  bool has_code = false;  // Something besides blanks and comments since `start`.
  std::size_t i = 0;
  auto finish = [&](std::size_t end) {
    if (has_code) statements.push_back(trimmed(script.substr(start, end - start)));
    start = end + 1;
    has_code = false;
  };
  while (i < script.size()) {
    const std::size_t next = skip_non_code(script, i);
    if (next != i) {
      // A string or dollar block is content; a comment is not.
      const char c = script[i];
      if (c != '-' && c != '/') has_code = true;
      i = next;
      continue;
    }
    if (script[i] == ';') {
      finish(i);
    } else if (!std::isspace(static_cast<unsigned char>(script[i]))) {
      has_code = true;
    }
    ++i;
  }
  finish(script.size());
  return statements;
}

namespace {

// Calls `use(position, length, name)` for each `:name` parameter of `sql`, in order.
template <class Use>
void for_each_parameter(std::string_view sql, Use use) {
  std::size_t i = 0;
  while (i < sql.size()) {
    const std::size_t next = skip_non_code(sql, i);
    if (next != i) {
      i = next;
      continue;
    }
    if (sql[i] == ':' && i + 1 < sql.size()) {
      if (sql[i + 1] == ':' || sql[i + 1] == '=') {
        i += 2;
        continue;
      }
      if (is_ident_start(sql[i + 1])) {
        std::size_t j = i + 1;
        while (j < sql.size() && is_ident_char(sql[j])) ++j;
        use(i, j - i, std::string(sql.substr(i + 1, j - i - 1)));
        i = j;
        continue;
      }
    }
    ++i;
  }
}

constexpr std::string_view kRepeatMark = "__hisx";

}  // namespace

std::vector<std::string> sql_parameters(std::string_view sql) {
  std::vector<std::string> names;
  for_each_parameter(sql, [&](std::size_t, std::size_t, const std::string& name) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  });
  return names;
}

std::string with_distinct_parameters(std::string_view sql) {
  std::string out;
  std::size_t copied = 0;
  std::map<std::string, int> seen;
  for_each_parameter(sql, [&](std::size_t at, std::size_t length, const std::string& name) {
    const int n = ++seen[name];
    out.append(sql.substr(copied, at + length - copied));
    if (n > 1) out += std::string(kRepeatMark) + std::to_string(n);
    copied = at + length;
  });
  out.append(sql.substr(copied));
  return out;
}

std::string parameter_of(std::string_view bound_name) {
  const auto mark = bound_name.rfind(kRepeatMark);
  if (mark == std::string_view::npos || mark == 0) return std::string(bound_name);
  const auto digits = bound_name.substr(mark + kRepeatMark.size());
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::string(bound_name);
  }
  return std::string(bound_name.substr(0, mark));
}

}  // namespace hisx::host
