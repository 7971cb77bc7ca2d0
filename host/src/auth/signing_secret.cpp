#include "auth/signing_secret.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>

#include "auth/time_text.h"

namespace hisx::host {

namespace {

constexpr const char* kSecretName = "session_signing_key";
constexpr std::size_t kSecretBytes = 32;

// An INSERT that does nothing when the row exists, without an error that would abort a
// PostgreSQL transaction.
std::string insert_if_absent(const std::string& backend) {
  const std::string values =
      " INTO hisx_host_secrets (name, value, created_at) VALUES (:name, :value, :now)";
  if (backend == "postgresql") return "INSERT" + values + " ON CONFLICT (name) DO NOTHING";
  if (backend == "mysql") return "INSERT IGNORE" + values;
  if (backend == "sqlite3") return "INSERT OR IGNORE" + values;
  // ODBC: any SQL; a lost race fails this statement and the retry reads the winner's key.
  return "INSERT" + values;
}

std::string fresh_secret_hex() {
  unsigned char secret[kSecretBytes];
  randombytes_buf(secret, sizeof secret);
  std::string hex(kSecretBytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), secret, sizeof secret);
  sodium_memzero(secret, sizeof secret);
  hex.pop_back();
  return hex;
}

std::string from_hex(const std::string& hex) {
  std::string out(hex.size() / 2, '\0');
  std::size_t length = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(),
                     hex.size(), nullptr, &length, nullptr) != 0 ||
      length != kSecretBytes) {
    throw std::runtime_error(
        "hisx_host_secrets holds a malformed session signing key; delete the row "
        "'session_signing_key' to make a new one (every staff member logs in again)");
  }
  return out;
}

// The key of `<data_dir>/session-signing.key`, made (mode 0600, exclusively, so that two
// processes starting together agree) when absent.
std::string file_secret(const std::filesystem::path& data_dir) {
  const std::filesystem::path path = data_dir / "session-signing.key";
  const std::string fresh = fresh_secret_hex() + "\n";
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd >= 0) {
    const bool written =
        ::write(fd, fresh.data(), fresh.size()) == static_cast<ssize_t>(fresh.size());
    ::fsync(fd);
    ::close(fd);
    if (!written) throw std::runtime_error("cannot write the session signing key " + path.string());
  } else if (errno != EEXIST) {
    throw std::runtime_error("cannot create the session signing key " + path.string() +
                             " (is data_dir writable by the hisx user?)");
  }
  std::ifstream in(path);
  std::string hex;
  std::getline(in, hex);
  if (hex.size() != kSecretBytes * 2) {
    throw std::runtime_error(path.string() +
                             " does not hold a session signing key (64 hexadecimal digits); "
                             "delete it to make a new one (every staff member logs in again)");
  }
  return from_hex(hex);
}

}  // namespace

std::string load_signing_secret(sdk::Database& store, const sdk::Clock& clock,
                                const AuthConfig& config) {
  if (config.signing_key) return *config.signing_key;
  if (!config.signing_key_home.store_is_his) return load_stored_signing_secret(store, clock);
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  const std::string key = file_secret(config.signing_key_home.data_dir);
  // A key kept in the HIS database by an earlier version is readable there: it goes.
  sdk::with_transaction(store, [&](soci::session& s) {
    const std::string name = kSecretName;
    s << "DELETE FROM hisx_host_secrets WHERE name = :name", soci::use(name);
  });
  return key;
}

std::string load_stored_signing_secret(sdk::Database& store, const sdk::Clock& clock) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  std::string stored;
  sdk::with_transaction(store, [&](soci::session& s) {
    const std::string name = kSecretName;
    const std::string candidate = fresh_secret_hex();
    const std::string now = format_time_ms(clock.now());
    s << insert_if_absent(store.backend()), soci::use(name), soci::use(candidate), soci::use(now);
    s << "SELECT value FROM hisx_host_secrets WHERE name = :name", soci::use(name),
        soci::into(stored);
    if (!s.got_data()) throw std::runtime_error("the session signing key could not be stored");
  });
  return from_hex(stored);
}

}  // namespace hisx::host
