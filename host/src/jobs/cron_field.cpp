#include "jobs/cron_field.h"

#include <cctype>
#include <stdexcept>

namespace hisx::host {

namespace {

std::string upper(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

[[noreturn]] void refuse(const CronFieldSpec& spec, const std::string& problem) {
  throw std::invalid_argument(std::string(spec.name) + ": " + problem);
}

std::string range_text(const CronFieldSpec& spec) {
  std::string text = std::to_string(spec.min) + "-" + std::to_string(spec.max);
  if (!spec.names.empty()) text += " or " + spec.names.front() + "-" + spec.names.back();
  return text;
}

// A number or a name of the field.
int value_of(std::string_view text, const CronFieldSpec& spec) {
  if (text.empty()) refuse(spec, "a value is missing");
  if (std::isdigit(static_cast<unsigned char>(text.front()))) {
    int value = 0;
    for (char c : text) {
      if (!std::isdigit(static_cast<unsigned char>(c))) {
        refuse(spec, "'" + std::string(text) + "' is not a number");
      }
      value = value * 10 + (c - '0');
      if (value > 1000) break;
    }
    if (value < spec.min || value > spec.max) {
      refuse(spec, std::string(text) + " is outside " + range_text(spec));
    }
    return value;
  }
  const std::string name = upper(text);
  for (std::size_t i = 0; i < spec.names.size(); ++i) {
    if (spec.names[i] == name) return spec.min + static_cast<int>(i);
  }
  refuse(spec, "'" + std::string(text) + "' is not a value; expected " + range_text(spec));
}

int step_of(std::string_view text, const CronFieldSpec& spec) {
  int step = 0;
  if (text.empty()) refuse(spec, "a step after '/' is missing");
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      refuse(spec, "step '" + std::string(text) + "' is not a number");
    }
    step = step * 10 + (c - '0');
    if (step > 1000) break;
  }
  if (step < 1 || step > spec.max - spec.min + 1) {
    refuse(spec, "step " + std::string(text) + " must be from 1 to " +
                     std::to_string(spec.max - spec.min + 1));
  }
  return step;
}

// One item of a list: `*`, `a`, `a-b`, each optionally `/step`.
std::uint64_t parse_item(std::string_view item, const CronFieldSpec& spec) {
  if (item.empty()) refuse(spec, "an empty item in a list");
  std::string_view base = item;
  int step = 1;
  bool stepped = false;
  if (auto slash = item.find('/'); slash != std::string_view::npos) {
    base = item.substr(0, slash);
    step = step_of(item.substr(slash + 1), spec);
    stepped = true;
  }
  int first = spec.min;
  int last = spec.max;
  if (base != "*") {
    if (auto dash = base.find('-'); dash != std::string_view::npos) {
      first = value_of(base.substr(0, dash), spec);
      last = value_of(base.substr(dash + 1), spec);
      if (first > last) {
        refuse(spec, "range '" + std::string(base) + "' runs backwards; write it as a list");
      }
    } else {
      first = value_of(base, spec);
      last = stepped ? spec.max : first;
    }
  }
  std::uint64_t bits = 0;
  for (int v = first; v <= last; v += step) bits |= std::uint64_t{1} << v;
  return bits;
}

}  // namespace

CronField parse_cron_field(std::string_view text, const CronFieldSpec& spec) {
  if (text.empty()) refuse(spec, "the field is empty");
  CronField field;
  field.restricted = text.front() != '*';
  std::size_t start = 0;
  while (true) {
    const auto comma = text.find(',', start);
    const auto item =
        text.substr(start, comma == std::string_view::npos ? text.npos : comma - start);
    field.bits |= parse_item(item, spec);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return field;
}

}  // namespace hisx::host
