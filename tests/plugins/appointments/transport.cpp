// The appointments tests of this binary run in process, on the hisx::testing harness.
#include "appointments_fixture.h"

namespace hisx::test::integration {
const bool kAppointmentsInProcess = true;
}
