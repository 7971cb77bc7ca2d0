#pragma once

#include <string>

#include "hisx/problem.h"
#include "http/host_response.h"

namespace hisx::host {

/// The content type of every error answer (RFC 9457).
inline constexpr const char* kProblemContentType = "application/problem+json";

/// `urn:hisx:problem:<type>`: the stable identifier clients branch on.
std::string problem_type_uri(const std::string& type);

/// The problem document: {"type","title","status","detail","field" (only when set),
/// "request_id"}, with the HTTP reason phrase as title, then the problem's extra members.
std::string problem_json(const sdk::Problem& problem, const std::string& request_id);

/// Replaces whatever `response` holds with the problem document and its status (and, for a
/// 401, `WWW-Authenticate: Bearer`; for a 503 "busy", `Retry-After: 1`; for a 429 with the
/// member "retry_after", `Retry-After` with its seconds).
void set_problem(HostResponse& response, const sdk::Problem& problem,
                 const std::string& request_id);

/// The 500 answered for an unexpected exception. Its detail points at the server log and
/// never carries the exception's text, which may hold SQL or patient data.
sdk::Problem internal_problem(const std::string& request_id);

}  // namespace hisx::host
