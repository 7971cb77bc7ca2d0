#pragma once

// What the SDK's request-value tests share: a JSON body, the refusal a call throws, and a
// request that answers query parameters and headers from one map.
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "hisx/http.h"
#include "hisx/problem.h"

namespace hisx::sdk::test_support {

inline Poco::JSON::Object::Ptr body(const std::string& json) {
  return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
}

// The refusal `fn` throws.
template <class F>
Problem refusal(F fn) {
  try {
    fn();
  } catch (const Problem& p) {
    return p;
  }
  ADD_FAILURE() << "no refusal";
  return Problem(0, "", "");
}

class QueryRequest : public Request {
 public:
  explicit QueryRequest(std::map<std::string, std::string> query) : query_(std::move(query)) {}
  const std::string& method() const override { return empty_; }
  const std::string& path() const override { return empty_; }
  const std::string& param(const std::string&) const override { return empty_; }
  std::optional<std::string> query(const std::string& name) const override {
    auto it = query_.find(name);
    if (it == query_.end()) return std::nullopt;
    return it->second;
  }
  std::optional<std::string> header(const std::string& name) const override {
    return query(name);  // headers and query share the map in this test
  }
  const std::string& body() const override { return empty_; }
  Poco::JSON::Object::Ptr json() const override { return nullptr; }
  const Principal* principal() const override { return nullptr; }
  const std::string& request_id() const override { return empty_; }
  std::string client_address() const override { return "127.0.0.1"; }
  std::vector<std::string> query_all(const std::string&) const override { return {}; }

 private:
  std::map<std::string, std::string> query_;
  std::string empty_;
};

}  // namespace hisx::sdk::test_support
