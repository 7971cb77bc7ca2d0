#include "booking/quota.h"

#include <algorithm>
#include <stdexcept>

#include "channels.h"

namespace hisx::appointments {

int quota_limit(int capacity, int percent) {
  return static_cast<int>(static_cast<long long>(capacity) * percent / 100);
}

std::map<std::string, int> quota_limits(int capacity, const QuotaPercents& percents) {
  std::map<std::string, int> out;
  for (const auto& [channel, percent] : percents) out[channel] = quota_limit(capacity, percent);
  return out;
}

int remaining(int capacity, int booked) { return std::max(0, capacity - booked); }

int remaining_for_channel(int capacity, int booked, std::optional<int> quota, int channel_booked) {
  int left = remaining(capacity, booked);
  if (quota) left = std::min(left, std::max(0, *quota - channel_booked));
  return left;
}

std::string format_quotas(const QuotaPercents& percents) {
  std::string out;
  for (const auto& [channel, percent] : percents) {
    out += (out.empty() ? "" : ",") + channel + ":" + std::to_string(percent);
  }
  return out;
}

QuotaPercents parse_quotas(std::string_view text) {
  QuotaPercents out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const std::string_view item = text.substr(0, comma);
    const auto colon = item.find(':');
    if (colon == std::string_view::npos) {
      throw std::invalid_argument("quota '" + std::string(item) + "' is not channel:percent");
    }
    const std::string channel(item.substr(0, colon));
    const std::string number(item.substr(colon + 1));
    std::size_t used = 0;
    int percent = -1;
    try {
      percent = std::stoi(number, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (!is_channel(channel) || used == 0 || used != number.size() || percent < 0 ||
        percent > 100) {
      throw std::invalid_argument("quota '" + std::string(item) + "' is not channel:percent");
    }
    out[channel] = percent;
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace hisx::appointments
