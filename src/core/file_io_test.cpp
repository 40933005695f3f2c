#include "core/file_io.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace parley {
namespace {

namespace fs = std::filesystem;

class FileIoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("parley_file_io_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add);
    fs::remove_all(dir_);
  }
  // Every entry of the folder but `keep`: a failed or finished write leaves no temp file.
  std::size_t OtherEntries(const fs::path& keep) const {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir_)) n += e.path() != keep;
    return n;
  }
  static mode_t ModeOf(const fs::path& p) {
    struct stat st {};
    EXPECT_EQ(::stat(p.c_str(), &st), 0);
    return st.st_mode & 07777;
  }
  fs::path dir_;
};

TEST_F(FileIoTest, RoundTripsBytesExactly) {
  const fs::path file = dir_ / "data.bin";
  const std::string bytes("a\0b\r\n\xff", 6);
  ASSERT_TRUE(WriteFileAtomically(file, bytes).has_value());
  auto back = ReadWholeFile(file);
  ASSERT_TRUE(back.has_value()) << back.error().Describe();
  EXPECT_EQ(*back, bytes);
  EXPECT_EQ(OtherEntries(file), 0u);
}

TEST_F(FileIoTest, ReplacesAnExistingFile) {
  const fs::path file = dir_ / "plan.json";
  ASSERT_TRUE(WriteFileAtomically(file, "old").has_value());
  ASSERT_TRUE(WriteFileAtomically(file, "new").has_value());
  EXPECT_EQ(*ReadWholeFile(file), "new");
}

TEST_F(FileIoTest, ModeIsExactRegardlessOfUmask) {
  const mode_t old_umask = ::umask(0);
  const fs::path key = dir_ / "node.key";
  auto r = WriteFileAtomically(key, "secret", {.mode = 0600});
  ::umask(old_umask);
  ASSERT_TRUE(r.has_value()) << r.error().Describe();
  EXPECT_EQ(ModeOf(key), 0600u);
  ASSERT_TRUE(WriteFileAtomically(dir_ / "node.pub", "public", {.mode = 0644}).has_value());
  EXPECT_EQ(ModeOf(dir_ / "node.pub"), 0644u);
}

TEST_F(FileIoTest, EveryWriterIsPrivateByDefaultUnderAnOpenUmask) {
  const mode_t old_umask = ::umask(0);
  auto atomic = WriteFileAtomically(dir_ / "export.csv", "a,b\n");
  auto streamed = WriteThroughStream(dir_ / "rejects.csv", [](std::ostream& out) { out << "x"; });
  auto via_temp = WriteViaTempFile(dir_ / "list.xlsx", [](const fs::path& temp) -> Result<void> {
    std::ofstream(temp) << "PK";
    return {};
  });
  auto staged = StagedFile::Open(dir_ / "people.csv");
  Result<void> committed =
      staged ? staged->Commit() : Result<void>(std::unexpected(staged.error()));
  ::umask(old_umask);
  ASSERT_TRUE(atomic && streamed && via_temp && committed);
  for (const char* name : {"export.csv", "rejects.csv", "list.xlsx", "people.csv"}) {
    EXPECT_EQ(ModeOf(dir_ / name), 0600u) << name;
  }
}

TEST_F(FileIoTest, CreatesMissingFoldersOwnerOnlyAndLeavesExistingOnesAlone) {
  fs::permissions(dir_, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
  const mode_t old_umask = ::umask(0);
  auto r = CreatePrivateFolders(dir_ / "ws" / "keys");
  auto again = CreatePrivateFolders(dir_ / "ws" / "keys");
  ::umask(old_umask);
  ASSERT_TRUE(r.has_value()) << r.error().Describe();
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(ModeOf(dir_ / "ws"), 0700u);
  EXPECT_EQ(ModeOf(dir_ / "ws" / "keys"), 0700u);
  EXPECT_EQ(ModeOf(dir_), 0750u);  // the caller's folder keeps the mode its owner gave it
}

TEST_F(FileIoTest, AFolderThatCannotBeCreatedNamesItself) {
  std::ofstream(dir_ / "file") << "x";
  auto r = CreatePrivateFolders(dir_ / "file" / "sub");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kIoError);
  // The file in the way is named, and what to do about it.
  EXPECT_NE(r.error().message.find("/file': a file of that name is in the way; choose another"),
            std::string::npos)
      << r.error().message;
}

TEST_F(FileIoTest, CreatesAMissingFilePrivateAndLeavesAnExistingOne) {
  const mode_t old_umask = ::umask(0);
  auto r = CreatePrivateFileIfMissing(dir_ / "parley.db");
  ::umask(old_umask);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(ModeOf(dir_ / "parley.db"), 0600u);
  EXPECT_EQ(fs::file_size(dir_ / "parley.db"), 0u);
  WriteFileAtomically(dir_ / "kept", "data", {.mode = 0640}).value();
  ASSERT_TRUE(CreatePrivateFileIfMissing(dir_ / "kept").has_value());
  EXPECT_EQ(ModeOf(dir_ / "kept"), 0640u);
  EXPECT_EQ(*ReadWholeFile(dir_ / "kept"), "data");
}

