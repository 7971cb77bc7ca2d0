#pragma once

#include <Poco/Util/ServerApplication.h>

#include <string>
#include <vector>

namespace hisx::host {

/// hisxd: `hisxd [--config FILE] [-D key=value]…`. Starts everything in order, refuses with a
/// clear message (exit 78 for configuration, 70 for plugins, profile and migrations) when a
/// step fails, serves until SIGTERM/SIGINT, then stops the HTTP server and the plugins.
class ServerApp : public Poco::Util::ServerApplication {
 protected:
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int main(const std::vector<std::string>& args) override;

 private:
  int serve();
  std::string config_file_;
  std::vector<std::string> defines_;
  bool help_ = false;
};

}  // namespace hisx::host
