#include "notify/notify_migrations.h"

namespace hisx::host {

namespace {

// Times are UTC text with milliseconds (utc_text()), so they compare in time order.
// dedupe_key is UNIQUE but nullable: any number of messages without a key.
constexpr const char* kCreate = R"(CREATE TABLE hisx_host_notifications (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  channel VARCHAR(64) NOT NULL,
  recipient VARCHAR(320) NOT NULL,
  subject TEXT NOT NULL,
  text TEXT NOT NULL,
  data TEXT,
  dedupe_key VARCHAR(200) UNIQUE,
  state VARCHAR(16) NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL,
  next_attempt_at VARCHAR(32) NOT NULL,
  last_error TEXT,
  created_at VARCHAR(32) NOT NULL,
  sent_at VARCHAR(32),
  claimed_by VARCHAR(100),
  claim_until VARCHAR(32)
);
CREATE INDEX hisx_host_notifications_due ON hisx_host_notifications (state, next_attempt_at);
CREATE INDEX hisx_host_notifications_created ON hisx_host_notifications (created_at);
)";

// Attachments, base64 text so that every backend stores them in a plain TEXT column.
constexpr const char* kAttachments = R"(CREATE TABLE hisx_host_notification_files (
  message_id VARCHAR(36) NOT NULL,
  position INTEGER NOT NULL,
  filename VARCHAR(255) NOT NULL,
  content_type VARCHAR(100) NOT NULL,
  content_base64 TEXT NOT NULL,
  PRIMARY KEY (message_id, position)
);
)";

}  // namespace

std::vector<sdk::Migration> notify_migrations() {
  return {{1, "create notifications", kCreate, {}, {}},
          {2, "create notification files", kAttachments, {}, {}}};
}

}  // namespace hisx::host
