#include "notify/webhook_signature.h"

#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/SHA2Engine.h>

namespace hisx::host {

namespace {

// Poco's HMACEngine needs the block and digest sizes as constants of the engine type.
class Sha256Engine : public Poco::SHA2Engine {
 public:
  enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };
  Sha256Engine() : Poco::SHA2Engine(SHA_256) {}
};

}  // namespace

std::string hmac_sha256_hex(std::string_view key, std::string_view data) {
  Poco::HMACEngine<Sha256Engine> hmac(key.data(), key.size());
  hmac.update(data.data(), data.size());
  return Poco::DigestEngine::digestToHex(hmac.digest());
}

std::string webhook_signature(std::string_view secret, std::string_view timestamp,
                              std::string_view body) {
  std::string signed_text;
  signed_text.reserve(timestamp.size() + 1 + body.size());
  signed_text.append(timestamp).append(".").append(body);
  return "sha256=" + hmac_sha256_hex(secret, signed_text);
}

}  // namespace hisx::host
