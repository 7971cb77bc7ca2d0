#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace hisx::appointments {

/// Per-channel quotas of a schedule template, in percent of each slot's capacity
/// (channel → 0…100). A channel without an entry has no quota: it may fill the whole slot.
/// Quotas are ceilings, not reservations: they may add up to more than 100, and capacity a
/// channel does not use stays open to the others.
using QuotaPercents = std::map<std::string, int>;

/// The most bookings a channel with `percent` may hold in a slot of `capacity`:
/// floor(capacity × percent / 100), so a channel never exceeds its share. Small slots round
/// down hard: 30 % of 5 is 1, 30 % of 3 is 0 (the channel cannot book those slots at all).
int quota_limit(int capacity, int percent);

/// quota_limit() for every channel of `percents`.
std::map<std::string, int> quota_limits(int capacity, const QuotaPercents& percents);

/// Places left in a slot: capacity − booked, never below 0.
int remaining(int capacity, int booked);

/// Places left for one channel: remaining(), further bounded by the channel's quota
/// (quota − what the channel already holds) when it has one.
int remaining_for_channel(int capacity, int booked, std::optional<int> quota, int channel_booked);

/// "app:30,web:20" (channels in name order); "" for none. How templates store their quotas.
std::string format_quotas(const QuotaPercents& percents);
/// The quotas of format_quotas() text; throws std::invalid_argument for other text.
QuotaPercents parse_quotas(std::string_view text);

}  // namespace hisx::appointments
