#pragma once

#include <Poco/JSON/Object.h>

#include "environment.h"
#include "payments/charge_rules.h"
#include "payments/payment_store.h"
#include "payments/shift_store.h"

namespace hisx::fast_lane {

/// A payment as the API answers it, with its charges and lines.
Poco::JSON::Object::Ptr payment_json(const Environment& env, const Payment& p);
/// A reversal as the API answers it.
Poco::JSON::Object::Ptr reversal_json(const Reversal& r);
/// A charge of the HIS as the API answers it.
Poco::JSON::Object::Ptr charge_json(const Charge& c);

}  // namespace hisx::fast_lane
