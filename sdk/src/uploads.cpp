#include "hisx/uploads.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "hisx/problem.h"

namespace hisx::sdk {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

// A header value such as `form-data; name="file"; filename="a.csv"` or
// `multipart/form-data; boundary=xyz`: the first token lower-cased, then the parameters (names
// lower-cased, quoted values unquoted).
struct HeaderValue {
  std::string token;
  std::vector<std::pair<std::string, std::string>> params;

  std::optional<std::string> param(const std::string& name) const {
    for (const auto& [key, value] : params) {
      if (key == name) return value;
    }
    return std::nullopt;
  }
};

HeaderValue parse_header_value(std::string_view text) {
  HeaderValue out;
  std::size_t at = text.find(';');
  out.token = lower(trim(text.substr(0, at)));
  while (at != std::string_view::npos && at < text.size()) {
    ++at;  // past ';'
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
    const std::size_t eq = text.find('=', at);
    if (eq == std::string_view::npos) break;
    std::string name = lower(trim(text.substr(at, eq - at)));
    at = eq + 1;
    std::string value;
    if (at < text.size() && text[at] == '"') {
      ++at;
      while (at < text.size() && text[at] != '"') {
        if (text[at] == '\\' && at + 1 < text.size()) ++at;
        value += text[at++];
      }
      at = text.find(';', at);
    } else {
      const std::size_t end = text.find(';', at);
      value = std::string(trim(text.substr(at, end == std::string_view::npos ? end : end - at)));
      at = end;
    }
    out.params.emplace_back(std::move(name), std::move(value));
  }
  return out;
}

Problem malformed(const std::string& what) {
  return Problem(400, "bad-request",
                 "The multipart/form-data body is malformed: " + what +
                     " / Nội dung multipart/form-data không hợp lệ");
}

FormPart parse_part(std::string_view part) {
  FormPart out;
  std::string_view headers;
  std::string_view body;
  if (part.substr(0, 2) == "\r\n") {  // no headers at all
    body = part.substr(2);
  } else {
    const std::size_t end = part.find("\r\n\r\n");
    if (end == std::string_view::npos) throw malformed("a part has no end of headers");
    headers = part.substr(0, end);
    body = part.substr(end + 4);
  }
  bool disposed = false;
  std::size_t at = 0;
  while (at < headers.size()) {
    std::size_t end = headers.find("\r\n", at);
    if (end == std::string_view::npos) end = headers.size();
    const std::string_view line = headers.substr(at, end - at);
    at = end + 2;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) throw malformed("a part header has no ':'");
    const std::string name = lower(trim(line.substr(0, colon)));
    const HeaderValue value = parse_header_value(line.substr(colon + 1));
    if (name == "content-disposition") {
      if (value.token != "form-data") throw malformed("a part is not form-data");
      out.name = value.param("name").value_or("");
      out.file_name = value.param("filename").value_or("");
      disposed = true;
    } else if (name == "content-type") {
      out.content_type = value.token;
    }
  }
  if (!disposed) throw malformed("a part has no Content-Disposition");
  out.body = std::string(body);
  return out;
}

std::size_t line_of(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(
                 text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// The text of an upload, checked: UTF-8 without NUL, not empty, BOM removed.
std::string checked_text(std::string text, const std::string& field) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw Problem::invalid(field, "The file is empty / Tệp không có nội dung");
  }
  if (text.rfind("PK\x03\x04", 0) == 0) {
    throw Problem::invalid(field,
                           "This is a spreadsheet workbook (.xlsx), not a text file; in Excel, "
                           "save it with 'CSV UTF-8 (Comma delimited)' and upload that / Đây là "
                           "tệp bảng tính (.xlsx), không phải tệp văn bản; trong Excel hãy lưu "
                           "bằng 'CSV UTF-8 (Comma delimited)' rồi tải tệp đó lên");
  }
  const std::size_t bad = invalid_utf8_at(text);
  const std::size_t nul = text.find('\0');
  if (bad != std::string::npos || nul != std::string::npos) {
    const std::size_t at = std::min(bad, nul);
    const std::size_t line = line_of(text, at);
    const std::string where = "line " + std::to_string(line) + ", byte " + std::to_string(at + 1);
    throw Problem::invalid(field,
                           "The file is not UTF-8 text (" + where +
                               "); in Excel, save it with 'CSV UTF-8 (Comma delimited)' / Tệp "
                               "không phải văn bản UTF-8 (dòng " +
                               std::to_string(line) +
                               "); trong Excel hãy lưu bằng 'CSV UTF-8 (Comma delimited)'")
        .with("line", static_cast<long long>(line));
  }
  return text;
}

bool is_text_file_type(const std::string& type) {
  return type.empty() || type.rfind("text/", 0) == 0 || type == "application/csv" ||
         type == "application/vnd.ms-excel" || type == "application/octet-stream";
}

