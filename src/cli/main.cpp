#include <sys/stat.h>

#include "cli/app.h"

int main(int argc, char** argv) {
  // Every file and folder parley writes is private (core/file_io.h sets 0600 and 0700
  // explicitly, whatever the umask); this also covers what a library creates on its own, such
  // as SQLite's rollback journal, and what a future writer forgets.
  umask(077);
  return parley::cli::Run(argc, argv);
}
