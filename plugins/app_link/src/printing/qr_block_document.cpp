// The QR block alone (the code, the code as text, the hotline), for a HIS's own slip
// templates: PNG, SVG or an HTML fragment.
#include "hisx/documents/label.h"
#include "hisx/documents/qr.h"
#include "hisx/text.h"
#include "printing/print_documents.h"

namespace hisx::app_link {

namespace docs = sdk::documents;

namespace {

docs::QrCode block_code(const SlipContent& slip) {
  return docs::QrCode::encode(slip.link, docs::QrErrorCorrection::Q);
}

std::vector<docs::LabelLine> block_lines(const SlipContent& slip) {
  return {{slip.code, true, 26}, {hotline_line(slip.hotline), false, 15}};
}

}  // namespace

std::string qr_block_png(const SlipContent& slip) {
  return docs::render_label_png(block_code(slip), block_lines(slip), {.module_px = 8});
}

std::string qr_block_svg(const SlipContent& slip) {
  return docs::render_label_svg(block_code(slip), block_lines(slip), {.module_px = 8});
}

std::string qr_block_html(const SlipContent& slip) {
  std::string svg = docs::render_svg(block_code(slip), {.module_px = 6});
  svg.erase(0, svg.find("<svg"));  // Inline: without the XML declaration.
  std::string html =
      "<div class=\"hisx-app-link\" style=\"display:inline-block;text-align:center;"
      "font-family:'DejaVu Sans',Arial,sans-serif;color:#000;background:#fff\">\n";
  html += svg;
  html += "<div style=\"font-size:20px;font-weight:bold;letter-spacing:1px\">" +
          sdk::escape_markup(slip.code) + "</div>\n";
  html += "<div style=\"font-size:12px\">" + sdk::escape_markup(hotline_line(slip.hotline)) +
          "</div>\n</div>\n";
  return html;
}

}  // namespace hisx::app_link
