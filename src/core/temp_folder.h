// parley/core/temp_folder.h — a private temporary folder, removed with everything in it when
// its owner goes away: for an upload the readers want as a file, or a workbook libxlsxwriter
// insists on writing to a path.
//
//   PARLEY_ASSIGN_OR_RETURN(TempFolder folder, TempFolder::Create("upload"));
//   const std::filesystem::path file = folder.path() / "list.csv";
#pragma once

#include <filesystem>
#include <string_view>

#include "core/error.h"

namespace parley {

class TempFolder {
 public:
  // `purpose` names the folder (parley-PURPOSE-XXXXXX, mode 0700) and the error if it fails.
  [[nodiscard]] static Result<TempFolder> Create(std::string_view purpose);
  TempFolder(TempFolder&& other) noexcept;
  TempFolder& operator=(TempFolder&&) = delete;
  ~TempFolder();
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  explicit TempFolder(std::filesystem::path path) : path_(std::move(path)) {}
  std::filesystem::path path_;
};

}  // namespace parley
