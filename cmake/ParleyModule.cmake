# parley_module(NAME SOURCES ... DEPS ... TESTS ...)
# One static library per pipeline stage (src/<name>), plus a GoogleTest program of the
# *_test.cpp files that sit beside its sources. Keeping each module's file list in its own
# CMakeLists.txt lets stages grow independently.
set(PARLEY_WARNINGS -Wall -Wextra -Wpedantic)

function(parley_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;TESTS;TEST_DEPS" ${ARGN})
  add_library(parley_${name} STATIC ${ARG_SOURCES})
  target_include_directories(parley_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_compile_options(parley_${name} PRIVATE ${PARLEY_WARNINGS})
  target_link_libraries(parley_${name} PUBLIC ${ARG_DEPS})
  if(PARLEY_BUILD_TESTS AND ARG_TESTS)
    add_executable(parley_${name}_tests ${ARG_TESTS})
    set_property(GLOBAL APPEND PROPERTY PARLEY_UNIT_TEST_TARGETS parley_${name}_tests)
    target_compile_options(parley_${name}_tests PRIVATE ${PARLEY_WARNINGS})
    target_link_libraries(parley_${name}_tests PRIVATE parley_${name} ${ARG_TEST_DEPS}
                          GTest::gtest GTest::gmock GTest::gtest_main)
    gtest_discover_tests(parley_${name}_tests
                         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                         PROPERTIES LABELS unit
                         DISCOVERY_TIMEOUT 60)
  endif()
endfunction()
