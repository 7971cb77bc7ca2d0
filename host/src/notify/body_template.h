#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <string_view>
#include <vector>

namespace hisx::host {

/// The values a webhook body template is filled with.
struct TemplateValues {
  std::string id;                ///< {{id}}: the message id.
  std::string channel;           ///< {{channel}}
  std::string to;                ///< {{to}}
  std::string subject;           ///< {{subject}}
  std::string text;              ///< {{text}}
  Poco::JSON::Object::Ptr data;  ///< {{data.<field>}}; may be null.
};

/// A webhook body: JSON text with `{{to}}`, `{{subject}}`, `{{text}}`, `{{id}}`,
/// `{{channel}}` and `{{data.<field>}}` placeholders, each standing inside a JSON string
/// ("…{{text}}…"). Every value is JSON-escaped as string content, so quotes, backslashes
/// and line breaks in a patient's message can never break the JSON; UTF-8 (Vietnamese) is
/// kept as it is.
class BodyTemplate {
 public:
  /// Parses `text`. Throws std::invalid_argument naming an unknown or unclosed placeholder.
  explicit BodyTemplate(std::string_view text);

  /// The body for `values`. A data field that is absent or null becomes ""; a number or
  /// boolean its JSON text; an object or array its JSON text, escaped as a string.
  std::string render(const TemplateValues& values) const;

  /// The default body: {"id", "channel", "to", "subject", "text"}.
  static const char* const kDefault;

 private:
  enum class Kind { kLiteral, kId, kChannel, kTo, kSubject, kText, kData };
  struct Part {
    Kind kind;
    std::string text;  ///< The literal, or the data field name.
  };
  std::vector<Part> parts_;
};

/// `value` escaped for use inside a JSON string literal (without the quotes): `"` `\` and
/// control characters are escaped, every other byte (UTF-8 included) is kept.
std::string json_escape(std::string_view value);

}  // namespace hisx::host
