#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "hisx/his_id.h"

namespace hisx::appointments {

/// HIS ids as FHIR ids. A FHIR id is 1 to 64 of [A-Za-z0-9-.]; a HIS id may be any text
/// ("K01", "bs.lan", "PK NỘI", "{GUID}"). A HIS id that is a FHIR id already (and does not
/// start with kEncodedFhirIdPrefix) is used as it is: Patient/007, Location/PK-NOI. Any other
/// is written as the prefix and the lower-case hex of its UTF-8 bytes: "bs_lan" becomes
/// "hisx-62735f6c616e". The encoding is reversible, so references and search parameters
/// with either form name the same HIS id. A HIS id over 29 bytes that needs the encoding
/// gives a FHIR id longer than 64 characters (kept, so that nothing is lost).
inline constexpr std::string_view kEncodedFhirIdPrefix = "hisx-";

/// True when `text` is a FHIR id: 1 to 64 of [A-Za-z0-9-.].
bool is_fhir_id(std::string_view text);

/// The FHIR id that stands for the HIS id `id`.
std::string fhir_id_of(const sdk::HisId& id);

/// The HIS id a FHIR id stands for (the reverse of fhir_id_of()); nothing when `fhir_id`
/// carries the prefix without whole hex bytes after it, or names no possible HIS id.
std::optional<sdk::HisId> his_id_of_fhir(std::string_view fhir_id);

}  // namespace hisx::appointments
