// Staff browse the demo HIS through the `his` plugin and the demo profile, over HTTP.
#include <gmock/gmock.h>

#include "hisx/text.h"
#include "integration_support.h"

namespace hisx::test::integration {
namespace {

using ::testing::HasSubstr;

// One host with the demo HIS and a receptionist's key, per test.
class HisBrowsing : public ::testing::Test {
 protected:
  void SetUp() override {
    host_.start();
    key_ = create_key(host_, "receptionist", "front-desk");
    ASSERT_FALSE(key_.empty());
  }

  HttpResult get(const std::string& path) const { return host_.client().get(path, key_); }

  Poco::JSON::Array::Ptr search(const std::string& q, int limit = 50) const {
    return search_patients(host_.client(), key_, q, limit);
  }

  // The ids of `items`.
  // The ids of `items`: HIS ids, JSON strings.
  static std::vector<std::string> ids(const Poco::JSON::Array::Ptr& items) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < items->size(); ++i) {
      const auto id = items->getObject(static_cast<unsigned>(i))->get("id");
      EXPECT_TRUE(id.isString()) << "HIS ids are JSON strings";
      out.push_back(id.toString());
    }
    return out;
  }

  HostProcess host_{host_options()};
  std::string key_;
};

TEST_F(HisBrowsing, OnePatientHasEveryProfileColumn) {
  HttpResult r = get("/api/v1/his/patients/1");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type").rfind("application/json", 0), 0u);
  auto p = r.json();
  EXPECT_TRUE(p->get("id").isString()) << r.body;
  EXPECT_EQ(p->getValue<std::string>("id"), "1");
  for (const char* column :
       {"code", "full_name", "birth_date", "gender", "phone", "insurance_no", "address"}) {
    EXPECT_TRUE(p->has(column)) << column << " missing from " << r.body;
  }
  EXPECT_THAT(p->getValue<std::string>("code"), ::testing::StartsWith("BN"));
  EXPECT_THAT(p->getValue<std::string>("birth_date"),
              ::testing::MatchesRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}"));
  EXPECT_THAT(p->getValue<std::string>("gender"), ::testing::AnyOf("male", "female"));
}

TEST_F(HisBrowsing, FindsAPatientByUnaccentedNameFragment) {
  auto p = get("/api/v1/his/patients/7").json();
  const std::string name = p->getValue<std::string>("full_name");
  const std::string folded = sdk::fold_search_text(name);
  ASSERT_NE(name, folded) << "folding lower-cases and strips accents";
  // The name without its family name, typed without accents.
  const auto space = folded.find(' ');
  ASSERT_NE(space, std::string::npos) << folded;
  const std::string fragment = folded.substr(space + 1);

  auto found = search(fragment);
  EXPECT_THAT(ids(found), ::testing::Contains("7")) << "searching '" << fragment << "'";
  for (std::size_t i = 0; i < found->size(); ++i) {
    const auto other = found->getObject(static_cast<unsigned>(i));
    const std::string other_name = sdk::fold_search_text(other->getValue<std::string>("full_name"));
    const std::string phone = other->isNull("phone") ? "" : other->getValue<std::string>("phone");
    const std::string code = sdk::fold_search_text(other->getValue<std::string>("code"));
    EXPECT_TRUE(other_name.find(fragment) != std::string::npos ||
                phone.find(fragment) != std::string::npos ||
                code.find(fragment) != std::string::npos)
        << other_name << " does not match '" << fragment << "'";
  }

  // Typed with its accents, exactly as registered, the name finds the same patient.
  EXPECT_THAT(ids(search(name)), ::testing::Contains("7")) << "searching '" << name << "'";
}

