#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>

namespace hisx::host {

class ConfigReader;

/// Which driver a channel sends through.
enum class DriverKind { kWebhook, kSmtp, kLog };

/// `notify.channels.<name>` with `driver: webhook`: an HTTP(S) POST of a JSON body.
struct WebhookConfig {
  std::string url;      ///< http:// or https:// URL the body is POSTed to.
  std::string secret;   ///< HMAC-SHA256 signing key, from secret_env or secret_file.
  std::string body;     ///< The JSON body template with {{…}} placeholders.
  std::string ca_file;  ///< Extra CA certificates (PEM) to trust for https; empty: system's.
  std::chrono::milliseconds timeout{10000};  ///< Connect, send and receive time-out.
};

/// `notify.channels.<name>` with `driver: smtp`: an e-mail through an SMTP relay.
struct SmtpConfig {
  std::string host;       ///< The relay's host name or address.
  int port = 25;          ///< The relay's port.
  std::string from;       ///< Sender address ("hisx@benhvien.vn" or "Name <addr>").
  std::string username;   ///< AUTH LOGIN user; empty: no authentication.
  std::string password;   ///< From password_env or password_file; never from the YAML.
  bool starttls = false;  ///< Switch to TLS with STARTTLS before authenticating.
  std::string ca_file;    ///< Extra CA certificates (PEM) for STARTTLS; empty: system's.
  std::chrono::milliseconds timeout{30000};  ///< Connection and reply time-out.
};

/// One configured channel.
struct ChannelConfig {
  std::string name;  ///< The channel name messages use ("sms", "email", …).
  DriverKind driver = DriverKind::kLog;
  WebhookConfig webhook;  ///< When driver is kWebhook.
  SmtpConfig smtp;        ///< When driver is kSmtp.
};

/// The validated `notify` section.
struct NotifyConfig {
  std::map<std::string, ChannelConfig> channels;  ///< By channel name.
  int max_attempts = 8;                           ///< Attempts before a message fails for good.
  /// First retry delay; attempt n waits retry_base * 2^(n-1), at most retry_max.
  std::chrono::milliseconds retry_base{30000};
  std::chrono::milliseconds retry_max{3600000};   ///< Cap of the retry delay.
  std::chrono::milliseconds poll_interval{1000};  ///< How often the sender looks for due work.
  /// How long a host owns a message it is sending; another host takes it over afterwards.
  std::chrono::seconds lease{300};
};

/// Reads and checks `notify` (see docs/notifications.md). Throws ConfigError naming
/// `notify.channels.<name>.<key>` for an unknown driver or key, a missing url, host or
/// secret, a template that is not JSON once filled in, an unset secret variable, …
NotifyConfig read_notify_config(const ConfigReader& reader);

}  // namespace hisx::host
