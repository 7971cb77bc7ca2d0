#include "notify/notify_config.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "config/config.h"
#include "config/config_reader.h"
#include "notify/body_template.h"

namespace hisx::host {

namespace {

bool valid_channel_name(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

// A duration in seconds that may have a fraction ("30", "0.2"), as milliseconds.
std::chrono::milliseconds seconds_key(const ConfigReader& r, const std::string& key,
                                      double fallback, double min, double max) {
  const std::string text = r.str(key, "");
  if (text.empty()) return std::chrono::milliseconds(std::llround(fallback * 1000));
  double value = 0;
  std::size_t used = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size() || !std::isfinite(value) || value < min || value > max) {
    std::ostringstream range;
    range << "expected a number of seconds from " << min << " to " << max << " (e.g. 30 or 0.5)"
          << ", found '" << text << "'";
    r.fail(key, range.str());
  }
  return std::chrono::milliseconds(std::llround(value * 1000));
}

// A secret named by `<prefix>_env` or `<prefix>_file`, never written in the YAML itself.
std::string read_secret(const ConfigReader& r, const std::string& key, const std::string& prefix,
                        bool required) {
  if (r.has(key + "." + prefix)) {
    r.fail(key + "." + prefix,
           "secrets never go in the configuration file; name an environment "
           "variable with " +
               prefix + "_env or a file with " + prefix + "_file");
  }
  const std::string env = r.str(key + "." + prefix + "_env", "");
  const std::string file = r.str(key + "." + prefix + "_file", "");
  if (!env.empty() && !file.empty()) {
    r.fail(key, "give either " + prefix + "_env or " + prefix + "_file, not both");
  }
  std::string value;
  if (!env.empty()) {
    const char* v = std::getenv(env.c_str());
    if (v == nullptr) {
      r.fail(key + "." + prefix + "_env",
             "the environment variable " + env + " is not set; export it before starting hisx");
    }
    value = v;
    if (value.empty())
      r.fail(key + "." + prefix + "_env", "the environment variable " + env + " is empty");
  } else if (!file.empty()) {
    const auto path = r.resolve(key + "." + prefix + "_file", file);
    std::ifstream in(path);
    if (!in) r.fail(key + "." + prefix + "_file", "cannot read " + path.string());
    std::getline(in, value);
    while (!value.empty() && (value.back() == '\r' || value.back() == ' ')) value.pop_back();
    if (value.empty())
      r.fail(key + "." + prefix + "_file", "the first line of " + path.string() + " is empty");
  } else if (required) {
    r.fail(key + "." + prefix + "_env", "missing; name the environment variable holding the " +
                                            prefix + " (" + prefix + "_env), or a file (" + prefix +
                                            "_file)");
  }
  return value;
}

std::string ca_file(const ConfigReader& r, const std::string& key) {
  const auto path = r.path(key + ".ca_file", "");
  if (!path.empty() && !std::filesystem::exists(path)) {
    r.fail(key + ".ca_file", "the file " + path.string() + " does not exist");
  }
  return path.string();
}

void check_template(const ConfigReader& r, const std::string& key, const std::string& text) {
  try {
    BodyTemplate body(text);
    Poco::JSON::Object::Ptr data = new Poco::JSON::Object;
    TemplateValues sample{
        "3f2a5c1e-0000-4000-8000-000000000000", "sms", "+84 912 345 678", "Nhắc lịch \"khám\"",
        "Dòng 1\\ \"trích\"\nDòng 2\ttab",      data};
    const std::string rendered = body.render(sample);
    Poco::JSON::Parser parser;
    parser.parse(rendered);
  } catch (const std::invalid_argument& e) {
    r.fail(key, e.what());
  } catch (const Poco::Exception& e) {
    r.fail(key,
           "not valid JSON once the placeholders are filled in with sample values (" + e.message() +
               "); put each placeholder inside a JSON string, e.g. {\"message\": \"{{text}}\"}");
  }
}

WebhookConfig read_webhook(const ConfigReader& r, const std::string& key) {
  r.only_keys(key, {"driver", "url", "secret_env", "secret_file", "secret", "template",
                    "timeout_ms", "ca_file"});
  WebhookConfig c;
  c.url = r.required_str(key + ".url", "the http:// or https:// address to POST messages to");
  try {
    Poco::URI uri(c.url);
    if (uri.getScheme() != "http" && uri.getScheme() != "https") {
      r.fail(key + ".url", "expected an http:// or https:// URL, found '" + c.url + "'");
    }
    if (uri.getHost().empty()) r.fail(key + ".url", "the URL '" + c.url + "' has no host");
    if (!uri.getUserInfo().empty()) {
      r.fail(key + ".url",
             "a user name or password in the URL would sit in the configuration "
             "file; the body is signed with the channel's secret instead");
    }
  } catch (const Poco::SyntaxException& e) {
    r.fail(key + ".url", "not a valid URL: " + e.message());
  }
  c.secret = read_secret(r, key, "secret", true);
  c.body = r.str(key + ".template", BodyTemplate::kDefault);
  check_template(r, key + ".template", c.body);
  c.timeout = std::chrono::milliseconds(r.integer(key + ".timeout_ms", 10000, 100, 600000));
  c.ca_file = ca_file(r, key);
  return c;
}

SmtpConfig read_smtp(const ConfigReader& r, const std::string& key) {
  r.only_keys(key, {"driver", "host", "port", "from", "username", "password_env", "password_file",
                    "password", "starttls", "timeout_ms", "ca_file"});
  SmtpConfig c;
  c.host = r.required_str(key + ".host", "the SMTP relay's host name or address");
  c.port = static_cast<int>(r.integer(key + ".port", 25, 1, 65535));
  c.from = r.required_str(key + ".from", "the sender address, e.g. \"hisx@benhvien.vn\"");
  if (c.from.find('@') == std::string::npos) {
    r.fail(key + ".from", "expected an e-mail address, found '" + c.from + "'");
  }
  c.username = r.str(key + ".username", "");
  c.password = read_secret(r, key, "password", false);
  if (!c.username.empty() && c.password.empty()) {
    r.fail(key + ".password_env",
           "missing; a username needs a password (password_env or "
           "password_file)");
  }
  if (c.username.empty() && !c.password.empty()) {
    r.fail(key + ".username", "missing; a password is given, so give the username too");
  }
  c.starttls = r.boolean(key + ".starttls", false);
  c.timeout = std::chrono::milliseconds(r.integer(key + ".timeout_ms", 30000, 100, 600000));
  c.ca_file = ca_file(r, key);
  return c;
}

}  // namespace

NotifyConfig read_notify_config(const ConfigReader& r) {
  NotifyConfig config;
  r.only_keys("notify", {"channels", "max_attempts", "retry_base_seconds", "retry_max_seconds",
                         "poll_interval_ms", "lease_seconds"});
  const YAML::Node channels = r.node("notify.channels");
  if (channels.IsDefined() && !channels.IsNull()) {
    if (!channels.IsMap()) {
      r.fail("notify.channels", "expected a map of channel name to driver settings");
    }
    for (const auto& item : channels) {
      const std::string name = item.first.as<std::string>();
      const std::string key = "notify.channels." + name;
      if (!valid_channel_name(name)) {
        r.fail(key, "a channel name is 1 to 64 of a-z, 0-9 and _");
      }
      if (!item.second.IsMap()) {
        r.fail(key, "expected the channel's settings, e.g. {driver: log}");
      }
      ChannelConfig channel;
      channel.name = name;
      const std::string driver = r.required_str(key + ".driver", "one of webhook, smtp, log");
      if (driver == "webhook") {
        channel.driver = DriverKind::kWebhook;
        channel.webhook = read_webhook(r, key);
      } else if (driver == "smtp") {
        channel.driver = DriverKind::kSmtp;
        channel.smtp = read_smtp(r, key);
      } else if (driver == "log") {
        channel.driver = DriverKind::kLog;
        r.only_keys(key, {"driver"});
      } else {
        r.fail(key + ".driver", "unknown driver '" + driver + "'; expected webhook, smtp or log");
      }
      config.channels[name] = std::move(channel);
    }
  }
  config.max_attempts = static_cast<int>(r.integer("notify.max_attempts", 8, 1, 100));
  config.retry_base = seconds_key(r, "notify.retry_base_seconds", 30, 0.001, 86400);
  config.retry_max = seconds_key(r, "notify.retry_max_seconds", 3600, 0.001, 7 * 86400);
  if (config.retry_max < config.retry_base) {
    r.fail("notify.retry_max_seconds", "must not be less than notify.retry_base_seconds");
  }
  config.poll_interval =
      std::chrono::milliseconds(r.integer("notify.poll_interval_ms", 1000, 10, 600000));
  config.lease = std::chrono::seconds(r.integer("notify.lease_seconds", 300, 1, 86400));
  for (const auto& [name, channel] : config.channels) {
    const auto timeout = channel.driver == DriverKind::kWebhook ? channel.webhook.timeout
                         : channel.driver == DriverKind::kSmtp  ? channel.smtp.timeout
                                                                : std::chrono::milliseconds(0);
    if (config.lease < 2 * timeout) {
      r.fail("notify.lease_seconds",
             "must be at least twice the longest timeout_ms of a channel (notify.channels." + name +
                 ".timeout_ms is " + std::to_string(timeout.count()) +
                 "), so that no other host takes over a message while it is being sent");
    }
  }
  return config;
}

}  // namespace hisx::host