TEST_F(HisBrowsing, FindsAPatientByPhoneAndByCode) {
  // Some old patients have no phone: take the first that has one.
  Poco::JSON::Object::Ptr patient;
  for (int id = 1; id <= 50 && !patient; ++id) {
    auto p = get("/api/v1/his/patients/" + std::to_string(id)).json();
    if (!p->isNull("phone")) patient = p;
  }
  ASSERT_TRUE(patient) << "no patient with a phone among the first 50";
  const std::string id = patient->getValue<std::string>("id");

  EXPECT_THAT(ids(search(patient->getValue<std::string>("phone"))), ::testing::Contains(id));

  // The exact code comes first, whatever its case.
  auto by_code = search(patient->getValue<std::string>("code"));
  ASSERT_GT(by_code->size(), 0u);
  EXPECT_EQ(ids(by_code).front(), id);
  std::string lower = sdk::fold_search_text(patient->getValue<std::string>("code"));
  EXPECT_EQ(ids(search(lower)).front(), id);
}

TEST_F(HisBrowsing, LimitIsHonoured) {
  // Every demo code starts with BN: this matches all 300 patients.
  EXPECT_EQ(search("bn", 5)->size(), 5u);
  EXPECT_EQ(search("bn", 50)->size(), 50u);
  HttpResult r = get("/api/v1/his/patients?q=bn");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<int>("count"), 20) << "the default limit";
}

TEST_F(HisBrowsing, BadSearchParametersNameTheField) {
  for (const std::string path :
       {"/api/v1/his/patients?q=a", "/api/v1/his/patients", "/api/v1/his/patients?q=%20%20n%20"}) {
    auto doc = expect_problem(get(path), 422, "validation");
    EXPECT_EQ(doc->getValue<std::string>("field"), "q") << path;
    EXPECT_THAT(doc->getValue<std::string>("detail"), HasSubstr("2")) << path;
  }
  for (const std::string limit : {"0", "51", "-3", "ten", "5x"}) {
    const std::string path = "/api/v1/his/patients?q=nguyen&limit=" + limit;
    auto doc = expect_problem(get(path), 422, "validation");
    EXPECT_EQ(doc->getValue<std::string>("field"), "limit") << path;
    EXPECT_THAT(doc->getValue<std::string>("detail"), HasSubstr("1 to 50")) << path;
  }
}

TEST_F(HisBrowsing, UnknownOrMalformedPatientId) {
  auto doc = expect_problem(get("/api/v1/his/patients/999999999"), 404, "not-found");
  EXPECT_THAT(doc->getValue<std::string>("detail"), HasSubstr("999999999"));
  // HIS ids are opaque text: one this HIS does not have is unknown, whatever it looks like.
  for (const std::string id : {"abc", "0", "-1", "12abc", "007x", "BN0001"}) {
    doc = expect_problem(get("/api/v1/his/patients/" + id), 404, "not-found");
    EXPECT_THAT(doc->getValue<std::string>("detail"), HasSubstr(id)) << id;
  }
  // No id at all: too long, or with a control character.
  for (const std::string& id : {std::string(101, '1'), std::string("1%0A2")}) {
    doc = expect_problem(get("/api/v1/his/patients/" + id), 422, "validation");
    EXPECT_EQ(doc->getValue<std::string>("field"), "id") << id;
  }
}

TEST_F(HisBrowsing, DepartmentsAreListed) {
  HttpResult r = get("/api/v1/his/departments");
  ASSERT_EQ(r.status, 200) << r.body;
  auto body = r.json();
  auto items = body->getArray("items");
  ASSERT_GT(items->size(), 0u) << r.body;
  EXPECT_EQ(body->getValue<int>("count"), static_cast<int>(items->size()));
  for (std::size_t i = 0; i < items->size(); ++i) {
    auto d = items->getObject(static_cast<unsigned>(i));
    EXPECT_TRUE(d->get("id").isString()) << r.body;
    EXPECT_FALSE(d->getValue<std::string>("id").empty()) << r.body;
    EXPECT_FALSE(d->getValue<std::string>("code").empty()) << r.body;
    EXPECT_FALSE(d->getValue<std::string>("name").empty()) << r.body;
  }
}

}  // namespace
}  // namespace hisx::test::integration
