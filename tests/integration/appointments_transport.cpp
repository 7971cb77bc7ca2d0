// The appointments tests of this binary run against a spawned hisxd over real sockets.
#include "appointments_fixture.h"

namespace hisx::test::integration {
const bool kAppointmentsInProcess = false;
}
