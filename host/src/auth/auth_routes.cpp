#include "auth/auth_routes.h"

#include <Poco/JSON/Object.h>
#include <Poco/String.h>

#include "auth/bearer_authenticator.h"
#include "auth/time_text.h"
#include "hisx/problem.h"
#include "hisx/rate_limits.h"
#include "http/client_address.h"
#include "http/host_request.h"

namespace hisx::host {

namespace {

// "YYYY-MM-DDTHH:MM:SSZ": whole seconds, as in the token's "exp".
std::string api_time(std::chrono::system_clock::time_point t) {
  return format_time_ms(t).substr(0, 19) + "Z";
}

std::string required_text(const Poco::JSON::Object::Ptr& body, const std::string& field,
                          const std::string& vi) {
  if (!body->has(field) || !body->get(field).isString() ||
      body->getValue<std::string>(field).empty()) {
    throw sdk::Problem::invalid(
        field, "Thiếu " + vi + ". / The " + field + " is missing or not a string.");
  }
  return body->getValue<std::string>(field);
}

// The credential as sent; the dispatcher already checked that there is one.
std::string bearer_of(const sdk::Request& req) {
  const std::string value = Poco::trim(req.header("Authorization").value_or(""));
  const auto space = value.find(' ');
  return space == std::string::npos ? std::string() : Poco::trim(value.substr(space + 1));
}

Poco::JSON::Object::Ptr user_json(long long id, const std::string& username,
                                  const std::string& display_name, const std::string& role,
                                  const std::string& kind) {
  Poco::JSON::Object::Ptr out = new Poco::JSON::Object;
  out->set("id", id);
  out->set("username", username);
  out->set("display_name", display_name);
  out->set("role", role);
  out->set("kind", kind);
  return out;
}

void login(Accounts& accounts, sdk::Request& req, sdk::Response& res) {
  const auto body = req.json();
  const std::string username = required_text(body, "username", "tên đăng nhập");
  const std::string password = required_text(body, "password", "mật khẩu");
  // Resolved by the host through http.trusted_proxies.
  const std::string address = req.client_address();
  try {
    const LoginResult result = accounts.login(username, password, address);
    Poco::JSON::Object::Ptr out = new Poco::JSON::Object;
    out->set("token", result.token);
    out->set("expires_at", api_time(result.expires_at));
    out->set("expires_in", static_cast<long long>(result.expires_in.count()));
    out->set("user", user_json(result.user.id, result.user.username, result.user.display_name,
                               result.user.role, "user"));
    res.header("Cache-Control", "no-store");
    res.json(out);
    // The audit row of a successful login names who logged in (the route itself is public).
    if (auto* host_request = dynamic_cast<HostRequest*>(&req)) {
      host_request->set_principal(
          {"user:" + std::to_string(result.user.id), result.user.username, result.user.role});
    }
  } catch (const LoginRefused& refused) {
    if (!refused.retry_after()) throw sdk::Problem(401, "unauthorized", refused.what());
    sdk::RateDecision decision;
    decision.admitted = false;
    decision.retry_after = *refused.retry_after();
    throw sdk::too_many_requests(decision, refused.what());
  }
}

void logout(Accounts& accounts, sdk::Request& req, sdk::Response& res) {
  const std::string token = bearer_of(req);
  if (is_api_key(token)) {
    throw sdk::Problem(400, "bad-request",
                       "Khóa API không có phiên đăng nhập để đăng xuất; hãy thu hồi khóa bằng "
                       "`hisx apikey revoke`. / An API key has no session to log out of; revoke "
                       "it with `hisx apikey revoke`.");
  }
  accounts.logout(token);
  res.status(204);
}

void me(Accounts& accounts, sdk::Request& req, sdk::Response& res) {
  const sdk::Principal& who = *req.principal();
  const auto colon = who.id.find(':');
  const std::string kind = who.id.substr(0, colon);
  const long long id = std::stoll(who.id.substr(colon + 1));
  if (kind == "user") {
    const auto user = accounts.user(id);
    if (!user) throw sdk::Problem(401, "unauthorized", "The credential is not valid.");
    res.json(user_json(id, user->username, user->display_name, who.role, "user"));
  } else {
    res.json(user_json(id, who.name, who.name, who.role, "apikey"));
  }
}

}  // namespace

void add_auth_routes(RouteTable& routes, Accounts& accounts,
                     const std::vector<std::string>& roles) {
  sdk::Route login_route{
      "POST",
      "/api/v1/auth/login",
      {},
      [&accounts](sdk::Request& req, sdk::Response& res) { login(accounts, req, res); },
      "Staff login: a session token for a username and password"};
  login_route.is_public = true;
  login_route.request_schema =
      R"({"type":"object","required":["username","password"],"properties":{)"
      R"("username":{"type":"string"},"password":{"type":"string"}}})";
  login_route.response_schema =
      R"({"type":"object","required":["token","expires_at","expires_in"],"properties":{)"
      R"("token":{"type":"string"},"expires_at":{"type":"string","format":"date-time"},)"
      R"("expires_in":{"type":"integer","description":"seconds from now to expires_at"},)"
      R"("user":{"type":"object"}}})";
  routes.add("host", login_route);

  routes.add("host",
             {"POST", "/api/v1/auth/logout", roles,
              [&accounts](sdk::Request& req, sdk::Response& res) { logout(accounts, req, res); },
              "Ends the caller's staff session"});

  sdk::Route me_route{
      "GET", "/api/v1/auth/me", roles,
      [&accounts](sdk::Request& req, sdk::Response& res) { me(accounts, req, res); },
      "Who the credential belongs to"};
  me_route.response_schema =
      R"({"type":"object","required":["id","username","display_name","role","kind"],)"
      R"("properties":{"id":{"type":"integer"},"username":{"type":"string"},)"
      R"("display_name":{"type":"string"},"role":{"type":"string"},)"
      R"("kind":{"type":"string","enum":["user","apikey"]}}})";
  routes.add("host", me_route);
}

}  // namespace hisx::host
