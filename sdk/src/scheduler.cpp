#include "hisx/scheduler.h"

namespace hisx::sdk {

JobInterrupted::JobInterrupted(const std::string& job)
    : std::runtime_error("job " + job + ": interrupted because the host is stopping") {}

// Out of line, like every SDK exception: it anchors type_info in libhisx_sdk so that the
// host's catch sees what a plugin throws.
JobInterrupted::~JobInterrupted() = default;

}  // namespace hisx::sdk
