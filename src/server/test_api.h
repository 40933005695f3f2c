// parley/server/test_api.h — for the server's unit tests only: an Api over a test workspace,
// users with API tokens, and requests made the way the HTTP layer makes them (the query string
// split off the path), so that tests exercise Api::Handle without a socket.
//
//   class MyTest : public ApiFixture<testing::TestWorkspace> {
//     void SetUp() override { AddUsers({{"ua-clerk", Role::kClerk, "ua"}}); StartApi(); }
//   };
//   ApiResponse r = Call("GET", "/api/v1/lists?limit=1", "ua-clerk");
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "server/api.h"
#include "server/auth/user_store.h"

namespace parley::server {

inline constexpr const char* kTestPassword = "a long enough password";

struct TestUser {
  const char* name;
  Role role;
  const char* side;
};

template <typename TestWorkspace>
class ApiFixture : public ::testing::Test {
 protected:
  void TearDown() override {
    if (api_) api_->Close();
  }

  // Each user with kTestPassword and an API token.
  void AddUsers(std::initializer_list<TestUser> users) {
    for (const TestUser& u : users) {
      ASSERT_TRUE(AddUser(tw_.ws(), {u.name, u.role, u.side}, kTestPassword).has_value());
      tokens_[u.name] = *CreateToken(tw_.ws(), u.name);
    }
  }
  // A fresh Api on the workspace (again: as after a restart of the server).
  void StartApi(std::size_t connections = 2) {
    auto pool = WorkspacePool::Open(tw_.dir(), connections);
    ASSERT_TRUE(pool.has_value());
    auto log_ws = store::Workspace::Open(tw_.dir());
    ASSERT_TRUE(log_ws.has_value());
    api_ = std::make_unique<Api>(std::move(*pool), std::move(*log_ws), ApiOptions{});
  }

  // METHOD PATH[?a=1&b=2] as USER (by API token; none when empty), with BODY.
  ApiResponse Call(const std::string& method, const std::string& path, const std::string& user,
                   const std::string& body = "") {
    ApiRequest req;
    req.method = method;
    req.path = path.substr(0, path.find('?'));
    for (std::size_t at = path.find('?'); at != std::string::npos;) {
      std::size_t end = path.find('&', at + 1);
      std::string pair = path.substr(at + 1, end == std::string::npos ? end : end - at - 1);
      std::size_t eq = pair.find('=');
      req.query.emplace(pair.substr(0, eq), eq == std::string::npos ? "" : pair.substr(eq + 1));
      at = end;
    }
    req.body = body;
    req.remote_addr = "127.0.0.1";
    if (!user.empty()) req.headers["authorization"] = "Bearer " + tokens_.at(user);
    return api_->Handle(req);
  }
  static nlohmann::json Body(const ApiResponse& r) { return nlohmann::json::parse(r.body); }

  TestWorkspace tw_;
  std::map<std::string, std::string> tokens_;
  std::unique_ptr<Api> api_;
};

}  // namespace parley::server
