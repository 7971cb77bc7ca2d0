#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "hisx/settings.h"

namespace hisx::fast_lane {

/// The plugin's settings (`plugins.settings.fast_lane` in hisx.yaml), checked.
struct FastLaneSettings {
  std::string hospital_name;         ///< Printed at the top of every ticket and receipt.
  std::string fast_prefix = "U";     ///< Ticket numbers of the fast lane: U001, U002, …
  std::string regular_prefix = "T";  ///< Ticket numbers of the regular lane: T001, …
  /// Booking channels whose checked-in patients get a fast-lane ticket (appointment.checked_in).
  std::vector<std::string> checkin_channels{"app"};
  /// A checked-in booking of any channel with at least this queue priority also gets one;
  /// 0: the channel alone decides.
  int checkin_min_priority = 0;
  /// The priority groups staff may give a ticket (ticket_groups(): child, elderly, disability,
  /// veteran, pregnant); the age groups are checked against the HIS birth date.
  std::vector<std::string> priority_groups{"child", "elderly", "disability", "veteran", "pregnant"};
  int child_under_years = 6;    ///< The group "child": younger than this.
  int elderly_from_years = 80;  ///< The group "elderly": this age or older.
  /// No ticket waits longer: one waiting this long is called before every ticket that has not.
  std::chrono::minutes max_wait{30};
  int skip_return_calls = 3;  ///< A skipped ticket comes back after this many calls in its lane.
  bool demo_seed = false;     ///< Creates three demo windows when none exists.
  /// The receipt book (quyển biên lai) receipts are numbered in, per local year.
  std::string receipt_book = "A";
  /// The hospital's bank account for VietQR transfers: its bank's BIN, the account, the name
  /// shown (ASCII). "" bank_bin: no VietQR code is offered.
  std::string bank_bin, bank_account, bank_account_name;
  /// The online payment gateway's name in the webhook's path; "" turns online payment off.
  std::string online_provider;
  /// The webhook's shared secrets: the current one and, while rotating, the previous one.
  std::vector<std::string> webhook_secrets;
  /// An intent not confirmed this long after it was made is flagged for reconciliation.
  std::chrono::minutes reconcile_after{60};

  /// Whether VietQR codes can be made (a bank account is set).
  bool vietqr() const { return !bank_bin.empty(); }
};

/// The manifest's declaration of the settings above, with their defaults.
std::vector<sdk::SettingSpec> setting_specs();

/// Reads and checks the settings; throws std::invalid_argument naming the key, the value and
/// what is allowed (the host then refuses to start, naming the plugin).
FastLaneSettings read_settings(const sdk::Settings& settings);

}  // namespace hisx::fast_lane