Problem unsupported(const std::string& field, const std::string& what) {
  return Problem(415, "unsupported-media-type",
                 what + "; send a UTF-8 text file as text/csv or text/plain, or as field '" +
                     field +
                     "' of a multipart/form-data form / hãy gửi tệp văn bản UTF-8 (text/csv, "
                     "text/plain) hoặc trường '" +
                     field + "' của biểu mẫu multipart/form-data",
                 field);
}

}  // namespace

std::vector<FormPart> parse_multipart(std::string_view body, const std::string& content_type) {
  const HeaderValue type = parse_header_value(content_type);
  const auto boundary = type.param("boundary");
  if (type.token != "multipart/form-data" || !boundary || boundary->empty() ||
      boundary->size() > 200) {
    throw malformed("the Content-Type has no boundary");
  }
  const std::string delimiter = "--" + *boundary;
  // The first delimiter starts the body or follows a preamble's line break.
  std::size_t at = body.rfind(delimiter, 0) == 0 ? 0 : body.find("\r\n" + delimiter);
  if (at == std::string_view::npos) throw malformed("no part begins with the boundary");
  if (at != 0) at += 2;
  std::vector<FormPart> parts;
  for (;;) {
    at += delimiter.size();
    if (body.substr(at, 2) == "--") return parts;  // the close delimiter
    while (at < body.size() && (body[at] == ' ' || body[at] == '\t')) ++at;
    if (body.substr(at, 2) != "\r\n") throw malformed("a boundary line does not end with CRLF");
    at += 2;
    const std::size_t next = body.find("\r\n" + delimiter, at);
    if (next == std::string_view::npos) throw malformed("the closing boundary is missing");
    parts.push_back(parse_part(body.substr(at, next - at)));
    at = next + 2;
  }
}

std::size_t invalid_utf8_at(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;   // overlong
      if (c == 0xED) high = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;   // overlong
      if (c == 0xF4) high = 0x8F;  // above U+10FFFF
    } else {
      return i;
    }
    if (i + length > n) return i;
    if (s[i + 1] < low || s[i + 1] > high) return i;
    for (std::size_t k = 2; k < length; ++k) {
      if (s[i + k] < 0x80 || s[i + k] > 0xBF) return i;
    }
    i += length;
  }
  return std::string::npos;
}

TextUpload read_text_upload(const Request& req, const std::string& field) {
  const std::string content_type = req.header("Content-Type").value_or("");
  const HeaderValue type = parse_header_value(content_type);
  TextUpload out;
  if (type.token == "multipart/form-data") {
    std::vector<FormPart> parts = parse_multipart(req.body(), content_type);
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (parts[i].name != field) continue;
      if (found) {
        throw Problem::invalid(field, "The form holds more than one '" + field +
                                          "'; upload one file at a time / Biểu mẫu có nhiều "
                                          "hơn một '" +
                                          field + "'; hãy tải lên từng tệp một");
      }
      found = i;
    }
    if (!found) {
      throw Problem::invalid(field, "The form has no file '" + field +
                                        "'; choose a file to upload / Biểu mẫu không có tệp '" +
                                        field + "'; hãy chọn tệp để tải lên");
    }
    FormPart file = std::move(parts[*found]);
    parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(*found));
    if (!is_text_file_type(file.content_type)) {
      throw unsupported(
          field, "The file '" + file.file_name + "' is " + file.content_type + ", not a text file");
    }
    out.text = checked_text(std::move(file.body), field);
    out.file_name = std::move(file.file_name);
    out.fields = std::move(parts);
    return out;
  }
  if (type.token != "text/csv" && type.token != "text/plain" && type.token != "application/csv") {
    throw unsupported(field, "The request's Content-Type is '" +
                                 (content_type.empty() ? std::string("none") : content_type) + "'");
  }
  if (const auto charset = type.param("charset")) {
    const std::string name = lower(*charset);
    if (name != "utf-8" && name != "utf8" && name != "us-ascii") {
      throw unsupported(field, "The file is in charset '" + *charset + "', not UTF-8");
    }
  }
  out.text = checked_text(req.body(), field);
  return out;
}

std::vector<CsvRow> read_csv_upload(const Request& req, const std::string& field, char delimiter) {
  const TextUpload upload = read_text_upload(req, field);
  try {
    return parse_csv(upload.text, delimiter ? delimiter : guess_csv_delimiter(upload.text));
  } catch (const CsvError& e) {
    throw Problem::invalid(field, "Line " + std::to_string(e.line()) + " / dòng " +
                                      std::to_string(e.line()) + ": " + e.what())
        .with("line", static_cast<long long>(e.line()));
  }
}

}  // namespace hisx::sdk
