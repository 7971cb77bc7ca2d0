#pragma once

namespace hisx::sdk::documents {

/// Horizontal placement of text, an image or a QR code between the margins.
enum class Align {
  Left,    ///< Against the left margin.
  Center,  ///< Centred between the margins.
  Right,   ///< Against the right margin.
};

}  // namespace hisx::sdk::documents
