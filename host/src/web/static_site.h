#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "http/host_response.h"

namespace hisx::host {

/// What a static file answer depends on in a request.
struct StaticRequest {
  std::string method;    ///< Only GET and HEAD are served.
  std::string raw_path;  ///< The path as sent (still percent-encoded), without the query.
  std::string query;     ///< The raw query (without '?'), kept in redirects.
  std::optional<std::string> if_none_match;      ///< `If-None-Match`.
  std::optional<std::string> if_modified_since;  ///< `If-Modified-Since`.
};

/// The static staff pages: URL prefixes mapped onto folders ("/" → the shell, "/his/" → the
/// `his` plugin's web folder). Files are answered with their content type, an ETag and
/// Last-Modified (304 when the client's copy is current), `Cache-Control: no-cache` (files
/// are not fingerprinted, so the browser revalidates every time) and security headers that
/// let pages load only their own origin's scripts, styles and data. Nothing outside a mounted
/// folder is ever served: no "..", no hidden files, no symbolic link that leads out.
/// Mount everything before serving; serving is then safe from many threads.
class StaticSite {
 public:
  /// One mounted folder.
  struct Mount {
    std::string prefix;            ///< "/" or "/<name>/".
    std::filesystem::path folder;  ///< Canonical (symbolic links resolved).
  };

  /// Serves `folder` under `prefix`. Throws std::invalid_argument when `prefix` is not "/" or
  /// "/<name>/" with a safe name, is already mounted, or `folder` is not an existing folder.
  void mount(const std::string& prefix, const std::filesystem::path& folder);

  /// Answers `request` into `response` (200, 304, or 301 to the folder's URL with a trailing
  /// slash) and returns true; returns false, leaving `response` untouched, when no mounted
  /// folder holds a file at that path (or the method is not GET or HEAD). Throws only when
  /// memory runs out.
  bool serve(const StaticRequest& request, HostResponse& response) const;

  /// The mounts, longest prefix first (the order in which they are tried).
  const std::vector<Mount>& mounts() const { return mounts_; }

 private:
  std::vector<Mount> mounts_;
};

/// The Content-Security-Policy of every static answer: only the site's own origin, no inline
/// scripts or styles, no framing.
inline constexpr const char* kStaticContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

}  // namespace hisx::host
