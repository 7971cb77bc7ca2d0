#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <utility>
#include <vector>

#include "environment.h"
#include "fhir/fhir_search.h"
#include "hisx/http.h"

namespace hisx::appointments {

/// The HTTP side of the FHIR facade: media type, base URL, answers and refusals.

/// The FHIR media type every answer of /fhir/r4 carries.
inline constexpr const char* kFhirJson = "application/fhir+json";
/// Where the facade lives.
inline constexpr const char* kFhirPath = "/fhir/r4";

/// The absolute FHIR base URL as the client reached it, for fullUrl, Location and links:
/// X-Forwarded-Proto (http or https; http without it) and X-Forwarded-Host or Host, then
/// /fhir/r4. Behind nginx the proxy sets both; they only shape links in the answer to the
/// same caller.
std::string fhir_base_url(const sdk::Request& req);

/// Search parameters as (name, value), in the order they were read.
using SearchParams = std::vector<std::pair<std::string, std::string>>;

/// `base` with the search parameters the search used, percent-encoded: a Bundle's self link.
std::string search_url(const std::string& base, const SearchParams& params);

/// `_count` and `_page` of a search (each read as fhir_search.h says); those the client gave
/// are appended to `used`, so that the self link repeats them.
Paging read_paging(const sdk::Request& req, SearchParams& used);

/// A searchset's links as (relation, url): `self` = `base` + `used`; when the `total`
/// matches fill more than one page, also `first` and `last`, and `previous` and `next`
/// where there are such pages, each with the other parameters and an explicit `_count` and
/// `_page`.
std::vector<std::pair<std::string, std::string>> search_links(const std::string& base,
                                                              const SearchParams& used,
                                                              const Paging& paging,
                                                              long long total);

/// Sends `resource` as application/fhir+json with `status`.
void send_fhir(sdk::Response& res, const Poco::JSON::Object::Ptr& resource, int status = 200);

/// Wraps a FHIR handler so that every refusal it (or the booking core) throws is answered as
/// an OperationOutcome with the Problem's status (its extra members are dropped),
/// the field turned into a FHIRPath expression. Any other exception is logged with the
/// request id and answered 500 with an OperationOutcome that does not leak its text.
sdk::Handler answering_fhir(Environment& env, sdk::Handler handler);

}  // namespace hisx::appointments
