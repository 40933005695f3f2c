// parley/cli/demo_agreement.h — the text of examples/demo/demo-exchange.toml, embedded at
// build time (demo_agreement.cpp.in).
#pragma once

#include <string_view>

namespace parley::cli {

[[nodiscard]] std::string_view DemoAgreementText();

}  // namespace parley::cli
