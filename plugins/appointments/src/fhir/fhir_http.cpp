#include "fhir/fhir_http.h"

#include <Poco/URI.h>

#include <algorithm>
#include <exception>
#include <sstream>

#include "fhir/fhir_outcome.h"
#include "hisx/problem.h"

namespace hisx::appointments {

namespace {

// A header value fit to stand in a URL's authority: visible ASCII without '/', '\' or '@'.
bool plain_host(const std::string& host) {
  if (host.empty() || host.size() > 255) return false;
  for (char c : host) {
    if (c <= 0x20 || c >= 0x7F || c == '/' || c == '\\' || c == '@' || c == '?' || c == '#') {
      return false;
    }
  }
  return true;
}

std::string first_of_list(const std::string& value) {
  const auto comma = value.find(',');
  std::string first = value.substr(0, comma);
  const auto b = first.find_first_not_of(' ');
  const auto e = first.find_last_not_of(' ');
  return b == std::string::npos ? std::string() : first.substr(b, e - b + 1);
}

}  // namespace

std::string fhir_base_url(const sdk::Request& req) {
  std::string scheme = "http";
  if (auto proto = req.header("X-Forwarded-Proto")) {
    const std::string p = first_of_list(*proto);
    if (p == "https" || p == "http") scheme = p;
  }
  std::string host;
  if (auto forwarded = req.header("X-Forwarded-Host")) host = first_of_list(*forwarded);
  if (!plain_host(host)) host = req.header("Host").value_or("");
  if (!plain_host(host)) host = "localhost";
  return scheme + "://" + host + kFhirPath;
}

std::string search_url(const std::string& base, const SearchParams& params) {
  std::string url = base;
  char separator = '?';
  for (const auto& [name, value] : params) {
    std::string encoded;
    Poco::URI::encode(value, "!#$&'()*+,/:;=?@[]", encoded);
    url += separator + name + "=" + encoded;
    separator = '&';
  }
  return url;
}

Paging read_paging(const sdk::Request& req, SearchParams& used) {
  Paging paging;
  if (auto text = req.query("_count")) {
    paging.count = parse_count_param(*text, Paging::kMaxCount);
    used.emplace_back("_count", std::to_string(paging.count));
  }
  if (auto text = req.query("_page")) {
    paging.page = parse_page_param(*text);
    used.emplace_back("_page", std::to_string(paging.page));
  }
  return paging;
}

std::vector<std::pair<std::string, std::string>> search_links(const std::string& base,
                                                              const SearchParams& used,
                                                              const Paging& paging,
                                                              long long total) {
  std::vector<std::pair<std::string, std::string>> links{{"self", search_url(base, used)}};
  const long long last = paging.last_page(total);
  if (last <= 1 && paging.page <= 1) return links;
  SearchParams others;
  for (const auto& p : used) {
    if (p.first != "_count" && p.first != "_page") others.push_back(p);
  }
  const auto page_url = [&](long long page) {
    SearchParams params = others;
    params.emplace_back("_count", std::to_string(paging.count));
    params.emplace_back("_page", std::to_string(page));
    return search_url(base, params);
  };
  links.emplace_back("first", page_url(1));
  if (paging.page > 1)
    links.emplace_back("previous", page_url(std::min<long long>(paging.page - 1, last)));
  if (paging.page < last) links.emplace_back("next", page_url(paging.page + 1));
  links.emplace_back("last", page_url(last));
  return links;
}

void send_fhir(sdk::Response& res, const Poco::JSON::Object::Ptr& resource, int status) {
  std::ostringstream out;
  resource->stringify(out);
  res.status(status);
  res.body(out.str(), kFhirJson);
}

sdk::Handler answering_fhir(Environment& env, sdk::Handler handler) {
  Environment* e = &env;
  return [e, handler = std::move(handler)](sdk::Request& req, sdk::Response& res) {
    try {
      handler(req, res);
    } catch (const sdk::Problem& p) {
      // Headers set before the refusal (Location, Idempotent-Replayed) must not leak into it;
      // no handler sets one before its last step, so only the status and body are replaced.
      const int status = p.status() >= 400 && p.status() <= 599 ? p.status() : 500;
      send_fhir(res, operation_outcome(status, p.type(), p.detail(), fhir_expression(p.field())),
                status);
    } catch (const std::exception& x) {
      e->context.logger().error("FHIR %s %s failed (request %s): %s", req.method(), req.path(),
                                req.request_id(), std::string(x.what()));
      send_fhir(res,
                operation_outcome(500, "internal",
                                  "Internal error; quote request " + req.request_id() +
                                      " / Lỗi hệ thống; xin báo mã yêu cầu " + req.request_id(),
                                  ""),
                500);
    }
  };
}

}  // namespace hisx::appointments
