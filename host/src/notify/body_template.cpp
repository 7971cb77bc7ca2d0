#include "notify/body_template.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Stringifier.h>

#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace hisx::host {

const char* const BodyTemplate::kDefault =
    R"({"id": "{{id}}", "channel": "{{channel}}", "to": "{{to}}", "subject": "{{subject}}", )"
    R"("text": "{{text}}"})";

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool is_field_name(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string data_field(const Poco::JSON::Object::Ptr& data, const std::string& field) {
  if (data.isNull() || !data->has(field)) return {};
  const Poco::Dynamic::Var value = data->get(field);
  if (value.isEmpty()) return {};
  if (value.isString()) return value.extract<std::string>();
  if (value.type() == typeid(Poco::JSON::Object::Ptr) ||
      value.type() == typeid(Poco::JSON::Array::Ptr)) {
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(value, out);
    return out.str();
  }
  return value.convert<std::string>();
}

}  // namespace

std::string json_escape(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 8);
  for (char c : value) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out;
}

BodyTemplate::BodyTemplate(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t open = text.find("{{", pos);
    if (open == std::string_view::npos) {
      parts_.push_back({Kind::kLiteral, std::string(text.substr(pos))});
      break;
    }
    if (open > pos) parts_.push_back({Kind::kLiteral, std::string(text.substr(pos, open - pos))});
    const std::size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) {
      throw std::invalid_argument("the placeholder at character " + std::to_string(open + 1) +
                                  " is not closed with }}");
    }
    const std::string_view name = trim(text.substr(open + 2, close - open - 2));
    if (name == "id") {
      parts_.push_back({Kind::kId, {}});
    } else if (name == "channel") {
      parts_.push_back({Kind::kChannel, {}});
    } else if (name == "to") {
      parts_.push_back({Kind::kTo, {}});
    } else if (name == "subject") {
      parts_.push_back({Kind::kSubject, {}});
    } else if (name == "text") {
      parts_.push_back({Kind::kText, {}});
    } else if (name.rfind("data.", 0) == 0 && is_field_name(name.substr(5))) {
      parts_.push_back({Kind::kData, std::string(name.substr(5))});
    } else {
      throw std::invalid_argument("unknown placeholder {{" + std::string(name) +
                                  "}}; use {{to}}, {{subject}}, {{text}}, {{id}}, {{channel}} "
                                  "or {{data.<field>}}");
    }
    pos = close + 2;
  }
}

std::string BodyTemplate::render(const TemplateValues& values) const {
  std::string out;
  for (const auto& part : parts_) {
    switch (part.kind) {
      case Kind::kLiteral:
        out += part.text;
        break;
      case Kind::kId:
        out += json_escape(values.id);
        break;
      case Kind::kChannel:
        out += json_escape(values.channel);
        break;
      case Kind::kTo:
        out += json_escape(values.to);
        break;
      case Kind::kSubject:
        out += json_escape(values.subject);
        break;
      case Kind::kText:
        out += json_escape(values.text);
        break;
      case Kind::kData:
        out += json_escape(data_field(values.data, part.text));
        break;
    }
  }
  return out;
}

}  // namespace hisx::host
