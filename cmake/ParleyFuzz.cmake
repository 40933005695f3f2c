# The fuzz build (preset `fuzz`, scripts/fuzz): every library the harnesses of fuzz/ link is
# compiled with libFuzzer's coverage hooks, AddressSanitizer (leaks included) and
# UndefinedBehaviorSanitizer, and libstdc++'s own bounds checks. Any report aborts, so the
# fuzzer stops and saves the input.
#
# Why clang 16 and not Debian 12's default clang 14: libstdc++ 12's <expected> (parley's
# Result) needs conditionally trivial special members (P0848), which clang implements from
# 16 on; clang 14 refuses std::expected's copies ("attempt to use a deleted function").
# Clang 16 still announces the older concepts level, so libstdc++ would hide <expected>:
# __cpp_concepts is raised to the level clang 16 does implement.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang" OR CMAKE_CXX_COMPILER_VERSION VERSION_LESS 16)
  message(FATAL_ERROR "PARLEY_BUILD_FUZZ needs clang >= 16 (libFuzzer, and libstdc++'s "
                      "std::expected); configure with the `fuzz` preset after scripts/setup")
endif()

add_compile_options(
  -fsanitize=fuzzer-no-link,address,undefined
  -fno-sanitize-recover=all
  -fno-omit-frame-pointer
  -D_GLIBCXX_ASSERTIONS
  "$<$<COMPILE_LANGUAGE:CXX>:-U__cpp_concepts;-D__cpp_concepts=202002L>")
add_link_options(-fsanitize=address,undefined)
