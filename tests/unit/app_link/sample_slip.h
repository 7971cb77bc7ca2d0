#pragma once

#include "app_link_settings.h"
#include "codes/link_code_rules.h"
#include "hisx/settings.h"
#include "printing/print_documents.h"

// The slip the document tests print: the default settings and a Vietnamese name with every
// kind of diacritic.

namespace hisx::app_link::test {

inline const std::string kPatientName = "Nguyễn Thị Ngọc Ánh";
inline const std::string kCode = "7Q4K92XM";

inline AppLinkSettings default_settings() { return read_settings(sdk::Settings({}, {})); }

inline SlipContent sample_slip() {
  const AppLinkSettings settings = default_settings();
  SlipContent slip;
  slip.hospital_name = settings.hospital_name;
  slip.app_name = settings.app_name;
  slip.patient_name = kPatientName;
  slip.patient_code = "BN000123";
  slip.link = settings.link_for(kCode);
  slip.code = display_link_code(kCode);
  slip.hotline = settings.hotline;
  slip.expires = "16:45 04/12/2026";
  return slip;
}

inline FormContent sample_form(long long serial = 42) {
  return {sample_slip(), default_settings().consent_text, form_number(serial)};
}

}  // namespace hisx::app_link::test
