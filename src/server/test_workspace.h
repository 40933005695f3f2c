// parley/server/test_workspace.h — for the server's unit tests only: a fresh workspace in a
// temporary folder (store/test_workspace.h) holding two small lists, one of each party
// ("ua-request" of side ua with records UA-1, UA-2; "ru-custody" of side ru with RU-1, RU-2).
#pragma once

#include "store/test_workspace.h"

namespace parley::server::testing {

class TestWorkspace : public store::testing::TwoPartyWorkspace {
 public:
  TestWorkspace() : TwoPartyWorkspace("parley-srv") {}
};

}  // namespace parley::server::testing
