#pragma once

#include <string>
#include <vector>

namespace hisx::host {

/// The hisx admin CLI: `hisx [--config FILE] [-D key=value]… COMMAND …`. Returns the exit code.
int run_cli(const std::vector<std::string>& args);

}  // namespace hisx::host
