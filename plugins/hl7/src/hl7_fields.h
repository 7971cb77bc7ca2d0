#pragma once

#include <string>
#include <string_view>

#include "hisx/civil_time.h"
#include "hisx/time_zone.h"

namespace hisx::hl7 {

/// A person's name as HL7's XPN wants it, from a Vietnamese full name "Họ Đệm Tên": the
/// family name is the first word, the given name the last, the middle name what is between
/// ("Nguyễn Thị Minh Khai" → Nguyễn / Khai / Thị Minh). One word is a family name alone.
struct PersonName {
  std::string family;
  std::string given;
  std::string middle;
};

/// `full_name` split as PersonName says, spaces collapsed.
PersonName split_name(std::string_view full_name);

/// HL7 table 0001 (administrative sex) for a HIS gender: M, F, O (other) or U (unknown).
/// Accepts English and Vietnamese words and the usual codes, in any case: male/m/nam/1,
/// female/f/nữ/nu/2, other/o/khác; anything else is U.
std::string administrative_sex(std::string_view gender);

/// An HL7 DT "YYYYMMDD" from a HIS date "YYYY-MM-DD" (a time after it is ignored), "YYYY" from
/// a year alone; "" when the text is neither.
std::string hl7_date(std::string_view his_date);

/// An HL7 DTM in the hospital's local time with its offset, "YYYYMMDDHHMMSS+0700".
std::string hl7_timestamp(const sdk::TimeZone& zone, sdk::Instant t);

/// An HL7 DT "YYYYMMDD" of a calendar day.
std::string hl7_day(sdk::LocalDate day);

}  // namespace hisx::hl7
