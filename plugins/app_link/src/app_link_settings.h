#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "hisx/settings.h"

namespace hisx::app_link {

/// The plugin's settings (`plugins.settings.app_link` in hisx.yaml), checked.
struct AppLinkSettings {
  std::string hospital_name;  ///< Printed at the top of every slip and form.
  std::string app_name;       ///< The app's name as patients know it.
  std::string hotline;        ///< The support hotline printed on every slip.
  /// The deep link a QR code carries, with "{code}" where the linking code goes, e.g.
  /// "https://app.example.vn/link?c={code}". Never personal data.
  std::string deep_link;
  std::chrono::hours code_ttl{72};        ///< How long a linking code stays valid.
  int max_patients_per_account = 6;       ///< Family: active links one app account may hold.
  int max_wrong_birth_dates = 5;          ///< Wrong birth dates on one code before it is locked.
  int claims_per_client_per_minute = 10;  ///< Claims from one client address per minute.
  int claims_per_account_per_hour = 30;   ///< Claims for one app account per hour.
  double default_target_percent = 80;     ///< A department's link-rate target when none is set.
  std::string consent_text;               ///< The consent paragraph of the signed linking form.
  /// The notifier channel of the confirmation message to a newly linked patient (to the HIS
  /// phone number); "" sends none.
  std::string confirmation_channel;

  /// deep_link with `code` in place of "{code}".
  std::string link_for(const std::string& code) const;
};

/// The manifest's declaration of the settings above, with their defaults.
std::vector<sdk::SettingSpec> setting_specs();

/// Reads and checks the settings; throws std::invalid_argument naming the key, the value and
/// what is allowed (the host then refuses to start, naming the plugin).
AppLinkSettings read_settings(const sdk::Settings& settings);

}  // namespace hisx::app_link
