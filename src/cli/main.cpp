#include "cli/app.h"

int main(int argc, char** argv) { return parley::cli::Run(argc, argv); }
