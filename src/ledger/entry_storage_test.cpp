#include "ledger/entry_storage.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace parley::ledger {
namespace {

namespace fs = std::filesystem;

fs::path TempDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() /
                 ("parley_storage_test_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

TEST(FileEntryStorage, AppendReadReopen) {
  const fs::path dir = TempDir("basic");
  {
    auto s = FileEntryStorage::Open(dir, {.sync = false});
    ASSERT_TRUE(s.has_value()) << s.error().Describe();
    const std::vector<std::string> batch = {"a", std::string("b\0c", 3), ""};
    ASSERT_TRUE((*s)->Append(batch).has_value());
    ASSERT_TRUE((*s)->Append(std::vector<std::string>{"dd"}).has_value());
    ASSERT_TRUE((*s)->SaveCheckpoint("note\n").has_value());
  }
  auto s = FileEntryStorage::Open(dir, {.sync = false});
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ((*s)->Size(), 4u);
  EXPECT_EQ(*(*s)->Read(1, 3), (std::vector<std::string>{std::string("b\0c", 3), "", "dd"}));
  EXPECT_EQ(**(*s)->LoadCheckpoint(), "note\n");
  EXPECT_FALSE((*s)->Read(3, 2).has_value());
  EXPECT_EQ((*s)->RecoveredBytes(), 0u);
  fs::remove_all(dir);
}

TEST(FileEntryStorage, TornLastRecordIsTruncatedOnOpen) {
  const fs::path dir = TempDir("torn");
  {
    auto s = FileEntryStorage::Open(dir, {.sync = false});
    ASSERT_TRUE((*s)->Append(std::vector<std::string>{"one", "two"}).has_value());
  }
  {
    // A crash in the middle of a record: its length prefix promises more than was written.
    std::ofstream out(dir / "entries.log", std::ios::binary | std::ios::app);
    out.write("\x00\x00\x00\x10par", 7);
  }
  auto s = FileEntryStorage::Open(dir, {.sync = false});
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ((*s)->Size(), 2u);
  EXPECT_EQ((*s)->RecoveredBytes(), 7u);
  ASSERT_TRUE((*s)->Append(std::vector<std::string>{"three"}).has_value());
  EXPECT_EQ((*(*s)->Read(2, 1))[0], "three");
  EXPECT_EQ(fs::file_size(dir / "entries.log"), 3 * 4 + 3 + 3 + 5u);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace parley::ledger
