#include "jobs/job_listing.h"

#include <Poco/JSON/Array.h>

#include "hisx/problem.h"
#include "hisx/roles.h"
#include "jobs/utc_time.h"

namespace hisx::host {

namespace {

Poco::Dynamic::Var text_or_null(const std::string& text) {
  return text.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(text);
}

Poco::JSON::Object::Ptr run_json(const RunRecord& run, const sdk::TimeZone& zone) {
  Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
  item->set("scheduled_for", run.scheduled_for);
  item->set("scheduled_for_local", zone.format(sdk::to_instant(parse_utc_text(run.scheduled_for))));
  item->set("state", run.state);
  item->set("owner", run.owner);
  item->set("attempts", run.attempts);
  item->set("started_at", run.started_at);
  item->set("finished_at", text_or_null(run.finished_at));
  if (run.finished_at.empty()) {
    item->set("duration_ms", Poco::Dynamic::Var());
  } else {
    const auto duration = parse_utc_text(run.finished_at) - parse_utc_text(run.started_at);
    item->set("duration_ms",
              static_cast<Poco::Int64>(
                  std::chrono::duration_cast<std::chrono::milliseconds>(duration).count()));
  }
  item->set("lease_until", run.lease_until);
  item->set("error", text_or_null(run.error));
  return item;
}

int limit_of(const sdk::Request& req) {
  const auto text = req.query("limit");
  if (!text) return 20;
  std::size_t used = 0;
  int value = 0;
  try {
    value = std::stoi(*text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text->size() || value < 1 || value > 200) {
    throw sdk::Problem::invalid(
        "limit",
        "'limit' must be a whole number from 1 to 200 / 'limit' phải là số nguyên từ 1 đến 200");
  }
  return value;
}

}  // namespace

Poco::JSON::Object::Ptr job_listing(JobScheduler& jobs, const std::optional<std::string>& job,
                                    int limit) {
  if (job && !jobs.has_job(*job)) {
    throw sdk::Problem::not_found("No job named '" + *job + "' is registered on this host" +
                                  " / Không có tác vụ '" + *job + "' trên máy chủ này");
  }
  const auto& zone = jobs.zone();
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& info : jobs.jobs()) {
    if (job && info.name != *job) continue;
    Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
    item->set("name", info.name);
    item->set("kind", info.kind);
    item->set("schedule", text_or_null(info.schedule));
    item->set("lease_seconds", static_cast<Poco::Int64>(info.lease.count()));
    item->set("next_run", info.next_run ? Poco::Dynamic::Var(utc_seconds_text(*info.next_run))
                                        : Poco::Dynamic::Var());
    item->set("next_run_local",
              info.next_run ? Poco::Dynamic::Var(zone.format(sdk::to_instant(*info.next_run)))
                            : Poco::Dynamic::Var());
    Poco::JSON::Array::Ptr runs = new Poco::JSON::Array;
    for (const auto& run : jobs.runs().recent(info.name, limit)) runs->add(run_json(run, zone));
    item->set("runs", runs);
    list->add(item);
  }
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("host", jobs.host_id());
  body->set("timezone", zone.name());
  body->set("now", utc_seconds_text(jobs.now()));
  body->set("jobs", list);
  return body;
}

void add_jobs_routes(sdk::Router& router, JobScheduler& jobs) {
  sdk::Route route{"GET",
                   "/api/v1/host/jobs",
                   {std::string(sdk::roles::kAdmin), std::string(sdk::roles::kManager)},
                   [&jobs](sdk::Request& req, sdk::Response& res) {
                     res.json(job_listing(jobs, req.query("job"), limit_of(req)));
                   },
                   "Registered jobs: schedule, next run (UTC and local), last runs newest first"};
  route.response_schema = R"({"type": "object", "required": ["host", "timezone", "now", "jobs"],
    "properties": {"host": {"type": "string"}, "timezone": {"type": "string"},
      "now": {"type": "string", "format": "date-time"},
      "jobs": {"type": "array", "items": {"type": "object", "properties": {
        "name": {"type": "string"}, "kind": {"type": "string", "enum": ["every", "once"]},
        "schedule": {"type": "string", "nullable": true},
        "lease_seconds": {"type": "integer"},
        "next_run": {"type": "string", "format": "date-time", "nullable": true},
        "next_run_local": {"type": "string", "nullable": true},
        "runs": {"type": "array", "items": {"type": "object", "properties": {
          "scheduled_for": {"type": "string"}, "scheduled_for_local": {"type": "string"},
          "state": {"type": "string", "enum": ["running", "succeeded", "failed"]},
          "owner": {"type": "string"}, "attempts": {"type": "integer"},
          "started_at": {"type": "string"},
          "finished_at": {"type": "string", "nullable": true},
          "duration_ms": {"type": "integer", "nullable": true},
          "lease_until": {"type": "string"},
          "error": {"type": "string", "nullable": true}}}}}}}}})";
  route.query_params = {
      {"job", "string", false, "Only this job"},
      {"limit", "integer", false, "Runs per job, 1-200 (default 20)"},
  };
  router.add(std::move(route));
}

}  // namespace hisx::host
