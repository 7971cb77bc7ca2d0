#pragma once

#include "environment.h"
#include "hisx/his_records.h"

namespace hisx::app_link {

/// Queues the message confirming a new link to the patient's HIS phone, in the transaction
/// `tx`, when `confirmation_channel` is set and the HIS has a phone for the patient.
void send_link_notice(Environment& env, soci::session& tx, const sdk::HisPatient& patient);

}  // namespace hisx::app_link
