#include "web/static_handler.h"

#include <Poco/Net/HTTPServerRequest.h>

namespace hisx::host {

namespace {

std::optional<std::string> header_of(const Poco::Net::HTTPServerRequest& in,
                                     const std::string& name) {
  if (!in.has(name)) return std::nullopt;
  return in.get(name);
}

}  // namespace

StaticFiles static_files_of(const StaticSite& site) {
  return [&site](const Poco::Net::HTTPServerRequest& in, const std::string& raw_path,
                 HostResponse& response) {
    const std::string& uri = in.getURI();
    const std::size_t mark = uri.find('?');
    StaticRequest request;
    request.method = in.getMethod();
    request.raw_path = raw_path;
    if (mark != std::string::npos) request.query = uri.substr(mark + 1, uri.find('#') - mark - 1);
    request.if_none_match = header_of(in, "If-None-Match");
    request.if_modified_since = header_of(in, "If-Modified-Since");
    return site.serve(request, response);
  };
}

}  // namespace hisx::host
