#include "notify/webhook_driver.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>

#include <memory>

#include "notify/tls.h"
#include "notify/webhook_signature.h"

namespace hisx::host {

namespace {

constexpr std::size_t kMaxAnswerBytes = 4096;  // Enough for a reason; the rest is dropped.

std::string read_bounded(std::istream& in) {
  std::string out(kMaxAnswerBytes, '\0');
  in.read(out.data(), static_cast<std::streamsize>(out.size()));
  out.resize(static_cast<std::size_t>(in.gcount()));
  return out;
}

}  // namespace

WebhookDriver::WebhookDriver(WebhookConfig config, const sdk::Clock& clock)
    : config_(std::move(config)), body_(config_.body), uri_(config_.url), clock_(clock) {
  if (uri_.getScheme() == "https") tls_ = client_tls_context(config_.ca_file);
}

Delivery WebhookDriver::deliver(const OutgoingMessage& message) {
  const std::string body = body_.render(
      {message.id, message.channel, message.to, message.subject, message.text, message.data});
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(clock_.now().time_since_epoch()).count();
  const std::string timestamp = std::to_string(seconds);
  try {
    std::unique_ptr<Poco::Net::HTTPClientSession> session;
    if (tls_) {
      session =
          std::make_unique<Poco::Net::HTTPSClientSession>(uri_.getHost(), uri_.getPort(), tls_);
    } else {
      session = std::make_unique<Poco::Net::HTTPClientSession>(uri_.getHost(), uri_.getPort());
    }
    session->setTimeout(Poco::Timespan(config_.timeout.count() * 1000));
    const std::string target = uri_.getPathAndQuery().empty() ? "/" : uri_.getPathAndQuery();
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, target,
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    request.setContentType("application/json; charset=utf-8");
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    request.set("User-Agent", "hisx-notify");
    request.set("X-Hisx-Message-Id", message.id);
    request.set("X-Hisx-Timestamp", timestamp);
    request.set("X-Hisx-Signature", webhook_signature(config_.secret, timestamp, body));
    session->sendRequest(request) << body;

    Poco::Net::HTTPResponse response;
    std::istream& in = session->receiveResponse(response);
    const int status = response.getStatus();
    if (status >= 200 && status < 300) return Delivery::sent();
    const std::string reason = "HTTP " + std::to_string(status) + " " + response.getReason() +
                               ": " + excerpt(read_bounded(in));
    if (status == 408 || status == 429 || status >= 500) return Delivery::retry(reason);
    if (status >= 300 && status < 400) {
      return Delivery::failed(reason + " (redirects are not followed; fix the channel's url)");
    }
    return Delivery::failed(reason);
  } catch (const Poco::TimeoutException&) {
    return Delivery::retry("no answer from " + uri_.getHost() + " within " +
                           std::to_string(config_.timeout.count()) + " ms");
  } catch (const Poco::Exception& e) {
    return Delivery::retry(uri_.getHost() + ":" + std::to_string(uri_.getPort()) + ": " +
                           e.displayText());
  } catch (const std::exception& e) {
    return Delivery::retry(e.what());
  }
}

}  // namespace hisx::host
