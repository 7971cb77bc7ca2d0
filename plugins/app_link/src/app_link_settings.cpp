#include "app_link_settings.h"

#include <cmath>
#include <stdexcept>

namespace hisx::app_link {

namespace {

constexpr const char* kDefaultConsent =
    "Tôi đồng ý liên kết tài khoản ứng dụng của tôi với hồ sơ khám chữa bệnh của tôi (hoặc của "
    "người thân mà tôi là người đại diện hợp pháp) tại bệnh viện, để xem lịch hẹn, kết quả khám, "
    "xét nghiệm và thanh toán viện phí trên ứng dụng. Tôi được biết dữ liệu sức khỏe là dữ liệu "
    "cá nhân nhạy cảm, chỉ được dùng cho mục đích trên, và tôi có thể yêu cầu hủy liên kết bất "
    "cứ lúc nào. / I agree to link my app account to my medical record (or that of a relative "
    "I legally represent) at the hospital, to see appointments, results and pay fees in the app. "
    "I know that health data is sensitive personal data, used for this purpose only, and that I "
    "may ask for the link to be removed at any time.";

constexpr const char* kCodePlaceholder = "{code}";

std::string scalar(const sdk::Settings& settings, const std::string& key) {
  return sdk::str_or_declared(settings, setting_specs(), key);
}

std::string text_of(const sdk::Settings& settings, const std::string& key, std::size_t max,
                    bool may_be_empty) {
  const std::string value = scalar(settings, key);
  if ((!may_be_empty && value.empty()) || value.size() > max) {
    throw std::invalid_argument("setting " + key + ": must be " + (may_be_empty ? "0" : "1") +
                                " to " + std::to_string(max) + " bytes, found " +
                                std::to_string(value.size()));
  }
  return value;
}

}  // namespace

std::string AppLinkSettings::link_for(const std::string& code) const {
  std::string out = deep_link;
  const auto at = out.find(kCodePlaceholder);
  out.replace(at, std::string(kCodePlaceholder).size(), code);
  return out;
}

std::vector<sdk::SettingSpec> setting_specs() {
  using T = sdk::SettingType;
  return {
      {"hospital_name", T::kString, false, "Bệnh viện Đa khoa huyện (demo)",
       "The hospital's name, printed at the top of every slip and form"},
      {"app_name", T::kString, false, "VnCare", "The patient app's name as patients know it"},
      {"hotline", T::kString, false, "1900 1234", "The support hotline printed on every slip"},
      {"deep_link", T::kString, false, "https://app.example.vn/link?c={code}",
       "The link a slip's QR code carries, with {code} for the linking code (https only, no "
       "personal data)"},
      {"code_ttl_hours", T::kInteger, false, "72",
       "Hours a linking code stays valid after it is first printed (1-8760)"},
      {"max_patients_per_account", T::kInteger, false, "6",
       "Patients (oneself and family) one app account may be linked to at once (1-50)"},
      {"max_wrong_birth_dates", T::kInteger, false, "5",
       "Wrong birth dates given with one code before the code is locked (1-20)"},
      {"claims_per_client_per_minute", T::kInteger, false, "10",
       "Linking claims one client address may make per minute before 429 (1-10000)"},
      {"claims_per_account_per_hour", T::kInteger, false, "30",
       "Linking claims for one app account per hour before 429 (1-10000)"},
      {"default_target_percent", T::kNumber, false, "80",
       "A department's link-rate target (percent of its patients) when none is set (0-100)"},
      {"consent_text", T::kString, false, kDefaultConsent,
       "The consent paragraph printed on the signed linking form"},
      {"confirmation_channel", T::kString, false, "",
       "Notifier channel (e.g. sms) of the message confirming a new link to the patient's HIS "
       "phone; empty: none"},
  };
}

AppLinkSettings read_settings(const sdk::Settings& settings) {
  const auto specs = setting_specs();
  AppLinkSettings out;
  out.hospital_name = text_of(settings, "hospital_name", 200, false);
  out.app_name = text_of(settings, "app_name", 60, false);
  out.hotline = text_of(settings, "hotline", 40, false);
  out.deep_link = text_of(settings, "deep_link", 300, false);
  if (out.deep_link.rfind("https://", 0) != 0 ||
      out.deep_link.find(kCodePlaceholder) == std::string::npos ||
      out.deep_link.find_first_of(" \t\r\n\"'<>") != std::string::npos) {
    throw std::invalid_argument(
        "setting deep_link: '" + out.deep_link +
        "' must be an https:// link without spaces or quotes that holds {code}, e.g. "
        "https://app.example.vn/link?c={code}");
  }
  out.code_ttl =
      std::chrono::hours(sdk::integer_between(settings, specs, "code_ttl_hours", 1, 8760));
  out.max_patients_per_account =
      static_cast<int>(sdk::integer_between(settings, specs, "max_patients_per_account", 1, 50));
  out.max_wrong_birth_dates =
      static_cast<int>(sdk::integer_between(settings, specs, "max_wrong_birth_dates", 1, 20));
  out.claims_per_client_per_minute = static_cast<int>(
      sdk::integer_between(settings, specs, "claims_per_client_per_minute", 1, 10000));
  out.claims_per_account_per_hour = static_cast<int>(
      sdk::integer_between(settings, specs, "claims_per_account_per_hour", 1, 10000));
  const std::string target = scalar(settings, "default_target_percent");
  try {
    std::size_t used = 0;
    out.default_target_percent = std::stod(target, &used);
    if (used != target.size()) throw std::invalid_argument(target);
  } catch (const std::exception&) {
    out.default_target_percent = -1;
  }
  if (!(out.default_target_percent >= 0 && out.default_target_percent <= 100)) {
    throw std::invalid_argument("setting default_target_percent: '" + target +
                                "' is not a number from 0 to 100");
  }
  out.consent_text = text_of(settings, "consent_text", 4000, false);
  out.confirmation_channel = text_of(settings, "confirmation_channel", 40, true);
  return out;
}

}  // namespace hisx::app_link
