#include "notify/tls.h"

#include <Poco/Net/NetSSL.h>
#include <Poco/Net/RejectCertificateHandler.h>
#include <Poco/Net/SSLManager.h>

#include <mutex>

namespace hisx::host {

namespace {

// VERIFY_STRICT, not RELAXED: for a client both verify the chain, but with RELAXED Poco skips
// the host name check when the server is on this machine (a tunnel or local relay).
Poco::Net::Context::Ptr make_context(const std::string& ca_file) {
  Poco::Net::Context::Ptr context =
      new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", ca_file,
                             Poco::Net::Context::VERIFY_STRICT, 9, /*loadDefaultCAs=*/true);
  context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
                            Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
  return context;
}

// Without an explicit set-up, Poco's SSLManager reads its handlers from the application's
// configuration, whose default asks on the console whether to accept a bad certificate.
void initialise_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    Poco::Net::initializeSSL();
    Poco::Net::SSLManager::InvalidCertificateHandlerPtr reject(
        new Poco::Net::RejectCertificateHandler(false));
    Poco::Net::SSLManager::instance().initializeClient(nullptr, reject, make_context(""));
  });
}

}  // namespace

Poco::Net::Context::Ptr client_tls_context(const std::string& ca_file) {
  initialise_once();
  return make_context(ca_file);
}

}  // namespace hisx::host
