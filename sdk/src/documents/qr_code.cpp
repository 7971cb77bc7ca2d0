#include <qrencode.h>

#include <cerrno>
#include <memory>
#include <stdexcept>
#include <string>

#include "hisx/documents/qr.h"

namespace hisx::sdk::documents {

namespace {

struct QrFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

QRecLevel to_qrencode(QrErrorCorrection level) {
  switch (level) {
    case QrErrorCorrection::M:
      return QR_ECLEVEL_M;
    case QrErrorCorrection::Q:
      return QR_ECLEVEL_Q;
    case QrErrorCorrection::H:
      return QR_ECLEVEL_H;
  }
  throw std::invalid_argument("QR code: unknown error-correction level");
}

const char* level_name(QrErrorCorrection level) {
  switch (level) {
    case QrErrorCorrection::M:
      return "M";
    case QrErrorCorrection::Q:
      return "Q";
    case QrErrorCorrection::H:
      return "H";
  }
  return "?";
}

}  // namespace

QrCode::QrCode(int size, int version, QrErrorCorrection level, std::vector<bool> modules)
    : size_(size), version_(version), level_(level), modules_(std::move(modules)) {}

QrCode QrCode::encode(std::string_view utf8, QrErrorCorrection level) {
  if (utf8.empty()) throw std::invalid_argument("QR code: the text to encode is empty");
  const QRecLevel qr_level = to_qrencode(level);
  errno = 0;
  std::unique_ptr<QRcode, QrFree> code(
      QRcode_encodeData(static_cast<int>(utf8.size()),
                        reinterpret_cast<const unsigned char*>(utf8.data()), 0, qr_level));
  if (!code) {
    if (errno == ERANGE || errno == EINVAL) {
      throw std::invalid_argument("QR code: " + std::to_string(utf8.size()) +
                                  " bytes of text do not fit in a QR code at level " +
                                  level_name(level) +
                                  " (at most 2331 bytes at M, 1663 at Q, 1273 at H)");
    }
    throw std::runtime_error("QR code: libqrencode failed (errno " + std::to_string(errno) + ")");
  }
  const int size = code->width;
  std::vector<bool> modules(static_cast<std::size_t>(size) * size);
  for (std::size_t i = 0; i < modules.size(); ++i) modules[i] = (code->data[i] & 1) != 0;
  return QrCode(size, code->version, level, std::move(modules));
}

bool QrCode::dark(int x, int y) const {
  if (x < 0 || y < 0 || x >= size_ || y >= size_) {
    throw std::out_of_range("QR code: module (" + std::to_string(x) + ", " + std::to_string(y) +
                            ") is outside a " + std::to_string(size_) + "×" +
                            std::to_string(size_) + " code");
  }
  return modules_[static_cast<std::size_t>(y) * size_ + x];
}

std::size_t QrCode::dark_count() const noexcept {
  std::size_t n = 0;
  for (const bool m : modules_) n += m ? 1 : 0;
  return n;
}

}  // namespace hisx::sdk::documents
