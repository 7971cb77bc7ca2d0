#include "notify/log_driver.h"

#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <gtest/gtest.h>

#include <mutex>
#include <vector>

namespace hisx::host {
namespace {

// Collects what is logged, as a real log channel would receive it.
class Collect : public Poco::Channel {
 public:
  void log(const Poco::Message& msg) override {
    std::lock_guard lock(mutex_);
    lines_.push_back(msg.getText());
  }
  std::vector<std::string> lines() {
    std::lock_guard lock(mutex_);
    return lines_;
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> lines_;
};

TEST(LogDriver, WritesOneLinePerMessageAndReportsSent) {
  Poco::AutoPtr<Collect> collect(new Collect);
  auto& logger = Poco::Logger::get("hisx.notify");
  logger.setChannel(collect);
  logger.setLevel(Poco::Message::PRIO_INFORMATION);

  LogDriver driver;
  OutgoingMessage m;
  m.id = "id-7";
  m.channel = "push";
  m.to = "acc-42";
  m.subject = "Lịch khám";
  m.text = "Mời bà đến phòng 105\nlúc 9:00";
  Delivery d = driver.deliver(m);
  EXPECT_EQ(d.outcome, Delivery::Outcome::kSent);

  auto lines = collect->lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0],
            "[push] to acc-42 subject \"Lịch khám\": Mời bà đến phòng 105\\nlúc 9:00 (id id-7)");
  logger.setChannel(nullptr);
}

}  // namespace
}  // namespace hisx::host
