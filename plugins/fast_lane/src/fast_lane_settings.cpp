#include "fast_lane_settings.h"

#include <algorithm>
#include <stdexcept>

#include "payments/receipt_number_rules.h"
#include "queue/ticket_group_rules.h"
#include "vietqr/vietqr_rules.h"

namespace hisx::fast_lane {

namespace {

std::string scalar(const sdk::Settings& settings, const std::string& key) {
  return sdk::str_or_declared(settings, setting_specs(), key);
}

std::vector<std::string> list_of(const sdk::Settings& settings, const std::string& key,
                                 const std::vector<std::string>& fallback) {
  return settings.has(key) ? settings.list(key) : fallback;
}

std::string prefix_of(const sdk::Settings& settings, const std::string& key) {
  const std::string value = scalar(settings, key);
  const bool letters =
      !value.empty() && value.size() <= 3 &&
      std::all_of(value.begin(), value.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!letters) {
    throw std::invalid_argument("setting " + key + ": '" + value +
                                "' must be 1 to 3 capital letters A-Z, e.g. U");
  }
  return value;
}

bool ascii_text(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
}

void read_online_settings(const sdk::Settings& settings, const std::vector<sdk::SettingSpec>& specs,
                          FastLaneSettings& out) {
  out.bank_bin = scalar(settings, "bank_bin");
  out.bank_account = scalar(settings, "bank_account");
  out.bank_account_name = scalar(settings, "bank_account_name");
  if (!out.bank_bin.empty()) {
    try {
      encode_vietqr(
          {out.bank_bin, out.bank_account, false, 1000, "HISX", out.bank_account_name, ""});
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(std::string("settings bank_bin, bank_account, "
                                              "bank_account_name: ") +
                                  e.what());
    }
  } else if (!out.bank_account.empty()) {
    throw std::invalid_argument("setting bank_bin: give the bank's BIN (6 digits) of account " +
                                out.bank_account);
  }
  if (!ascii_text(out.bank_account_name)) {
    throw std::invalid_argument(
        "setting bank_account_name: ASCII only (no diacritics), e.g. "
        "BENH VIEN DA KHOA HUYEN");
  }
  out.online_provider = scalar(settings, "online_provider");
  const bool provider_ok =
      out.online_provider.size() <= 40 &&
      std::all_of(out.online_provider.begin(), out.online_provider.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
      });
  if (!provider_ok) {
    throw std::invalid_argument("setting online_provider: '" + out.online_provider +
                                "' must be at most 40 of a-z, 0-9, '-' and '_', e.g. payos");
  }
  for (const char* key : {"webhook_secret", "webhook_previous_secret"}) {
    const std::string secret = settings.has(key) ? settings.secret(key) : "";
    if (!secret.empty()) out.webhook_secrets.push_back(secret);
  }
  if (!out.online_provider.empty() && out.webhook_secrets.empty()) {
    throw std::invalid_argument(
        "setting webhook_secret: online_provider is " + out.online_provider +
        ", so the gateway's signing secret is needed ({env: NAME} or {file: PATH})");
  }
  out.reconcile_after = std::chrono::minutes(
      sdk::integer_between(settings, specs, "reconcile_after_minutes", 5, 1440));
}

}  // namespace

