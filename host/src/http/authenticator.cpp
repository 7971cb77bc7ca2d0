#include "http/authenticator.h"

namespace hisx::host {

// Out of line: anchors the vtable in one object file.
Authenticator::~Authenticator() = default;

}  // namespace hisx::host
