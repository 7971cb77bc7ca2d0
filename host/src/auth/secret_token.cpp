#include "auth/secret_token.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>
#include <sodium.h>

#include <cstring>
#include <stdexcept>

namespace hisx::host {

namespace {

constexpr std::size_t kSecretBytes = 32;
constexpr std::size_t kEncodedSecret = 43;  // 32 bytes in unpadded base64url

std::string hex(const unsigned char* data, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, size);
  out.pop_back();
  return out;
}

}  // namespace

SecretToken make_secret_token(const std::string& kind) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  unsigned char prefix_bytes[4];
  unsigned char secret[kSecretBytes];
  randombytes_buf(prefix_bytes, sizeof prefix_bytes);
  randombytes_buf(secret, sizeof secret);
  std::string encoded(
      sodium_base64_ENCODED_LEN(kSecretBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), secret, sizeof secret,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  encoded.resize(std::strlen(encoded.c_str()));
  sodium_memzero(secret, sizeof secret);
  SecretToken out;
  out.prefix = hex(prefix_bytes, sizeof prefix_bytes);
  out.token = kind + out.prefix + "_" + encoded;
  return out;
}

std::string secret_token_prefix(const std::string& token, const std::string& kind) {
  const std::size_t k = kind.size();
  if (token.size() != k + 8 + 1 + kEncodedSecret || token.rfind(kind, 0) != 0 ||
      token[k + 8] != '_') {
    return {};
  }
  return token.substr(k, 8);
}

std::string hash_secret_token(const std::string& token) {
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  return hex(digest, sizeof digest);
}

bool secret_token_matches(const std::string& token, const std::string& stored_hash) {
  const std::string presented = hash_secret_token(token);
  return presented.size() == stored_hash.size() &&
         sodium_memcmp(presented.data(), stored_hash.data(), presented.size()) == 0;
}

std::string token_time(long long micros) {
  return Poco::DateTimeFormatter::format(Poco::Timestamp(micros), "%Y-%m-%dT%H:%M:%SZ");
}

bool revoke_token_row(sdk::Database& store, const std::string& table, long long id,
                      const std::string& now) {
  long long affected = 0;
  sdk::with_transaction(store, [&](soci::session& s) {
    soci::statement st =
        (s.prepare << "UPDATE " + table +
                          " SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL",
         soci::use(now), soci::use(id));
    st.execute(true);
    affected = st.get_affected_rows();
  });
  return affected > 0;
}

}  // namespace hisx::host
