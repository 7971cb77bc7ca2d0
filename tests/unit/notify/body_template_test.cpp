#include "notify/body_template.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <gmock/gmock.h>

namespace hisx::host {
namespace {

using ::testing::HasSubstr;

Poco::JSON::Object::Ptr parse(const std::string& json) {
  Poco::JSON::Parser parser;
  return parser.parse(json).extract<Poco::JSON::Object::Ptr>();
}

TEST(BodyTemplate, FillsEachPlaceholderAsJsonStringContent) {
  BodyTemplate body(R"({"phone": "{{to}}", "message": "{{text}}", "ref": "{{id}}", )"
                    R"("title": "{{subject}}", "via": "{{channel}}"})");
  TemplateValues v;
  v.id = "0c6f-id";
  v.channel = "sms";
  v.to = "0912 345 678";
  v.subject = "Nhắc lịch";
  v.text = "Bà Nguyễn Thị Ánh: lịch khám \"Nội\" lúc 8:30\nMang theo thẻ BHYT \\ CCCD\t.";
  const std::string rendered = body.render(v);
  auto json = parse(rendered);
  EXPECT_EQ(json->getValue<std::string>("phone"), v.to);
  EXPECT_EQ(json->getValue<std::string>("message"), v.text);
  EXPECT_EQ(json->getValue<std::string>("ref"), v.id);
  EXPECT_EQ(json->getValue<std::string>("title"), v.subject);
  EXPECT_EQ(json->getValue<std::string>("via"), "sms");
  // Vietnamese travels as UTF-8, not as \u escapes; quotes and breaks are escaped.
  EXPECT_THAT(rendered, HasSubstr("Nguyễn Thị Ánh"));
  EXPECT_THAT(rendered, HasSubstr(R"(\"Nội\")"));
  EXPECT_THAT(rendered, HasSubstr(R"(8:30\nMang)"));
  EXPECT_THAT(rendered, HasSubstr(R"(BHYT \\ CCCD\t.)"));
}

TEST(BodyTemplate, AQuoteInTheTextCannotAddFields) {
  BodyTemplate body(R"({"message": "{{text}}", "role": "patient"})");
  TemplateValues v;
  v.text = R"(hi", "role": "admin)";
  auto json = parse(body.render(v));
  EXPECT_EQ(json->getValue<std::string>("role"), "patient");
  EXPECT_EQ(json->getValue<std::string>("message"), v.text);
  EXPECT_EQ(json->size(), 2u);
}

TEST(BodyTemplate, DataFieldsOfEveryKind) {
  BodyTemplate body(R"({"b": "{{data.booking_id}}", "n": "{{data.queue_number}}", )"
                    R"("ok": "{{data.confirmed}}", "o": "{{data.clinic}}", )"
                    R"("missing": "{{data.nothing}}", "null": "{{data.empty}}", )"
                    R"("name": "{{ data.patient-name }}"})");
  TemplateValues v;
  v.data = new Poco::JSON::Object;
  v.data->set("booking_id", "BK-12");
  v.data->set("queue_number", 17);
  v.data->set("confirmed", true);
  Poco::JSON::Object::Ptr clinic = new Poco::JSON::Object;
  clinic->set("name", "Phòng khám \"Nhi\"");
  v.data->set("clinic", clinic);
  v.data->set("empty", Poco::Dynamic::Var());
  v.data->set("patient-name", "Trần Văn Bình");
  auto json = parse(body.render(v));
  EXPECT_EQ(json->getValue<std::string>("b"), "BK-12");
  EXPECT_EQ(json->getValue<std::string>("n"), "17");
  EXPECT_EQ(json->getValue<std::string>("ok"), "true");
  EXPECT_EQ(parse(json->getValue<std::string>("o"))->getValue<std::string>("name"),
            "Phòng khám \"Nhi\"");
  EXPECT_EQ(json->getValue<std::string>("missing"), "");
  EXPECT_EQ(json->getValue<std::string>("null"), "");
  EXPECT_EQ(json->getValue<std::string>("name"), "Trần Văn Bình");

  // No data at all: every data field is empty.
  v.data = nullptr;
  EXPECT_EQ(parse(body.render(v))->getValue<std::string>("b"), "");
}

TEST(BodyTemplate, DefaultBodyCarriesTheMessage) {
  BodyTemplate body(BodyTemplate::kDefault);
  auto json = parse(body.render({"id-1", "push", "acc-42", "Tiêu đề", "Nội dung", nullptr}));
  EXPECT_EQ(json->getValue<std::string>("id"), "id-1");
  EXPECT_EQ(json->getValue<std::string>("channel"), "push");
  EXPECT_EQ(json->getValue<std::string>("to"), "acc-42");
  EXPECT_EQ(json->getValue<std::string>("subject"), "Tiêu đề");
  EXPECT_EQ(json->getValue<std::string>("text"), "Nội dung");
}

TEST(BodyTemplate, RefusesUnknownAndUnclosedPlaceholders) {
  try {
    BodyTemplate body(R"({"phone": "{{phone}}"})");
    FAIL() << "an unknown placeholder was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), HasSubstr("unknown placeholder {{phone}}"));
    EXPECT_THAT(e.what(), HasSubstr("{{to}}"));
  }
  EXPECT_THROW(BodyTemplate(R"({"m": "{{text"})"), std::invalid_argument);
  EXPECT_THROW(BodyTemplate(R"({"m": "{{data.}}"})"), std::invalid_argument);
  EXPECT_THROW(BodyTemplate(R"({"m": "{{data.a b}}"})"), std::invalid_argument);
}

TEST(JsonEscape, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(json_escape("a\"b\\c\nd\re\tf\b\f\x01g"), R"(a\"b\\c\nd\re\tf\b\f\u0001g)");
  EXPECT_EQ(json_escape("Đà Nẵng / ok"), "Đà Nẵng / ok");
}

}  // namespace
}  // namespace hisx::host
