// parley/store/test_workspace.h — for unit tests only (of this module and of any module that
// depends on it): a fresh workspace in a temporary folder of its own, removed at the end, and
// a way to import a small list into it. The folder's name holds the pid and a counter, so that
// test programs that ctest runs in parallel, and fixtures within one program, never share one.
// TwoPartyWorkspace adds the two small lists the server's and the handover module's tests share;
// modules with lists of their own keep thin fixtures on top (negotiation/test_workspace.h).
//
//   store::testing::TempWorkspace t("parley-srv");
//   t.Import("ua-request", ListKind::kRequest, "ua", {record});
//   t.Record("ua-request", record.id);   // its record ID
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/workspace.h"

namespace parley::store::testing {

class TempWorkspace {
 public:
  // `prefix` names the folder in the temporary directory, so a leftover says whose it was.
  explicit TempWorkspace(const std::string& prefix) {
    dir_ = std::filesystem::temp_directory_path() /
           (prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    std::filesystem::remove_all(dir_);
    auto ws = Workspace::Create(dir_);
    EXPECT_TRUE(ws.has_value()) << ws.error().Describe();
    ws_.emplace(std::move(*ws));
  }
  ~TempWorkspace() {
    ws_.reset();
    std::filesystem::remove_all(dir_);
  }
  TempWorkspace(const TempWorkspace&) = delete;
  TempWorkspace& operator=(const TempWorkspace&) = delete;

  Workspace& ws() { return *ws_; }
  Database& db() { return ws_->db(); }
  const std::filesystem::path& dir() const { return dir_; }

  // The record ID of LIST's row KEY (0, and a failed expectation, if there is none).
  std::int64_t Record(const std::string& list, const std::string& key) {
    auto id = ws_->FindRecord(list, key);
    EXPECT_TRUE(id.has_value());
    return id.value_or(0);
  }

  // RECORDS as the next version of LIST of SIDE, imported by "test" as if from LIST.csv.
  void Import(const std::string& list, ListKind kind, const std::string& side,
              std::vector<PersonRecord> records) {
    ImportRequest req;
    req.list_name = list;
    req.kind = kind;
    req.side = side;
    req.source_file = list + ".csv";
    req.source_format = "csv";
    req.encoding = "utf-8";
    req.name_order = "split columns";
    req.actor = "test";
    req.records = std::move(records);
    auto done = ws_->ImportList(req);
    EXPECT_TRUE(done.has_value()) << done.error().Describe();
  }

 private:
  static inline int counter_ = 0;
  std::filesystem::path dir_;
  std::optional<Workspace> ws_;
};

// A TempWorkspace holding one small list of each party: "ua-request" of side ua (records UA-1,
// UA-2) and "ru-custody" of side ru (RU-1, RU-2), each from rows 2 and 3 of its file.
class TwoPartyWorkspace : public TempWorkspace {
 public:
  explicit TwoPartyWorkspace(const std::string& prefix) : TempWorkspace(prefix) {
    Import("ua-request", ListKind::kRequest, "ua", People("UA"));
    Import("ru-custody", ListKind::kCustody, "ru", People("RU"));
  }

 private:
  static std::vector<PersonRecord> People(const std::string& prefix) {
    std::vector<PersonRecord> people;
    for (int i = 1; i <= 2; ++i) {
      PersonRecord r;
      r.id = prefix + "-" + std::to_string(i);
      r.surname = prefix == "UA" ? "Шевченко" : "Иванов";
      r.given_name = prefix == "UA" ? "Дмитро" : "Сергей";
      r.birth_date = PartialDate{1990, 5, 0};
      r.source_row = i + 1;
      people.push_back(r);
    }
    return people;
  }
};

}  // namespace parley::store::testing
