// Checking payloads against their declarations (hisx/event_schemas.h).
#include "hisx/event_schemas.h"

#include <Poco/JSON/Array.h>

#include <set>
#include <stdexcept>

#include "hisx/civil_time.h"

namespace hisx::sdk {

namespace {

using Poco::Dynamic::Var;

bool is_object(const Var& v) {
  return v.type() == typeid(Poco::JSON::Object::Ptr) || v.type() == typeid(Poco::JSON::Object) ||
         v.isStruct();
}

bool is_array(const Var& v) {
  return v.type() == typeid(Poco::JSON::Array::Ptr) || v.type() == typeid(Poco::JSON::Array) ||
         v.isVector() || v.isList() || v.isDeque();
}

bool is_integer(const Var& v) { return !v.isBoolean() && v.isInteger(); }

// "YYYY-MM-DDTHH:MM:SS" + optional ".f" (1 to 9 digits) + "Z".
bool is_utc_time(const std::string& text) {
  if (text.size() < 20 || text.back() != 'Z') return false;
  if (!parse_utc(text.substr(0, 19) + "Z")) return false;
  const std::string fraction = text.substr(19, text.size() - 20);
  if (fraction.empty()) return true;
  if (fraction.size() < 2 || fraction.size() > 10 || fraction[0] != '.') return false;
  for (std::size_t i = 1; i < fraction.size(); ++i) {
    if (fraction[i] < '0' || fraction[i] > '9') return false;
  }
  return true;
}

bool fits(FieldType type, const Var& v) {
  switch (type) {
    case FieldType::kString:
      return v.isString();
    case FieldType::kInteger:
      return is_integer(v);
    case FieldType::kNumber:
      return !v.isBoolean() && v.isNumeric();
    case FieldType::kBoolean:
      return v.isBoolean();
    case FieldType::kTime:
      return v.isString() && is_utc_time(v.extract<std::string>());
    case FieldType::kDate:
      return v.isString() && parse_date(v.extract<std::string>()).has_value();
    case FieldType::kHisId:
      return (v.isString() && !v.extract<std::string>().empty()) || is_integer(v);
    case FieldType::kArray:
      return is_array(v);
    case FieldType::kObject:
      return is_object(v);
  }
  return false;
}

std::string expected(FieldType type) {
  switch (type) {
    case FieldType::kString:
      return "a string";
    case FieldType::kInteger:
      return "an integer";
    case FieldType::kNumber:
      return "a number";
    case FieldType::kBoolean:
      return "a boolean (true or false)";
    case FieldType::kTime:
      return "a time (ISO-8601 UTC, e.g. 2026-12-01T00:30:00Z)";
    case FieldType::kDate:
      return "a date (YYYY-MM-DD, the hospital's day)";
    case FieldType::kHisId:
      return "an HIS id (a non-empty string, or an integer)";
    case FieldType::kArray:
      return "an array";
    case FieldType::kObject:
      return "an object";
  }
  return "?";
}

// The value as the message shows it: short JSON.
std::string shown(const Var& v) {
  if (v.isString()) {
    std::string text = v.extract<std::string>();
    if (text.size() > 40) text = text.substr(0, 40) + "…";
    return "'" + text + "'";
  }
  if (is_object(v)) return "an object";
  if (is_array(v)) return "an array";
  try {
    std::string text = v.toString();
    if (text.size() > 40) text = text.substr(0, 40) + "…";
    return text;
  } catch (const std::exception&) {
    return "a value of another type";
  }
}

bool is_word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

// Two or more words of [a-z0-9_] joined by '.', at most 200 characters.
bool is_event_name(const std::string& name) {
  if (name.empty() || name.size() > 200 || name.front() == '.' || name.back() == '.') return false;
  bool dotted = false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '.') {
      if (name[i - 1] == '.') return false;
      dotted = true;
    } else if (!is_word_char(name[i])) {
      return false;
    }
  }
  return dotted;
}

}  // namespace

std::string_view to_string(FieldType type) {
  switch (type) {
    case FieldType::kString:
      return "string";
    case FieldType::kInteger:
      return "integer";
    case FieldType::kNumber:
      return "number";
    case FieldType::kBoolean:
      return "boolean";
    case FieldType::kTime:
      return "time";
    case FieldType::kDate:
      return "date";
    case FieldType::kHisId:
      return "HIS id";
    case FieldType::kArray:
      return "array";
    case FieldType::kObject:
      return "object";
  }
  return "?";
}

std::string payload_problem(const EventSchema& schema, const Poco::JSON::Object::Ptr& payload) {
  std::string problems;
  auto add = [&](const std::string& problem) {
    problems += (problems.empty() ? "" : "; ") + problem;
  };
  for (const auto& field : schema.fields) {
    const bool present = payload && payload->has(field.name) && !payload->isNull(field.name);
    if (!present) {
      if (field.required) add("field '" + field.name + "' is required");
      continue;
    }
    const Var value = payload->get(field.name);
    if (!fits(field.type, value)) {
      add("field '" + field.name + "' must be " + expected(field.type) + ", found " + shown(value));
    }
  }
  if (problems.empty()) return {};
  return schema.name + " v" + std::to_string(schema.version) + ": " + problems;
}

void check_payload(const EventSchema& schema, const Poco::JSON::Object::Ptr& payload) {
  if (auto problem = payload_problem(schema, payload); !problem.empty()) {
    throw std::invalid_argument(problem);
  }
}

void check_schema(const EventSchema& schema) {
  auto refuse = [&](const std::string& problem) {
    throw std::invalid_argument("event declaration '" + schema.name + "': " + problem);
  };
  if (!is_event_name(schema.name)) {
    refuse(
        "the name must be two or more words of a-z, 0-9 and '_' joined by '.', at most 200 "
        "characters, e.g. 'fast_lane.ticket_called'");
  }
  if (schema.version < 1) refuse("the version must be 1 or more");
  if (schema.description.empty()) refuse("the description is empty: say in one line what happened");
  std::set<std::string> names;
  for (const auto& field : schema.fields) {
    bool ok = !field.name.empty() && field.name.size() <= 100;
    for (char c : field.name) ok = ok && is_word_char(c);
    if (!ok) refuse("field '" + field.name + "': a field name is 1 to 100 of a-z, 0-9 and '_'");
    if (field.meaning.empty()) refuse("field '" + field.name + "' has no meaning: say what it is");
    if (!names.insert(field.name).second) refuse("field '" + field.name + "' is declared twice");
  }
}

}  // namespace hisx::sdk
