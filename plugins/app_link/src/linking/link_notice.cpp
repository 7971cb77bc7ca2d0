#include "linking/link_notice.h"

namespace hisx::app_link {

void send_link_notice(Environment& env, soci::session& tx, const sdk::HisPatient& patient) {
  if (env.settings.confirmation_channel.empty() || patient.phone.empty()) return;
  sdk::Message m;
  m.channel = env.settings.confirmation_channel;
  m.to = patient.phone;
  m.subject = env.settings.hospital_name;
  m.text = env.settings.hospital_name + ": hồ sơ của " + patient.full_name + " (" + patient.code +
           ") đã được liên kết với tài khoản ứng dụng " + env.settings.app_name +
           ". Nếu không phải bạn, gọi " + env.settings.hotline + ". / " + patient.full_name +
           "'s record is now linked to a " + env.settings.app_name + " account. Not you? Call " +
           env.settings.hotline + ".";
  env.context.notifier().send(tx, m);
}

}  // namespace hisx::app_link
