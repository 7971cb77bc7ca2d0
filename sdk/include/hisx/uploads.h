#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "hisx/csv.h"
#include "hisx/export.h"
#include "hisx/http.h"

namespace hisx::sdk {

/// Uploaded text files (a CSV of paper linking forms, a list of codes) read from a request,
/// with the refusals every upload route needs. Pair them with a route that allows a larger
/// body (`Route::max_body_bytes`). Since 2.0.

/// One part of a `multipart/form-data` body (RFC 7578).
struct FormPart {
  std::string name;          ///< The part's form field name (Content-Disposition `name`).
  std::string file_name;     ///< Its `filename`, as the browser sent it; empty for a plain field.
  std::string content_type;  ///< Its Content-Type, lower-cased, without parameters; may be empty.
  std::string body;          ///< Its bytes.
};

/// A text file read from a request.
struct TextUpload {
  std::string text;              ///< Valid UTF-8, without a leading byte order mark.
  std::string file_name;         ///< The file's name (multipart); empty for a raw body.
  std::vector<FormPart> fields;  ///< The other parts of a multipart form (empty for a raw body).
};

/// The parts of a `multipart/form-data` body; `content_type` is the request's Content-Type
/// header, whose `boundary` parameter separates them. Throws Problem 400 "bad-request" when the
/// boundary is missing or the body does not follow it.
HISX_SDK_API std::vector<FormPart> parse_multipart(std::string_view body,
                                                   const std::string& content_type);

/// The offset of the first byte of `text` that is not part of valid UTF-8 (overlong forms,
/// surrogates and code points above U+10FFFF are invalid), or std::string::npos.
HISX_SDK_API std::size_t invalid_utf8_at(std::string_view text);

/// The text file a request carries, either
/// - as the whole body, with Content-Type `text/csv` or `text/plain` (a `charset` other than
///   UTF-8 or US-ASCII is refused), or
/// - as the part named `field` of a `multipart/form-data` body (what a browser form with
///   `<input type="file" name="file">` sends); the part may be of any text type, or of the types
///   browsers give .csv files (`application/vnd.ms-excel`, `application/octet-stream`).
/// Refusals name `field`: 415 "unsupported-media-type" for another Content-Type; 422 when the
/// form has no such part or several, when the file is empty, or when it is not UTF-8 (the
/// detail gives the line and says how to save it as UTF-8). A leading byte order mark is
/// removed.
HISX_SDK_API TextUpload read_text_upload(const Request& req, const std::string& field = "file");

/// The records of an uploaded CSV file: read_text_upload(), then parse_csv() with `delimiter`
/// ('\0': guess_csv_delimiter()). A CsvError becomes a 422 on `field` with the member "line".
HISX_SDK_API std::vector<CsvRow> read_csv_upload(const Request& req,
                                                 const std::string& field = "file",
                                                 char delimiter = '\0');

}  // namespace hisx::sdk
