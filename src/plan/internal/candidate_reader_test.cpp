#include "plan/internal/candidate_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "plan/internal/synthetic_candidates.h"

namespace parley::plan::internal {
namespace {

// A scratch file, removed when the test is done with it.
class TempFile {
 public:
  TempFile(const std::string& name, const std::string& text)
      : path_(::testing::TempDir() + std::to_string(::getpid()) + "_" + name) {
    std::ofstream(path_, std::ios::binary) << text;
  }
  ~TempFile() { std::remove(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(CandidateReader, ReadsCanonicalAndExtraColumns) {
  const TempFile file("cands.csv",
                      "\xEF\xBB\xBFid,Surname,given_name,birth_date,rank,health\r\n"
                      "A-1,\"Koval, jr\",Petro,03.04.1990,major,seriously_wounded\r\n"
                      "A-2,Ivanenko,Ivan,1985,,\r\n");
  auto r = ReadCandidates(file.path());
  ASSERT_TRUE(r.has_value()) << r.error().Describe();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].surname, "Koval, jr");
  EXPECT_EQ((*r)[0].rank, "major");
  EXPECT_EQ((*r)[0].birth_date, (PartialDate{1990, 4, 3}));
  EXPECT_EQ((*r)[0].Extra("health"), "seriously_wounded");
  EXPECT_EQ((*r)[1].source_row, 3);
}

TEST(CandidateReader, RefusesAFileWithBadRowsNamingTheFirst) {
  const TempFile file("bad.csv", "id,surname,birth_date\n1,A,31.02.1990\n2,B,2999\n");
  auto e = ReadCandidates(file.path());
  ASSERT_FALSE(e.has_value());
  EXPECT_EQ(e.error().where.row, 2);
  EXPECT_EQ(e.error().where.column, 3);
  EXPECT_NE(e.error().message.find("1 more invalid rows"), std::string::npos);
  EXPECT_EQ(ReadCandidates("no/such.csv").error().code, ErrorCode::kNotFound);
}

// The example side files are exactly what the generator makes. Run with
// PARLEY_REGENERATE_EXAMPLES=1 to rewrite them after changing the generator.
TEST(SyntheticCandidates, ExampleFilesAreCurrent) {
  bool regenerate = std::getenv("PARLEY_REGENERATE_EXAMPLES") != nullptr;
  for (const ExampleCandidateFile& f : ExampleCandidateFiles()) {
    std::ostringstream made;
    WriteCandidatesCsv(GenerateCandidates(f.spec), made);
    std::string path = "examples/candidates/" + f.file;
    if (regenerate) {
      std::ofstream(path, std::ios::binary) << made.str();
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream have;
    have << in.rdbuf();
    EXPECT_EQ(have.str(), made.str())
        << path << " is stale; rerun with PARLEY_REGENERATE_EXAMPLES=1";
    auto parsed = ReadCandidates(path);
    ASSERT_TRUE(parsed.has_value()) << parsed.error().Describe();
    EXPECT_EQ(static_cast<int>(parsed->size()), f.spec.count);
  }
}

TEST(SyntheticCandidates, Deterministic) {
  SyntheticSpec s;
  s.count = 50;
  std::ostringstream x, y;
  WriteCandidatesCsv(GenerateCandidates(s), x);
  WriteCandidatesCsv(GenerateCandidates(s), y);
  EXPECT_EQ(x.str(), y.str());
  s.seed = 2;
  std::ostringstream z;
  WriteCandidatesCsv(GenerateCandidates(s), z);
  EXPECT_NE(x.str(), z.str());
}

}  // namespace
}  // namespace parley::plan::internal
