// fuzz/fuzz_support.h — what the harnesses of fuzz/ share: a property check that stops the
// fuzzer with a message, and a scratch file for the parsers whose entry point takes a path.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace parley::fuzz {

// A property every input must keep. Breaking it is a bug like a crash: say which one, then
// abort, so libFuzzer saves the input as a reproducer.
inline void Require(bool holds, std::string_view property) {
  if (holds) return;
  std::fprintf(stderr, "fuzz property broken: %.*s\n", static_cast<int>(property.size()),
               property.data());
  std::abort();
}

// The list reader and the XLSX reader take a path (the CLI and the server both hand them a
// file), so each input is written to one scratch file per process, named by `extension`.
// Written with plain ofstream: a fuzz run's scratch file needs neither fsync nor rename.
inline const std::filesystem::path& WriteScratchFile(std::string_view bytes,
                                                     std::string_view extension) {
  static const std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("parley_fuzz_" + std::to_string(::getpid()) + std::string(extension));
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  Require(out.good(), "the scratch file was written");
  return path;
}

}  // namespace parley::fuzz
