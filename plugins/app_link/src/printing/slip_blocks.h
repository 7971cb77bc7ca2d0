#pragma once

#include <string>

#include "hisx/documents/pdf.h"
#include "printing/print_documents.h"

namespace hisx::app_link {

/// How large the parts of a slip are set: an A5 slip, a roll, the top of a form.
struct SlipLook {
  std::string title;  ///< The line under the hospital's name.
  double heading_pt = 13;
  double title_pt = 10.5;
  double text_pt = 10;
  double qr_mm = 40;
  double code_pt = 18;
  double small_pt = 8.5;
};

/// Appends the slip's blocks to `pdf`: hospital, title, patient, QR code, code as text,
/// expiry, the three steps and the hotline.
void add_slip_blocks(sdk::documents::PdfDocument& pdf, const SlipContent& slip,
                     const SlipLook& look);

}  // namespace hisx::app_link
