#include "time_zone.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace hisx::appointments {

namespace {

using std::chrono::seconds;

// Big-endian reader over the bytes of a TZif file; any read past the end throws.
class Bytes {
 public:
  Bytes(std::string data, std::string what) : data_(std::move(data)), what_(std::move(what)) {}

  std::int64_t be(std::size_t width) {
    need(width);
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < width; ++i)
      v = (v << 8) | static_cast<unsigned char>(data_[pos_ + i]);
    pos_ += width;
    // Sign-extend: TZif times and offsets are two's complement.
    const unsigned shift = static_cast<unsigned>(64 - 8 * width);
    return static_cast<std::int64_t>(v << shift) >> shift;
  }
  unsigned char byte() { return static_cast<unsigned char>(be(1) & 0xFF); }
  void skip(std::size_t n) {
    need(n);
    pos_ += n;
  }
  std::string text(std::size_t n) {
    need(n);
    std::string s = data_.substr(pos_, n);
    pos_ += n;
    return s;
  }

 private:
  void need(std::size_t n) const {
    if (pos_ + n > data_.size()) throw std::runtime_error(what_ + " is truncated");
  }
  std::string data_;
  std::string what_;
  std::size_t pos_ = 0;
};

struct Counts {
  std::int64_t isut, isstd, leap, time, type, chars;
};

Counts header(Bytes& in, char& version) {
  if (in.text(4) != "TZif") throw std::runtime_error("not a TZif file");
  version = static_cast<char>(in.byte());
  in.skip(15);
  Counts c{};
  c.isut = in.be(4);
  c.isstd = in.be(4);
  c.leap = in.be(4);
  c.time = in.be(4);
  c.type = in.be(4);
  c.chars = in.be(4);
  return c;
}

bool safe_zone_name(const std::string& name) {
  if (name.empty() || name.front() == '/' || name.find("..") != std::string::npos) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' ||
           c == '+';
  });
}

}  // namespace

TimeZone::TimeZone(std::string name, std::int32_t initial_offset)
    : name_(std::move(name)), initial_offset_(initial_offset) {}

TimeZone TimeZone::fixed(std::string name, std::chrono::seconds offset) {
  return TimeZone(std::move(name), static_cast<std::int32_t>(offset.count()));
}

TimeZone TimeZone::load(const std::string& name, std::filesystem::path dir) {
  if (dir.empty()) {
    const char* env = std::getenv("TZDIR");
    dir = (env != nullptr && *env != '\0') ? env : "/usr/share/zoneinfo";
  }
  const std::filesystem::path file = dir / name;
  const std::string what = "time zone '" + name + "' (" + file.string() + ")";
  if (!safe_zone_name(name)) throw std::runtime_error(what + ": not a time zone name");
  std::ifstream f(file, std::ios::binary);
  if (!f) throw std::runtime_error(what + ": cannot read the zone file");
  std::string data{std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
  try {
    Bytes in(std::move(data), what);
    char version = 0;
    Counts c = header(in, version);
    std::size_t time_width = 4;
    if (version >= '2') {
      // Skip the 32-bit block; the 64-bit block after it holds the same data, unclipped.
      in.skip(static_cast<std::size_t>(c.time * 5 + c.type * 6 + c.chars + c.leap * 8 + c.isstd +
                                       c.isut));
      c = header(in, version);
      time_width = 8;
    }
    std::vector<std::int64_t> times(static_cast<std::size_t>(c.time));
    for (auto& t : times) t = in.be(time_width);
    std::vector<unsigned char> indices(static_cast<std::size_t>(c.time));
    for (auto& i : indices) i = in.byte();
    std::vector<std::int32_t> type_offsets(static_cast<std::size_t>(c.type));
    for (auto& o : type_offsets) {
      o = static_cast<std::int32_t>(in.be(4));
      in.skip(2);  // isdst, abbreviation index
    }
    if (type_offsets.empty()) throw std::runtime_error("no local time types");
    // RFC 8536: time type 0 applies before the first transition.
    TimeZone zone(name, type_offsets.front());
    for (std::size_t i = 0; i < times.size(); ++i) {
      if (indices[i] >= type_offsets.size()) throw std::runtime_error("bad local time type");
      zone.transitions_.push_back(times[i]);
      zone.offsets_.push_back(type_offsets[indices[i]]);
    }
    return zone;
  } catch (const std::runtime_error& e) {
    if (std::string(e.what()).rfind(what, 0) == 0) throw;
    throw std::runtime_error(what + ": " + e.what());
  }
}

seconds TimeZone::offset_at(Instant t) const {
  const std::int64_t s = t.time_since_epoch().count();
  auto it = std::upper_bound(transitions_.begin(), transitions_.end(), s);
  if (it == transitions_.begin()) return seconds{initial_offset_};
  return seconds{offsets_[static_cast<std::size_t>(std::distance(transitions_.begin(), it) - 1)]};
}

LocalTime TimeZone::to_local(Instant t) const {
  return LocalTime{t.time_since_epoch() + offset_at(t)};
}

Instant TimeZone::to_utc(LocalTime local) const {
  const seconds wall = local.time_since_epoch();
  // Offsets change at most once around any instant in practice; a day either side covers
  // every real transition.
  const seconds before = offset_at(Instant{wall - std::chrono::hours(24)});
  const seconds after = offset_at(Instant{wall + std::chrono::hours(24)});
  std::optional<Instant> best;
  for (seconds offset : {before, after, offset_at(Instant{wall})}) {
    const Instant candidate{wall - offset};
    if (offset_at(candidate) == offset && (!best || candidate < *best)) best = candidate;
  }
  if (best) return *best;
  return Instant{wall - before};  // In a gap: the offset before it moves the time forward.
}

}  // namespace hisx::appointments
