// The booking state machine: every status × action pair, allowed or refused.
#include "booking/booking_status.h"

#include <gtest/gtest.h>

#include <map>
#include <utility>

namespace hisx::appointments {
namespace {

using S = BookingStatus;
using A = BookingAction;

constexpr S kStatuses[] = {S::kRequested, S::kConfirmed, S::kCheckedIn,
                           S::kCompleted, S::kCancelled, S::kNoShow};
constexpr A kActions[] = {A::kConfirm, A::kCheckIn, A::kComplete,
                          A::kCancel,  A::kNoShow,  A::kReschedule};

// The whole table, written out independently of the implementation's.
const std::map<std::pair<S, A>, S>& allowed() {
  static const std::map<std::pair<S, A>, S> table = {
      {{S::kRequested, A::kConfirm}, S::kConfirmed},
      {{S::kRequested, A::kCheckIn}, S::kCheckedIn},
      {{S::kRequested, A::kCancel}, S::kCancelled},
      {{S::kRequested, A::kNoShow}, S::kNoShow},
      {{S::kRequested, A::kReschedule}, S::kRequested},
      {{S::kConfirmed, A::kCheckIn}, S::kCheckedIn},
      {{S::kConfirmed, A::kCancel}, S::kCancelled},
      {{S::kConfirmed, A::kNoShow}, S::kNoShow},
      {{S::kConfirmed, A::kReschedule}, S::kConfirmed},
      {{S::kCheckedIn, A::kComplete}, S::kCompleted},
  };
  return table;
}

TEST(BookingStatus, EveryPairIsAllowedOrRefusedAsSpecified) {
  int allowed_count = 0, refused_count = 0;
  for (S from : kStatuses) {
    for (A action : kActions) {
      const auto next = next_status(from, action);
      auto it = allowed().find({from, action});
      if (it == allowed().end()) {
        EXPECT_FALSE(next) << to_string(from) << " --" << to_string(action) << "--> "
                           << to_string(*next) << " should be refused";
        ++refused_count;
      } else {
        ASSERT_TRUE(next) << to_string(from) << " --" << to_string(action) << " refused";
        EXPECT_EQ(*next, it->second) << to_string(from) << " --" << to_string(action);
        ++allowed_count;
      }
    }
  }
  EXPECT_EQ(allowed_count, 10);
  EXPECT_EQ(refused_count, 26);
}

TEST(BookingStatus, FinalStatusesAllowNothing) {
  for (S from : {S::kCompleted, S::kCancelled, S::kNoShow}) {
    for (A action : kActions) EXPECT_FALSE(next_status(from, action)) << to_string(from);
  }
}

TEST(BookingStatus, ActiveStatusesHoldAPlace) {
  EXPECT_TRUE(is_active(S::kRequested));
  EXPECT_TRUE(is_active(S::kConfirmed));
  EXPECT_TRUE(is_active(S::kCheckedIn));
  EXPECT_FALSE(is_active(S::kCompleted));
  EXPECT_FALSE(is_active(S::kCancelled));
  EXPECT_FALSE(is_active(S::kNoShow));
}

TEST(BookingStatus, OnlyCancelAndRescheduleGiveThePlaceBack) {
  for (A action : kActions) {
    EXPECT_EQ(releases_place(action), action == A::kCancel || action == A::kReschedule)
        << to_string(action);
  }
}

TEST(BookingStatus, ConfirmChannelsStartRequested) {
  const std::set<std::string> confirm = {"app"};
  EXPECT_EQ(initial_status("app", confirm), S::kRequested);
  for (const char* channel : {"web", "phone", "reexam", "walkin"}) {
    EXPECT_EQ(initial_status(channel, confirm), S::kConfirmed) << channel;
  }
  EXPECT_EQ(initial_status("app", {}), S::kConfirmed);
}

TEST(BookingStatus, NamesRoundTrip) {
  for (S s : kStatuses) EXPECT_EQ(parse_status(to_string(s)), s);
  EXPECT_EQ(to_string(S::kCheckedIn), "checked_in");
  EXPECT_EQ(to_string(S::kNoShow), "no_show");
  EXPECT_FALSE(parse_status("booked"));
  EXPECT_EQ(to_string(A::kReschedule), "reschedule");
}

}  // namespace
}  // namespace hisx::appointments