std::vector<sdk::SettingSpec> setting_specs() {
  using T = sdk::SettingType;
  return {
      {"hospital_name", T::kString, false, "Bệnh viện Đa khoa huyện (demo)",
       "The hospital's name, printed at the top of every ticket and receipt"},
      {"fast_prefix", T::kString, false, "U",
       "The letters before fast-lane ticket numbers (U001), 1-3 capitals"},
      {"regular_prefix", T::kString, false, "T",
       "The letters before regular-lane ticket numbers (T001), 1-3 capitals"},
      {"checkin_channels", T::kStringList, false, "app",
       "Booking channels whose patients get a fast-lane ticket when they check in"},
      {"checkin_min_priority", T::kInteger, false, "0",
       "A checked-in booking with at least this queue priority also gets one (0: channel only)"},
      {"priority_groups", T::kStringList, false, "child,elderly,disability,veteran,pregnant",
       "The priority groups staff may give a ticket (child, elderly, disability, veteran, "
       "pregnant)"},
      {"child_under_years", T::kInteger, false, "6",
       "The group child: patients younger than this, from the HIS birth date (1-18)"},
      {"elderly_from_years", T::kInteger, false, "80",
       "The group elderly: patients this age or older, from the HIS birth date (50-120)"},
      {"max_wait_minutes", T::kInteger, false, "30",
       "No ticket waits longer: one waiting this long is called first (5-480)"},
      {"skip_return_calls", T::kInteger, false, "3",
       "A skipped ticket comes back after this many calls in its lane (1-50)"},
      {"demo_seed", T::kBoolean, false, "false",
       "Creates three demo windows (Q1 fast lane, Q2 mixed, Q3 regular) when none exists"},
      {"receipt_book", T::kString, false, "A",
       "The receipt book (quyển biên lai) receipts are numbered in, per year: 1-8 of A-Z, 0-9"},
      {"bank_bin", T::kString, false, "",
       "The BIN (6 digits) of the hospital's bank for VietQR transfer codes; empty: none"},
      {"bank_account", T::kString, false, "", "The hospital's account number for VietQR codes"},
      {"bank_account_name", T::kString, false, "",
       "The account holder's name in the VietQR code (ASCII, at most 25 characters; optional)"},
      {"online_provider", T::kString, false, "",
       "The online payment gateway's name in /webhooks/{provider}; empty: online payment off"},
      {"webhook_secret", T::kSecret, false, "",
       "The gateway's webhook signing secret ({env: NAME} or {file: PATH})"},
      {"webhook_previous_secret", T::kSecret, false, "",
       "The previous signing secret, accepted too while the gateway rotates it"},
      {"reconcile_after_minutes", T::kInteger, false, "60",
       "An online payment not confirmed this long is flagged for reconciliation (5-1440)"},
  };
}

FastLaneSettings read_settings(const sdk::Settings& settings) {
  const auto specs = setting_specs();
  FastLaneSettings out;
  out.hospital_name = scalar(settings, "hospital_name");
  if (out.hospital_name.empty() || out.hospital_name.size() > 200) {
    throw std::invalid_argument("setting hospital_name: must be 1 to 200 bytes, found " +
                                std::to_string(out.hospital_name.size()));
  }
  out.fast_prefix = prefix_of(settings, "fast_prefix");
  out.regular_prefix = prefix_of(settings, "regular_prefix");
  if (out.fast_prefix == out.regular_prefix) {
    throw std::invalid_argument("settings fast_prefix and regular_prefix: both are '" +
                                out.fast_prefix + "'; the two lanes need different letters");
  }
  out.checkin_channels = list_of(settings, "checkin_channels", out.checkin_channels);
  out.checkin_min_priority =
      static_cast<int>(sdk::integer_between(settings, specs, "checkin_min_priority", 0, 100));
  out.priority_groups = list_of(settings, "priority_groups", out.priority_groups);
  for (const auto& group : out.priority_groups) {
    if (!is_priority_group(group)) {
      throw std::invalid_argument("setting priority_groups: '" + group +
                                  "' is not a priority group; use child, elderly, disability, "
                                  "veteran or pregnant");
    }
  }
  out.child_under_years =
      static_cast<int>(sdk::integer_between(settings, specs, "child_under_years", 1, 18));
  out.elderly_from_years =
      static_cast<int>(sdk::integer_between(settings, specs, "elderly_from_years", 50, 120));
  out.max_wait =
      std::chrono::minutes(sdk::integer_between(settings, specs, "max_wait_minutes", 5, 480));
  out.skip_return_calls =
      static_cast<int>(sdk::integer_between(settings, specs, "skip_return_calls", 1, 50));
  out.demo_seed = settings.has("demo_seed") && settings.boolean("demo_seed");
  out.receipt_book = scalar(settings, "receipt_book");
  if (!valid_receipt_book(out.receipt_book)) {
    throw std::invalid_argument("setting receipt_book: '" + out.receipt_book +
                                "' must be 1 to 8 capital letters or digits, e.g. A or QT01");
  }
  read_online_settings(settings, specs, out);
  return out;
}

}  // namespace hisx::fast_lane
