// parley/server/test_workspace.h — for the server's unit tests only: a fresh workspace in a
// temporary folder holding two small lists, one of each party ("ua-request" of side ua with
// records UA-1, UA-2; "ru-custody" of side ru with RU-1, RU-2), removed at the end.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <string>

#include "store/workspace.h"

namespace parley::server::testing {

class TestWorkspace {
 public:
  TestWorkspace() {
    dir_ = std::filesystem::temp_directory_path() /
           ("parley-srv-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    std::filesystem::remove_all(dir_);
    auto ws = store::Workspace::Create(dir_);
    EXPECT_TRUE(ws.has_value()) << ws.error().Describe();
    ws_.emplace(std::move(*ws));
    Import("ua-request", ListKind::kRequest, "ua", "UA");
    Import("ru-custody", ListKind::kCustody, "ru", "RU");
  }
  ~TestWorkspace() {
    ws_.reset();
    std::filesystem::remove_all(dir_);
  }
  TestWorkspace(const TestWorkspace&) = delete;
  TestWorkspace& operator=(const TestWorkspace&) = delete;

  store::Workspace& ws() { return *ws_; }
  store::Database& db() { return ws_->db(); }
  const std::filesystem::path& dir() const { return dir_; }
  // The record ID of LIST's row KEY.
  std::int64_t Record(const std::string& list, const std::string& key) {
    auto id = ws_->FindRecord(list, key);
    EXPECT_TRUE(id.has_value());
    return id.value_or(0);
  }

 private:
  void Import(const std::string& list, ListKind kind, const std::string& side,
              const std::string& prefix) {
    store::ImportRequest req;
    req.list_name = list;
    req.kind = kind;
    req.side = side;
    req.source_file = list + ".csv";
    req.source_format = "csv";
    req.encoding = "utf-8";
    req.name_order = "split columns";
    req.actor = "test";
    for (int i = 1; i <= 2; ++i) {
      PersonRecord r;
      r.id = prefix + "-" + std::to_string(i);
      r.surname = prefix == "UA" ? "Шевченко" : "Иванов";
      r.given_name = prefix == "UA" ? "Дмитро" : "Сергей";
      r.birth_date = PartialDate{1990, 5, 0};
      r.source_row = i + 1;
      req.records.push_back(r);
    }
    auto out = ws_->ImportList(req);
    EXPECT_TRUE(out.has_value()) << out.error().Describe();
  }

  static inline int counter_ = 0;
  std::filesystem::path dir_;
  std::optional<store::Workspace> ws_;
};

}  // namespace parley::server::testing