TEST_F(FileIoTest, TempFileForALibraryIsPrivateUntilCommitted) {
  const fs::path file = dir_ / "list.xlsx";
  mode_t seen = 0;
  auto r = WriteViaTempFile(file,
                            [&](const fs::path& temp) -> Result<void> {
                              EXPECT_EQ(temp.parent_path(), dir_);
                              seen = ModeOf(temp);
                              std::ofstream(temp, std::ios::binary) << "xlsx bytes";
                              return {};
                            },
                            {.mode = 0600});
  ASSERT_TRUE(r.has_value()) << r.error().Describe();
  EXPECT_EQ(seen, 0600u);
  EXPECT_EQ(*ReadWholeFile(file), "xlsx bytes");
  EXPECT_EQ(OtherEntries(file), 0u);
}

TEST_F(FileIoTest, StreamsThroughATempFile) {
  const fs::path file = dir_ / "out.csv";
  ASSERT_TRUE(WriteThroughStream(file, [](std::ostream& out) { out << "a,b\n1,2\n"; }));
  EXPECT_EQ(*ReadWholeFile(file), "a,b\n1,2\n");
  EXPECT_EQ(OtherEntries(file), 0u);
}

TEST_F(FileIoTest, StagedFileAppearsOnlyWhenCommitted) {
  const fs::path file = dir_ / "people.csv";
  {
    auto staged = StagedFile::Open(file);
    ASSERT_TRUE(staged.has_value());
    staged->stream() << "abandoned";
  }
  EXPECT_FALSE(fs::exists(file));
  EXPECT_EQ(OtherEntries(file), 0u);
  auto staged = StagedFile::Open(file);
  ASSERT_TRUE(staged.has_value());
  staged->stream() << "kept";
  EXPECT_FALSE(fs::exists(file));
  ASSERT_TRUE(staged->Commit().has_value());
  EXPECT_EQ(*ReadWholeFile(file), "kept");
  EXPECT_EQ(OtherEntries(file), 0u);
}

TEST_F(FileIoTest, FailingLibraryWriteLeavesTheOldFile) {
  const fs::path file = dir_ / "list.xlsx";
  ASSERT_TRUE(WriteFileAtomically(file, "old").has_value());
  auto r = WriteViaTempFile(file, [](const fs::path& temp) -> Result<void> {
    std::ofstream(temp, std::ios::binary) << "half";
    return Fail(ErrorCode::kIoError, "library gave up");
  });
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message, "library gave up");
  EXPECT_EQ(*ReadWholeFile(file), "old");
  EXPECT_EQ(OtherEntries(file), 0u);
}

TEST_F(FileIoTest, MissingFolderFailsNamingTheFile) {
  const fs::path file = dir_ / "no_such_folder" / "out.csv";
  auto r = WriteFileAtomically(file, "x");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kIoError);
  EXPECT_EQ(r.error().where.file, file.string());
  EXPECT_NE(r.error().message.find("out.csv"), std::string::npos);
  EXPECT_EQ(OtherEntries(fs::path()), 0u);
}

TEST_F(FileIoTest, ReadOnlyFolderKeepsTheOldFileAndNoTemp) {
  if (::geteuid() == 0) GTEST_SKIP() << "root writes into read-only folders";
  const fs::path file = dir_ / "out.csv";
  ASSERT_TRUE(WriteFileAtomically(file, "old").has_value());
  fs::permissions(dir_, fs::perms::owner_read | fs::perms::owner_exec);
  auto r = WriteFileAtomically(file, "new");
  fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kIoError);
  EXPECT_EQ(*ReadWholeFile(file), "old");
  EXPECT_EQ(OtherEntries(file), 0u);
}

// The same guarantee where root runs the tests (CI): the final rename fails because the target
// is a folder with something in it, after the temporary file was written.
TEST_F(FileIoTest, AFailedRenameKeepsWhatWasThereAndNoTemp) {
  const fs::path target = dir_ / "out.csv";
  fs::create_directory(target);
  ASSERT_TRUE(WriteFileAtomically(target / "inside.txt", "old").has_value());
  auto r = WriteFileAtomically(target, "new");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kIoError);
  EXPECT_TRUE(fs::is_directory(target));
  EXPECT_EQ(*ReadWholeFile(target / "inside.txt"), "old");
  EXPECT_EQ(OtherEntries(target), 0u);
}

TEST_F(FileIoTest, NoReplaceRefusesAnExistingFileAndKeepsIt) {
  const fs::path key = dir_ / "node.key";
  ASSERT_TRUE(WriteFileAtomically(key, "first", {.mode = 0600, .replace_existing = false}));
  auto r = WriteFileAtomically(key, "second", {.mode = 0600, .replace_existing = false});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(*ReadWholeFile(key), "first");
  EXPECT_EQ(OtherEntries(key), 0u);
}

TEST_F(FileIoTest, ReadingAMissingFileIsNotFound) {
  auto r = ReadWholeFile(dir_ / "absent.txt");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(r.error().where.file, (dir_ / "absent.txt").string());
  EXPECT_NE(r.error().message.find("absent.txt"), std::string::npos);
}

}  // namespace
}  // namespace parley
