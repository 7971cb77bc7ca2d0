#pragma once

namespace hisx::test {

/// A TCP port on 127.0.0.1 that was free a moment ago: the kernel picks it for a socket bound
/// to port 0, and the socket is closed before returning. Another process may take it in
/// between, so a server started on it must still report a bind failure clearly.
/// Throws std::runtime_error when no socket can be bound.
int free_port();

}  // namespace hisx::test
