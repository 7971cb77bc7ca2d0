#include "notify/log_driver.h"

#include <Poco/Logger.h>

namespace hisx::host {

namespace {

// One message, one log line.
std::string one_line(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

Delivery LogDriver::deliver(const OutgoingMessage& message) {
  auto& log = Poco::Logger::get("hisx.notify");
  std::string line = "[" + message.channel + "] to " + message.to;
  if (!message.subject.empty()) line += " subject \"" + one_line(message.subject) + "\"";
  line += ": " + one_line(message.text) + " (id " + message.id + ")";
  for (const auto& file : message.attachments) {
    line += " [attached " + one_line(file.filename) + ", " + std::to_string(file.content.size()) +
            " bytes]";
  }
  log.information(line);
  return Delivery::sent();
}

}  // namespace hisx::host
