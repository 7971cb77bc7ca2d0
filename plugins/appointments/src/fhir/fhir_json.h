#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace hisx::appointments {

/// Building blocks of the FHIR JSON the facade writes (keys kept in the order set).

/// An empty object.
Poco::JSON::Object::Ptr fhir_object();
/// A Reference: `reference`, and `display` when given and not empty.
Poco::JSON::Object::Ptr fhir_reference(const std::string& ref,
                                       const std::optional<std::string>& display = std::nullopt);
/// An Identifier of `system`.
Poco::JSON::Object::Ptr fhir_identifier(std::string_view system, const std::string& value);
/// A CodeableConcept with text only.
Poco::JSON::Object::Ptr fhir_text_concept(const std::string& text);
/// A CodeableConcept with one coding.
Poco::JSON::Object::Ptr fhir_coded(std::string_view system, const std::string& code,
                                   const std::string& display);
/// An array of `items`.
Poco::JSON::Array::Ptr fhir_array(std::initializer_list<Poco::Dynamic::Var> items);

}  // namespace hisx::appointments
