#include "fhir/fhir_json.h"

namespace hisx::appointments {

Poco::JSON::Object::Ptr fhir_object() {
  return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

Poco::JSON::Object::Ptr fhir_reference(const std::string& ref,
                                       const std::optional<std::string>& display) {
  auto o = fhir_object();
  o->set("reference", ref);
  if (display && !display->empty()) o->set("display", *display);
  return o;
}

Poco::JSON::Object::Ptr fhir_identifier(std::string_view system, const std::string& value) {
  auto o = fhir_object();
  o->set("system", std::string(system));
  o->set("value", value);
  return o;
}

Poco::JSON::Object::Ptr fhir_text_concept(const std::string& text) {
  auto o = fhir_object();
  o->set("text", text);
  return o;
}

Poco::JSON::Object::Ptr fhir_coded(std::string_view system, const std::string& code,
                                   const std::string& display) {
  auto coding = fhir_object();
  coding->set("system", std::string(system));
  coding->set("code", code);
  coding->set("display", display);
  auto o = fhir_object();
  o->set("coding", fhir_array({coding}));
  return o;
}

Poco::JSON::Array::Ptr fhir_array(std::initializer_list<Poco::Dynamic::Var> items) {
  Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
  for (const auto& item : items) a->add(item);
  return a;
}

}  // namespace hisx::appointments
