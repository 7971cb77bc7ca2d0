#pragma once

#include <map>
#include <memory>
#include <string>

#include "hisx/clock.h"
#include "notify/driver.h"
#include "notify/notify_config.h"

namespace hisx::host {

/// The driver of every configured channel, by channel name.
using Drivers = std::map<std::string, std::unique_ptr<Driver>>;

/// Builds the drivers `config` describes.
Drivers make_drivers(const NotifyConfig& config, const sdk::Clock& clock);

}  // namespace hisx::host
