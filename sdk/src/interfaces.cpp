// Out-of-line virtual destructors: they anchor each interface's vtable and type_info in
// libhisx_sdk, so that RTTI and `catch` agree between the host and every plugin.
#include "hisx/context.h"
#include "hisx/database.h"
#include "hisx/his_profile.h"
#include "hisx/http.h"
#include "hisx/idempotency.h"
#include "hisx/patient_access.h"
#include "hisx/plugin.h"
#include "hisx/rate_limits.h"

namespace hisx::sdk {

Request::~Request() = default;
Response::~Response() = default;
Router::~Router() = default;
Database::~Database() = default;
HisProfile::~HisProfile() = default;
Context::~Context() = default;
Plugin::~Plugin() = default;
EventBus::~EventBus() = default;
Scheduler::~Scheduler() = default;
Notifier::~Notifier() = default;
Counter::~Counter() = default;
Gauge::~Gauge() = default;
Histogram::~Histogram() = default;
Metrics::~Metrics() = default;
Service::~Service() = default;
Idempotency::~Idempotency() = default;
Services::~Services() = default;
PatientAccess::~PatientAccess() = default;
RateLimits::~RateLimits() = default;

std::vector<Migration> Plugin::migrations() const { return {}; }
void Plugin::stop() {}

}  // namespace hisx::sdk
