#include "hisx/his_id.h"

#include <algorithm>

#include "refusal.h"

namespace hisx::sdk {

namespace {

// Refuses `text` unless it is a HIS id.
const std::string& checked(const std::string& field, const std::string& text) {
  if (text.empty()) refuse(field, "must not be empty", "không được để trống");
  if (text.size() > kMaxHisIdLength) {
    refuse(field, "must be at most " + std::to_string(kMaxHisIdLength) + " characters",
           "dài tối đa " + std::to_string(kMaxHisIdLength) + " ký tự");
  }
  if (!is_his_id(text)) {
    refuse(field, "must not contain control characters", "không được chứa ký tự điều khiển");
  }
  return text;
}

}  // namespace

bool is_his_id(std::string_view text) {
  if (text.empty() || text.size() > kMaxHisIdLength) return false;
  return std::none_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F;
  });
}

HisId json_his_id(const Poco::JSON::Object::Ptr& body, const std::string& field) {
  auto id = json_optional_his_id(body, field);
  if (!id) refuse(field, "is required", "là bắt buộc");
  return *id;
}

std::optional<HisId> json_optional_his_id(const Poco::JSON::Object::Ptr& body,
                                          const std::string& field) {
  if (!body->has(field) || body->isNull(field)) return std::nullopt;
  const Poco::Dynamic::Var v = body->get(field);
  if (v.isString()) return checked(field, v.convert<std::string>());
  if (v.isInteger() && !v.isBoolean()) return checked(field, v.convert<std::string>());
  refuse(field, "must be an id: text or a whole number", "phải là mã: chuỗi hoặc số nguyên");
}

HisId parse_his_id(const std::string& field, const std::string& text) {
  return checked(field, text);
}

HisId query_his_id(const Request& req, const std::string& field) {
  auto id = query_optional_his_id(req, field);
  if (!id) refuse(field, "is required", "là bắt buộc");
  return *id;
}

std::optional<HisId> query_optional_his_id(const Request& req, const std::string& field) {
  const auto text = req.query(field);
  if (!text) return std::nullopt;
  return checked(field, *text);
}

HisId path_his_id(const Request& req, const std::string& name) {
  return checked(name, req.param(name));
}

}  // namespace hisx::sdk
