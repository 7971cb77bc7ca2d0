#pragma once

#include "http/request_dispatcher.h"
#include "web/static_site.h"

namespace hisx::host {

/// The dispatcher's fallback for unrouted GET and HEAD requests, answered from `site`, which
/// must outlive the server.
StaticFiles static_files_of(const StaticSite& site);

}  // namespace hisx::host
