#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hisx::host {

/// A request path below a mount point, checked and split for the file system.
struct UrlPath {
  std::vector<std::string> segments;  ///< Decoded segments, none empty, "." or "..".
  bool trailing_slash = false;        ///< The path named a folder ("…/").
};

/// Splits `raw` (the part of a still percent-encoded request path after a mount prefix, e.g.
/// "shell/shell.js") into decoded segments. Returns nothing for anything that could leave the
/// folder or reach a hidden file: a segment that is "." or "..", or starts with "." (also when
/// percent-encoded, e.g. %2e%2e), one that decodes to something holding '/', '\\' or NUL, an
/// empty segment ("a//b") and a malformed percent escape.
std::optional<UrlPath> parse_url_path(const std::string& raw);

}  // namespace hisx::host
