#include "auth/password_hasher.h"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

namespace hisx::host {

namespace {

void init_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

// Holds one of the hashing slots for the duration of a scope.
class Slot {
 public:
  explicit Slot(std::counting_semaphore<64>& slots) : slots_(slots) { slots_.acquire(); }
  ~Slot() { slots_.release(); }
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;

 private:
  std::counting_semaphore<64>& slots_;
};

}  // namespace

PasswordCost PasswordCost::interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordHasher::PasswordHasher(PasswordCost cost, int parallel)
    : cost_(cost), slots_(std::clamp(parallel, 1, 64)) {
  init_sodium();
}

std::string PasswordHasher::hash(std::string_view password) const {
  char out[crypto_pwhash_STRBYTES];
  int rc = 0;
  {
    Slot slot(slots_);
    rc = crypto_pwhash_str(out, password.data(), password.size(), cost_.ops, cost_.memory);
  }
  if (rc != 0) throw std::runtime_error("hashing a password failed: out of memory");
  return out;
}

bool PasswordHasher::verify(const std::string& stored, std::string_view password) const {
  // crypto_pwhash_str_verify reads a NUL-terminated string of at most STRBYTES.
  if (stored.empty() || stored.size() >= crypto_pwhash_STRBYTES) return false;
  Slot slot(slots_);
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

bool PasswordHasher::needs_rehash(const std::string& stored) const {
  if (stored.empty() || stored.size() >= crypto_pwhash_STRBYTES) return true;
  return crypto_pwhash_str_needs_rehash(stored.c_str(), cost_.ops, cost_.memory) != 0;
}

void PasswordHasher::verify_dummy(std::string_view password) const {
  std::call_once(dummy_once_, [this] {
    unsigned char secret[32];
    randombytes_buf(secret, sizeof secret);
    dummy_hash_ = hash(std::string_view(reinterpret_cast<const char*>(secret), sizeof secret));
    sodium_memzero(secret, sizeof secret);
  });
  (void)verify(dummy_hash_, password);
}

}  // namespace hisx::host
