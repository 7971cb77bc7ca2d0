#include "mllp.h"

#include <gtest/gtest.h>

namespace hisx::hl7 {
namespace {

TEST(Mllp, FramesAndTakesFramesBack) {
  const std::string message = "MSH|^~\\&|A\rPID|1||Nguyễn\r";
  const std::string framed = frame(message);
  EXPECT_EQ(framed.front(), '\x0b');
  EXPECT_EQ(framed.substr(framed.size() - 2), "\x1c\r");

  std::string buffer = "noise" + framed.substr(0, 10);
  EXPECT_EQ(take_frame(buffer), std::nullopt) << "incomplete";
  buffer += framed.substr(10) + frame("second");
  EXPECT_EQ(take_frame(buffer), message);
  EXPECT_EQ(take_frame(buffer), "second");
  EXPECT_EQ(take_frame(buffer), std::nullopt);
  EXPECT_TRUE(buffer.empty());
}

TEST(Mllp, ParsesAcksOfBothModes) {
  auto ack = parse_ack("MSH|^~\\&|HIS|BV|HISX|BV|20261201||ACK|X|P|2.5.1\rMSA|AA|CTRL1\r");
  ASSERT_TRUE(ack);
  EXPECT_EQ(ack->code, "AA");
  EXPECT_EQ(ack->control_id, "CTRL1");
  EXPECT_TRUE(ack->accepted());

  ack = parse_ack("MSH|^~\\&|HIS\nMSA|CA|CTRL2\n");
  ASSERT_TRUE(ack);
  EXPECT_TRUE(ack->accepted());

  ack = parse_ack(
      "MSH|^~\\&|HIS\rMSA|AE|CTRL3|Unknown patient\rERR|||204^Unknown key identifier|E||||"
      "Bệnh nhân không tồn tại\r");
  ASSERT_TRUE(ack);
  EXPECT_EQ(ack->code, "AE");
  EXPECT_FALSE(ack->accepted());
  EXPECT_EQ(ack->text, "Unknown patient; Bệnh nhân không tồn tại");

  EXPECT_EQ(parse_ack("MSH|^~\\&|HIS\rPID|1\r"), std::nullopt);
}

TEST(Mllp, MakesAnAckThatParsesBack) {
  const std::string message =
      "MSH|^~\\&|HISX|BV_DEMO|HIS|BV|20261130100000+0700||SIU^S12^SIU_S12|CTRL9|P|2.5.1\rSCH|x\r";
  const auto ack = parse_ack(make_ack(message, "AR", "Busy | later"));
  ASSERT_TRUE(ack);
  EXPECT_EQ(ack->code, "AR");
  EXPECT_EQ(ack->control_id, "CTRL9");
  EXPECT_EQ(ack->text, "Busy | later");
}

}  // namespace
}  // namespace hisx::hl7
