#include "web/static_site.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/String.h>
#include <Poco/Timestamp.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "web/content_type.h"
#include "web/url_path.h"

namespace hisx::host {

namespace {

namespace fs = std::filesystem;

struct FileInfo {
  fs::path path;
  long long size = 0;
  long long mtime_seconds = 0;
  long long mtime_nanoseconds = 0;
};

// `path` (canonical) when it is a regular file: its size and modification time.
std::optional<FileInfo> regular_file(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return FileInfo{path, static_cast<long long>(st.st_size),
                  static_cast<long long>(st.st_mtim.tv_sec),
                  static_cast<long long>(st.st_mtim.tv_nsec)};
}

// True when `path` is `folder` itself or lies below it (both canonical).
bool is_within(const fs::path& path, const fs::path& folder) {
  auto [f, p] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  return f == folder.end();
}

// The canonical form of `path` if it exists and stays within `folder`.
std::optional<fs::path> contained(const fs::path& path, const fs::path& folder) {
  std::error_code ec;
  fs::path real = fs::canonical(path, ec);
  if (ec || !is_within(real, folder)) return std::nullopt;
  return real;
}

// Changes with every edit of the file (size and nanosecond time), like nginx's ETag.
std::string etag_of(const FileInfo& file) {
  std::ostringstream out;
  out << '"' << std::hex << file.size << '-' << file.mtime_seconds << '.' << file.mtime_nanoseconds
      << '"';
  return out.str();
}

std::string http_date(long long seconds) {
  return Poco::DateTimeFormatter::format(
      Poco::Timestamp::fromEpochTime(static_cast<time_t>(seconds)),
      Poco::DateTimeFormat::HTTP_FORMAT);
}

// RFC 9110 13.1.2: weak comparison, a list of tags, or "*".
bool none_match_hits(const std::string& header, const std::string& etag) {
  std::istringstream list(header);
  std::string item;
  while (std::getline(list, item, ',')) {
    item = Poco::trim(item);
    if (item == "*") return true;
    if (item.rfind("W/", 0) == 0) item.erase(0, 2);
    if (item == etag) return true;
  }
  return false;
}

bool not_modified_since(const std::string& header, long long mtime_seconds) {
  Poco::DateTime since;
  int tzd = 0;
  if (!Poco::DateTimeParser::tryParse(Poco::trim(header), since, tzd)) return false;
  since.makeUTC(tzd);
  return mtime_seconds <= since.timestamp().epochTime();
}

void security_headers(HostResponse& response) {
  response.header("X-Content-Type-Options", "nosniff");
  response.header("Content-Security-Policy", kStaticContentSecurityPolicy);
  response.header("Referrer-Policy", "same-origin");
  response.header("X-Frame-Options", "DENY");
}

void redirect(const StaticRequest& request, HostResponse& response) {
  response.status(301);
  response.header("Location",
                  request.raw_path + "/" + (request.query.empty() ? "" : "?" + request.query));
  security_headers(response);
}

std::optional<std::string> read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(content).str();
}

bool is_safe_prefix(const std::string& prefix) {
  if (prefix == "/") return true;
  if (prefix.size() < 3 || prefix.front() != '/' || prefix.back() != '/') return false;
  const auto path = parse_url_path(prefix.substr(1));
  return path && path->segments.size() == 1 &&
         path->segments.front() == prefix.substr(1, prefix.size() - 2);
}

}  // namespace

void StaticSite::mount(const std::string& prefix, const fs::path& folder) {
  if (!is_safe_prefix(prefix)) {
    throw std::invalid_argument("A static mount prefix is \"/\" or \"/<name>/\"; got \"" + prefix +
                                "\"");
  }
  for (const auto& m : mounts_) {
    if (m.prefix == prefix) {
      throw std::invalid_argument("\"" + prefix + "\" is already mounted from " +
                                  m.folder.string());
    }
  }
  std::error_code ec;
  fs::path real = fs::canonical(folder, ec);
  if (ec || !fs::is_directory(real)) {
    throw std::invalid_argument("Cannot serve \"" + prefix + "\" from " + folder.string() +
                                ": not an existing folder");
  }
  mounts_.push_back({prefix, real});
  std::stable_sort(mounts_.begin(), mounts_.end(), [](const Mount& a, const Mount& b) {
    return a.prefix.size() > b.prefix.size();
  });
}

bool StaticSite::serve(const StaticRequest& request, HostResponse& response) const {
  if (request.method != "GET" && request.method != "HEAD") return false;
  const std::string& raw = request.raw_path;
  for (const auto& m : mounts_) {
    if (raw + "/" == m.prefix) {  // "/his" → "/his/"
      redirect(request, response);
      return true;
    }
    if (raw.rfind(m.prefix, 0) != 0) continue;

    const auto url = parse_url_path(raw.substr(m.prefix.size()));
    if (!url) return false;
    fs::path wanted = m.folder;
    for (const auto& segment : url->segments) wanted /= segment;
    auto real = contained(wanted, m.folder);
    if (!real) return false;
    if (fs::is_directory(*real)) {
      if (!url->trailing_slash) {
        redirect(request, response);
        return true;
      }
      real = contained(*real / "index.html", m.folder);
      if (!real) return false;
    } else if (url->trailing_slash) {
      return false;  // "page.html/" names a folder that is not there
    }
    const auto file = regular_file(*real);
    if (!file) return false;

    const std::string etag = etag_of(*file);
    const bool current = request.if_none_match ? none_match_hits(*request.if_none_match, etag)
                                               : request.if_modified_since &&
                                                     not_modified_since(*request.if_modified_since,
                                                                        file->mtime_seconds);
    std::optional<std::string> content;
    if (!current) {
      content = read_all(file->path);
      if (!content) return false;
    }
    response.status(current ? 304 : 200);
    response.header("ETag", etag);
    response.header("Last-Modified", http_date(file->mtime_seconds));
    response.header("Cache-Control", "no-cache");
    security_headers(response);
    if (content) response.body(std::move(*content), content_type_for(file->path));
    return true;
  }
  return false;
}

}  // namespace hisx::host
