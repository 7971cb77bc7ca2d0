#pragma once

#include <string>
#include <vector>

#include "hisx/time_zone.h"
#include "printing/print_options_rules.h"

// The printed side of app linking, as plain code (no database, no HTTP): what a slip says
// and the documents made of it. The routes gather the content, record the print and send
// what these return.

namespace hisx::app_link {

/// Everything a slip shows. Only `link` goes into the QR code: never personal data.
struct SlipContent {
  std::string hospital_name;
  std::string app_name;
  std::string patient_name;  ///< As the HIS writes it, with diacritics.
  std::string patient_code;  ///< The HIS patient code (mã bệnh nhân).
  std::string link;          ///< settings.link_for(code): what the QR code carries.
  std::string code;          ///< The linking code as printed, "ABCD-EFGH".
  std::string hotline;
  std::string expires;  ///< The code's expiry in the hospital's local time, local_expiry().
};

/// A signed linking form: the slip, the consent to sign and the form's number.
struct FormContent {
  SlipContent slip;
  std::string consent_text;
  std::string form_number;  ///< "LK0000042": printed as text and as a second QR code.
};

/// "HH:MM dd/mm/yyyy" of the UTC instant `expires_at` ("YYYY-MM-DDTHH:MM:SSZ") on the wall
/// clock of `zone`; `expires_at` itself when it is not such an instant.
std::string local_expiry(const std::string& expires_at, const sdk::TimeZone& zone);

/// The three steps printed on every slip, Vietnamese first, English after: install the app,
/// scan the QR code or type the code, enter the birth date.
std::vector<std::string> slip_steps(const std::string& app_name);
/// "Tổng đài hỗ trợ / Hotline: <hotline>".
std::string hotline_line(const std::string& hotline);
/// "Mã có hiệu lực đến / Valid until: <expires>".
std::string expiry_line(const std::string& expires);
/// The caption of a form's second QR code.
inline constexpr const char* kFormNumberCaption =
    "Mã phiếu – dành cho bệnh viện / Form number – hospital use";

/// The slip as a PDF file on `size` (A5 or an 80 mm roll).
std::string slip_pdf(const SlipContent& slip, SlipSize size);
/// The slip for an 80 mm ESC/POS printer: the printer draws the QR code itself.
std::string slip_escpos(const SlipContent& slip);

/// The QR block a HIS embeds in its own slip: the QR code with the code and the hotline as
/// text under it, as a PNG image.
std::string qr_block_png(const SlipContent& slip);
/// The same block as an SVG document.
std::string qr_block_svg(const SlipContent& slip);
/// The same block as a self-contained HTML fragment: a <div> holding the inline SVG, no
/// script, no external resource, every text escaped.
std::string qr_block_html(const SlipContent& slip);

/// The signed linking forms as one PDF file, A5, one form per page, in order.
std::string forms_pdf(const std::vector<FormContent>& forms);

}  // namespace hisx::app_link
