// hisxd: the hisx host process.
#include "app/server_app.h"

int main(int argc, char** argv) {
  hisx::host::ServerApp app;
  return app.run(argc, argv);
}
