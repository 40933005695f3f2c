#include "core/temp_folder.h"

#include <stdlib.h>

#include <string>
#include <system_error>
#include <utility>

namespace parley {

Result<TempFolder> TempFolder::Create(std::string_view purpose) {
  std::string pattern =
      std::filesystem::temp_directory_path() / ("parley-" + std::string(purpose) + "-XXXXXX");
  if (::mkdtemp(pattern.data()) == nullptr) {  // mkdtemp makes it 0700
    return Fail(ErrorCode::kIoError, "cannot create a temporary folder for the " +
                                         std::string(purpose) + " in " +
                                         std::filesystem::temp_directory_path().string());
  }
  return TempFolder(pattern);
}

TempFolder::TempFolder(TempFolder&& other) noexcept : path_(std::exchange(other.path_, {})) {}

TempFolder::~TempFolder() {
  std::error_code ignored;  // a folder that cannot be removed is left to the system's cleaner
  if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
}

}  // namespace parley
