#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>

#include "hisx/his_id.h"

namespace hisx::appointments {

/// An optional id of hisx's own (booking, slot, due …) as a SOCI value and indicator, for
/// `soci::use(value, indicator)`.
struct NullableId {
  explicit NullableId(std::optional<long long> id)
      : value(id.value_or(0)), indicator(id ? soci::i_ok : soci::i_null) {}
  long long value;
  soci::indicator indicator;
};

/// An optional HIS id (text) as a SOCI value and indicator, for `soci::use(value, indicator)`.
struct NullableHisId {
  explicit NullableHisId(const std::optional<sdk::HisId>& id)
      : value(id.value_or(sdk::HisId())), indicator(id ? soci::i_ok : soci::i_null) {}
  sdk::HisId value;
  soci::indicator indicator;
};

/// The optional id read with an indicator.
inline std::optional<long long> optional_id(long long value, soci::indicator indicator) {
  if (indicator == soci::i_null) return std::nullopt;
  return value;
}

/// The optional HIS id read with an indicator.
inline std::optional<sdk::HisId> optional_his_id(const sdk::HisId& value,
                                                 soci::indicator indicator) {
  if (indicator == soci::i_null) return std::nullopt;
  return value;
}

/// The text read with an indicator, "" for NULL.
inline std::string text_or_empty(const std::string& value, soci::indicator indicator) {
  return indicator == soci::i_null ? std::string() : value;
}

}  // namespace hisx::appointments
