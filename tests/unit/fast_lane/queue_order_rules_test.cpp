#include "queue/queue_order_rules.h"

#include <gtest/gtest.h>

#include <vector>

namespace hisx::fast_lane {
namespace {

using std::chrono::minutes;

const sdk::Instant kNine = *sdk::parse_utc("2026-12-01T02:00:00Z");  // 09:00 in Hanoi

QueueEntry entry(long long id, int priority, int minutes_before_nine, long long returns = 0) {
  return {id, priority, kNine - minutes(minutes_before_nine), returns};
}

std::vector<long long> ids(const std::vector<QueueEntry>& order) {
  std::vector<long long> out;
  for (const auto& e : order) out.push_back(e.id);
  return out;
}

TEST(LaneOrder, PriorityFirstThenArrival) {
  const auto order = lane_order({entry(1, 1, 10), entry(2, 2, 5), entry(3, 1, 12), entry(4, 2, 8)},
                                0, kNine, minutes(30));
  EXPECT_EQ(ids(order), (std::vector<long long>{4, 2, 3, 1}));
}

TEST(LaneOrder, ATicketWaitingTheBoundGoesBeforeEveryPriority) {
  // 5 has waited 30 minutes with the lowest priority: it is called before the priority group.
  const auto order = lane_order({entry(1, 2, 1), entry(5, 0, 30), entry(6, 0, 29), entry(7, 1, 45)},
                                0, kNine, minutes(30));
  EXPECT_EQ(ids(order), (std::vector<long long>{7, 5, 1, 6}));
}

TEST(LaneOrder, SkippedTicketsWaitUntilTheirCallComes) {
  // 2 was skipped at the lane's 4th call and comes back at the 7th.
  auto order =
      lane_order({entry(1, 1, 2), entry(2, 2, 20, 7), entry(3, 1, 1)}, 5, kNine, minutes(30));
  EXPECT_EQ(ids(order), (std::vector<long long>{1, 3, 2}));
  EXPECT_EQ(lane_head(order, 5, kNine, minutes(30)), LaneHead::kReady);
  order = lane_order({entry(1, 1, 2), entry(2, 2, 20, 7), entry(3, 1, 1)}, 7, kNine, minutes(30));
  EXPECT_EQ(ids(order), (std::vector<long long>{2, 1, 3}));
}

TEST(LaneOrder, HeldBackEvenWhenOverdue) {
  const auto order = lane_order({entry(1, 0, 90, 9), entry(2, 0, 1)}, 8, kNine, minutes(30));
  EXPECT_EQ(ids(order), (std::vector<long long>{2, 1}));
  EXPECT_EQ(
      lane_head(lane_order({entry(1, 0, 90, 9)}, 8, kNine, minutes(30)), 8, kNine, minutes(30)),
      LaneHead::kHeldBack);
}

TEST(LaneOrder, TiesGoToTheTicketIssuedFirst) {
  const auto order = lane_order({entry(9, 1, 5), entry(3, 1, 5)}, 0, kNine, minutes(30));
  EXPECT_EQ(ids(order), (std::vector<long long>{3, 9}));
}

TEST(LaneOrder, HeadsSayWhatALaneOffers) {
  EXPECT_EQ(lane_head({}, 0, kNine, minutes(30)), LaneHead::kEmpty);
  EXPECT_EQ(lane_head({entry(1, 0, 31)}, 0, kNine, minutes(30)), LaneHead::kOverdue);
  EXPECT_EQ(lane_head({entry(1, 0, 29)}, 0, kNine, minutes(30)), LaneHead::kReady);
}

// The lanes a mixed window calls over `calls` calls with both lanes always full.
std::string cycle(MixedRatio ratio, int calls) {
  std::string out;
  int position = 0;
  for (int i = 0; i < calls; ++i) {
    const auto choice =
        choose_lane(WindowMode::kMixed, ratio, position, LaneHead::kReady, LaneHead::kReady);
    out += choice.lane == Lane::kFast ? 'F' : 'R';
    position = choice.position;
  }
  return out;
}

TEST(Interleave, AMixedWindowFollowsItsRatio) {
  EXPECT_EQ(cycle({2, 1}, 9), "FFRFFRFFR");
  EXPECT_EQ(cycle({1, 1}, 4), "FRFR");
  EXPECT_EQ(cycle({3, 2}, 10), "FFFRRFFFRR");
}

TEST(Interleave, AnEmptyLaneGivesItsTurnAwayWithoutLosingIt) {
  // At a regular turn with no regular ticket, the fast lane is called and the turn is kept.
  auto choice = choose_lane(WindowMode::kMixed, {2, 1}, 2, LaneHead::kReady, LaneHead::kEmpty);
  EXPECT_EQ(choice.lane, Lane::kFast);
  EXPECT_EQ(choice.position, 2);
  choice = choose_lane(WindowMode::kMixed, {2, 1}, 2, LaneHead::kReady, LaneHead::kReady);
  EXPECT_EQ(choice.lane, Lane::kRegular);
  EXPECT_EQ(choice.position, 0);
}

TEST(Interleave, OverdueAndHeldBackHeadsChangeTheTurn) {
  auto choice = choose_lane(WindowMode::kMixed, {2, 1}, 0, LaneHead::kReady, LaneHead::kOverdue);
  EXPECT_EQ(choice.lane, Lane::kRegular);
  EXPECT_EQ(choice.position, 0);
  choice = choose_lane(WindowMode::kMixed, {2, 1}, 0, LaneHead::kHeldBack, LaneHead::kReady);
  EXPECT_EQ(choice.lane, Lane::kRegular);
  choice = choose_lane(WindowMode::kMixed, {2, 1}, 0, LaneHead::kHeldBack, LaneHead::kEmpty);
  EXPECT_EQ(choice.lane, Lane::kFast);
  choice = choose_lane(WindowMode::kMixed, {2, 1}, 1, LaneHead::kEmpty, LaneHead::kEmpty);
  EXPECT_EQ(choice.lane, std::nullopt);
  EXPECT_EQ(choice.position, 1);
}

TEST(Interleave, SingleLaneWindowsCallOnlyTheirLane) {
  EXPECT_EQ(choose_lane(WindowMode::kFast, {}, 0, LaneHead::kEmpty, LaneHead::kOverdue).lane,
            std::nullopt);
  EXPECT_EQ(choose_lane(WindowMode::kFast, {}, 0, LaneHead::kHeldBack, LaneHead::kReady).lane,
            Lane::kFast);
  EXPECT_EQ(choose_lane(WindowMode::kRegular, {}, 0, LaneHead::kReady, LaneHead::kReady).lane,
            Lane::kRegular);
  EXPECT_EQ(parse_window_mode("mixed"), WindowMode::kMixed);
  EXPECT_EQ(parse_window_mode("both"), std::nullopt);
  EXPECT_EQ(to_string(WindowMode::kRegular), "regular");
}

}  // namespace
}  // namespace hisx::fast_lane
