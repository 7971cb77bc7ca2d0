#include "catalogue/schedule_rules.h"

#include <algorithm>
#include <set>

#include "channels.h"

namespace hisx::appointments {

namespace {

FieldError error(std::string field, std::string detail) {
  return FieldError{std::move(field), std::move(detail)};
}

}  // namespace

FieldCheck check_template(const ScheduleTemplate& t) {
  if (t.weekday < 1 || t.weekday > 7) {
    return error("weekday",
                 "weekday must be 1 (Monday) to 7 (Sunday) / thứ phải từ 1 (thứ Hai) "
                 "đến 7 (Chủ nhật)");
  }
  if (t.start_minute < 0 || t.start_minute >= 24 * 60) {
    return error("start", "start must be a time HH:MM / giờ bắt đầu phải có dạng HH:MM");
  }
  if (t.end_minute <= t.start_minute || t.end_minute > 24 * 60) {
    return error("end",
                 "end must be after start, at most 24:00 / giờ kết thúc phải sau giờ bắt "
                 "đầu, muộn nhất 24:00");
  }
  if (t.slot_minutes < 5 || t.slot_minutes > 240) {
    return error("slot_minutes",
                 "slot_minutes must be 5 to 240 / độ dài khung giờ phải từ 5 đến 240 phút");
  }
  if (t.end_minute - t.start_minute < t.slot_minutes) {
    return error("slot_minutes",
                 "the session is shorter than one slot / buổi khám ngắn hơn "
                 "một khung giờ");
  }
  if (t.capacity < 1 || t.capacity > 500) {
    return error("capacity", "capacity must be 1 to 500 / sức chứa phải từ 1 đến 500");
  }
  for (const auto& [channel, percent] : t.quotas) {
    if (!is_channel(channel)) {
      return error("quotas." + channel, "unknown channel '" + channel + "' / kênh không hợp lệ");
    }
    if (percent < 0 || percent > 100) {
      return error("quotas." + channel,
                   "a quota is a percent from 0 to 100 / hạn mức là phần trăm từ 0 đến 100");
    }
  }
  return std::nullopt;
}

bool templates_overlap(const ScheduleTemplate& a, const ScheduleTemplate& b) {
  return a.clinic_id == b.clinic_id && a.doctor_id == b.doctor_id && a.weekday == b.weekday &&
         a.start_minute < b.end_minute && b.start_minute < a.end_minute;
}

FieldCheck check_no_overlap(const ScheduleTemplate& t,
                            const std::vector<ScheduleTemplate>& others) {
  for (const auto& other : others) {
    if (other.id != t.id && templates_overlap(t, other)) {
      return error("start", "overlaps template " + std::to_string(other.id) +
                                " of the same clinic and doctor on that weekday / trùng giờ "
                                "với lịch mẫu " +
                                std::to_string(other.id));
    }
  }
  return std::nullopt;
}

FieldCheck check_clinic_rules(const ClinicRules& rules) {
  std::set<std::string> seen;
  for (const auto& channel : rules.channels) {
    if (!is_channel(channel)) {
      return error("channels", "unknown channel '" + channel +
                                   "'; use app, web, phone, reexam, walkin / kênh không hợp lệ");
    }
    if (!seen.insert(channel).second) {
      return error("channels", "channel '" + channel + "' is listed twice / kênh bị lặp");
    }
  }
  if (rules.booking_window_days < 0 || rules.booking_window_days > 365) {
    return error("booking_window_days",
                 "booking_window_days must be 0 to 365 / số ngày đặt trước phải từ 0 đến 365");
  }
  if (rules.same_day_cutoff && (*rules.same_day_cutoff < 0 || *rules.same_day_cutoff >= 1440)) {
    return error("same_day_cutoff", "same_day_cutoff must be HH:MM / giờ chốt phải có dạng HH:MM");
  }
  return std::nullopt;
}

FieldCheck check_closure(const Closure& closure) {
  if (closure.to < closure.from) {
    return error("to", "to must not be before from / ngày kết thúc không được trước ngày bắt đầu");
  }
  if (closure.to - closure.from > std::chrono::days(365)) {
    return error("to", "a closure lasts at most 366 days / thời gian nghỉ tối đa 366 ngày");
  }
  return std::nullopt;
}

}  // namespace hisx::appointments
