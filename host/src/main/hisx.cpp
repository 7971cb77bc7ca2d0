// hisx: the admin command line (migrations, profile check, API keys, demo data).
#include "app/cli.h"

int main(int argc, char** argv) {
  return hisx::host::run_cli(std::vector<std::string>(argv + 1, argv + argc));
}
