// The HIS's records as FHIR resources: Patient, Practitioner, Location.
#include "fhir/fhir_his_resources.h"

#include <Poco/JSON/Stringifier.h>
#include <gtest/gtest.h>

#include <sstream>

namespace hisx::appointments {
namespace {

std::string json(const Poco::JSON::Object::Ptr& o) {
  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(o, out);
  return out.str();
}

TEST(FhirHisResources, AVietnameseNameIsFamilyFirst) {
  EXPECT_EQ(json(human_name("Nguyễn Văn An")),
            R"({"use":"official","text":"Nguyễn Văn An","family":"Nguyễn","given":["Văn","An"]})");
  EXPECT_EQ(json(human_name("Bình")), R"({"use":"official","text":"Bình"})");
}

TEST(FhirHisResources, APatientCarriesItsCodesNamePhoneGenderAndBirthDate) {
  HisPatient p{"007",        "BN0007", "Đỗ Thị Bích",     "0987654321",
               "1992-11-30", "female", "HC4010987654321", "Tổ 5, thị trấn"};
  EXPECT_EQ(
      json(patient_resource(p)),
      R"({"resourceType":"Patient","id":"007","identifier":[{"system":"urn:hisx:fhir:his-patient-code","value":"BN0007","use":"usual","type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"MR","display":"Medical record number"}]}},{"system":"urn:hisx:fhir:bhyt-card","value":"HC4010987654321"}],"active":true,"name":[{"use":"official","text":"Đỗ Thị Bích","family":"Đỗ","given":["Thị","Bích"]}],"telecom":[{"system":"phone","value":"0987654321","use":"mobile"}],"gender":"female","birthDate":"1992-11-30","address":[{"text":"Tổ 5, thị trấn","country":"VN"}]})");
  // What the HIS does not know is left out, not sent empty.
  HisPatient bare{"K 1", "K1", "Bình", "", "", "unknown", "", ""};
  const std::string b = json(patient_resource(bare));
  EXPECT_EQ(b.find("telecom"), std::string::npos);
  EXPECT_EQ(b.find("birthDate"), std::string::npos);
  EXPECT_EQ(b.find("address"), std::string::npos);
  EXPECT_EQ(b.find("bhyt-card"), std::string::npos);
  // A HIS id that is no FHIR id is encoded (fhir_ids.h).
  EXPECT_NE(b.find(R"("id":"hisx-4b2031")"), std::string::npos) << b;
}

TEST(FhirHisResources, PractitionerAndLocation) {
  EXPECT_EQ(
      json(practitioner_resource({"bs.lan", "BS012", "BSCKI. Trần Thị Lan", std::string("K01")})),
      R"({"resourceType":"Practitioner","id":"bs.lan","identifier":[{"system":"urn:hisx:fhir:his-doctor-code","value":"BS012"}],"active":true,"name":[{"text":"BSCKI. Trần Thị Lan"}]})");
  EXPECT_EQ(
      json(location_resource({"PK-NOI", "P101", "Phòng khám Nội", std::string("K01")})),
      R"({"resourceType":"Location","id":"PK-NOI","identifier":[{"system":"urn:hisx:fhir:his-clinic-code","value":"P101"}],"status":"active","name":"Phòng khám Nội","mode":"instance","physicalType":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/location-physical-type","code":"ro","display":"Room"}]}})");
}

}  // namespace
}  // namespace hisx::appointments
