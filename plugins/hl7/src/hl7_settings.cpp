#include "hl7_settings.h"

#include <algorithm>
#include <optional>
#include <stdexcept>

namespace hisx::hl7 {

std::string Hl7Settings::endpoint() const {
  return has_endpoint() ? host + ":" + std::to_string(port) : std::string();
}

std::vector<sdk::SettingSpec> setting_specs() {
  using T = sdk::SettingType;
  return {
      {"host", T::kString, false, "",
       "Host name or address of the HIS's HL7 listener; empty: queue messages, send none"},
      {"port", T::kInteger, false, "2575", "TCP port of the HIS's HL7 listener (1-65535)"},
      {"connect_timeout_ms", T::kInteger, false, "5000",
       "Milliseconds to wait for the connection (100-60000)"},
      {"ack_timeout_ms", T::kInteger, false, "10000",
       "Milliseconds to wait for the ACK of a message (100-300000)"},
      {"retry_base_seconds", T::kInteger, false, "30",
       "Wait after a failed attempt, doubling each time (1-86400)"},
      {"retry_max_seconds", T::kInteger, false, "3600",
       "Longest wait between attempts (retry_base_seconds-86400)"},
      {"max_attempts", T::kInteger, false, "50",
       "Attempts before a message is marked failed (1-1000); it is kept and can be retried"},
      {"batch_size", T::kInteger, false, "100",
       "Most messages one run of the sender sends (1-10000)"},
      {"send_schedule", T::kString, false, "* * * * *", "Cron schedule of the sender"},
      {"appointment_minutes", T::kInteger, false, "15",
       "Length of an appointment when the event gives no end (1-480)"},
      {"sending_application", T::kString, false, "HISX", "MSH-3"},
      {"sending_facility", T::kString, false, "HISX", "MSH-4"},
      {"receiving_application", T::kString, false, "HIS", "MSH-5"},
      {"receiving_facility", T::kString, false, "HIS", "MSH-6"},
      {"processing_id", T::kString, false, "P", "MSH-11: P (production), T (training), D (debug)"},
      {"assigning_authority", T::kString, false, "HIS",
       "PID-3.4: the authority of the HIS's patient ids"},
  };
}

namespace {

std::string scalar(const sdk::Settings& settings, const std::string& key) {
  return sdk::str_or_declared(settings, setting_specs(), key);
}

long long whole_number(const sdk::Settings& settings, const std::string& key, long long min,
                       long long max) {
  return sdk::integer_between(settings, setting_specs(), key, min, max);
}

// A name that goes into MSH or PID as it is: 1-50 characters, none of HL7's delimiters.
std::string hl7_name(const sdk::Settings& settings, const std::string& key) {
  const std::string value = scalar(settings, key);
  if (value.empty() || value.size() > 50) {
    throw std::invalid_argument("setting " + key + ": must be 1 to 50 characters, found '" + value +
                                "'");
  }
  if (value.find_first_of("|^~\\&\r\n") != std::string::npos) {
    throw std::invalid_argument("setting " + key + ": '" + value +
                                "' must not contain any of | ^ ~ \\ & or a line break");
  }
  return value;
}

std::string host_name(const sdk::Settings& settings) {
  const std::string host = scalar(settings, "host");
  const auto colons = std::count(host.begin(), host.end(), ':');
  // One colon is "host:port" (the port has its own setting); more is an IPv6 address.
  if (host.size() > 253 || host.find_first_of(" \t\r\n/@") != std::string::npos || colons == 1) {
    throw std::invalid_argument("setting host: '" + host +
                                "' is not a host name or address (write no scheme, path or port: "
                                "the port is the setting port)");
  }
  return host;
}

}  // namespace

Hl7Settings read_settings(const sdk::Settings& settings) {
  Hl7Settings out;
  out.host = host_name(settings);
  out.port = static_cast<int>(whole_number(settings, "port", 1, 65535));
  out.connect_timeout =
      std::chrono::milliseconds(whole_number(settings, "connect_timeout_ms", 100, 60000));
  out.ack_timeout =
      std::chrono::milliseconds(whole_number(settings, "ack_timeout_ms", 100, 300000));
  out.retry_base = std::chrono::seconds(whole_number(settings, "retry_base_seconds", 1, 86400));
  out.retry_max = std::chrono::seconds(
      whole_number(settings, "retry_max_seconds", out.retry_base.count(), 86400));
  out.max_attempts = static_cast<int>(whole_number(settings, "max_attempts", 1, 1000));
  out.batch_size = static_cast<int>(whole_number(settings, "batch_size", 1, 10000));
  out.send_schedule = scalar(settings, "send_schedule");
  if (out.send_schedule.find_first_not_of(' ') == std::string::npos) {
    throw std::invalid_argument(
        "setting send_schedule: must be a cron schedule, e.g. \"* * * * *\"");
  }
  out.appointment_minutes = static_cast<int>(whole_number(settings, "appointment_minutes", 1, 480));
  out.header.sending_application = hl7_name(settings, "sending_application");
  out.header.sending_facility = hl7_name(settings, "sending_facility");
  out.header.receiving_application = hl7_name(settings, "receiving_application");
  out.header.receiving_facility = hl7_name(settings, "receiving_facility");
  out.header.assigning_authority = hl7_name(settings, "assigning_authority");
  out.header.processing_id = scalar(settings, "processing_id");
  if (out.header.processing_id != "P" && out.header.processing_id != "T" &&
      out.header.processing_id != "D") {
    throw std::invalid_argument("setting processing_id: '" + out.header.processing_id +
                                "' is not P (production), T (training) or D (debugging)");
  }
  return out;
}

std::chrono::seconds retry_delay(const Hl7Settings& settings, int attempts) {
  std::chrono::seconds delay = settings.retry_base;
  for (int i = 1; i < attempts && delay < settings.retry_max; ++i) delay *= 2;
  return delay < settings.retry_max ? delay : settings.retry_max;
}

}  // namespace hisx::hl7
