// The QR block a HIS embeds in its own slip: PNG, SVG and a self-contained HTML fragment.
#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/SAX/InputSource.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "printing/print_documents.h"
#include "sample_slip.h"
#include "support/documents/decoders.h"
#include "support/temp_dir.h"

namespace hisx::app_link {
namespace {

using test::sample_slip;

Poco::AutoPtr<Poco::XML::Document> parse_xml(const std::string& text) {
  Poco::XML::DOMParser parser;
  std::istringstream in(text);
  Poco::XML::InputSource source(in);
  return parser.parse(&source);  // Throws if malformed.
}

TEST(QrBlockPng, DecodesToTheDeepLink) {
  const SlipContent slip = sample_slip();
  hisx::test::TempDir dir;
  hisx::test::write_file(dir.path() / "block.png", qr_block_png(slip));
  EXPECT_EQ(hisx::test::zbar_decode(dir.path() / "block.png"), slip.link);
  const auto image = hisx::test::read_png(qr_block_png(slip));
  EXPECT_GT(image.height, image.width) << "no room for the code and hotline under the QR code";
}

TEST(QrBlockSvg, IsWellFormedAndHoldsTheCodeAndTheHotline) {
  const SlipContent slip = sample_slip();
  const std::string svg = qr_block_svg(slip);
  const auto doc = parse_xml(svg);
  EXPECT_EQ(doc->documentElement()->localName(), "svg");
  Poco::AutoPtr<Poco::XML::NodeList> texts =
      doc->documentElement()->getElementsByTagNameNS("*", "text");
  ASSERT_EQ(texts->length(), 2u);
  EXPECT_EQ(texts->item(0)->innerText(), "7Q4K-92XM");
  EXPECT_EQ(texts->item(1)->innerText(), "Tổng đài hỗ trợ / Hotline: 1900 1234");
}

TEST(QrBlockHtml, IsASelfContainedFragmentWithEverythingEscaped) {
  SlipContent slip = sample_slip();
  slip.hotline = "1900 <b>1234</b> & \"Zalo\"";
  const std::string html = qr_block_html(slip);
  EXPECT_EQ(html.rfind("<div", 0), 0u) << html.substr(0, 80);
  EXPECT_EQ(html.find("<?xml"), std::string::npos);
  for (const char* external : {"<script", "src=", "href=", "url(", "<link", "<img", "@import"}) {
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  }
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("1900 &lt;b&gt;1234&lt;/b&gt; &amp; &quot;Zalo&quot;"), std::string::npos)
      << html;
  EXPECT_NE(html.find("7Q4K-92XM"), std::string::npos);
  // Well-formed as XML too (the inline SVG included), so that any template engine takes it.
  const auto doc = parse_xml(html);
  Poco::AutoPtr<Poco::XML::NodeList> svgs =
      doc->documentElement()->getElementsByTagNameNS("*", "svg");
  EXPECT_EQ(svgs->length(), 1u);
}

}  // namespace
}  // namespace hisx::app_link
