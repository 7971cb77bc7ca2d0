#pragma once

#include <string>
#include <vector>

namespace hisx::host::demo {

/// The demo HIS tables, parents before children (creation and insertion order).
const std::vector<std::string>& demo_tables();

}  // namespace hisx::host::demo
