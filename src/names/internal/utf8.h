// parley/names/internal/utf8.h — the name engine's names for core/utf8.h.
#pragma once

#include "core/utf8.h"

namespace parley::names::internal {

using parley::AppendUtf8;
using parley::DecodeUtf8;
using parley::EncodeUtf8;
using parley::IsAscii;
using parley::ValidateUtf8;

}  // namespace parley::names::internal
