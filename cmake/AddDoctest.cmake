# rk_add_doctest(NAME SOURCES... LIBS libs... [LABELS labels...] [PROPERTIES name value...])
# One test executable with doctest, each of its test cases registered with CTest on its own
# (doctest_discover_tests, from Debian's doctest package), so `ctest -R` picks single cases.
# A case that cannot run here calls rk::test::skip_case() (tests/support/skip.hpp): the main below
# then exits 77, which CTest reports as SKIPPED.
include(${doctest_DIR}/doctest.cmake)

function(rk_add_doctest name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS;PROPERTIES" ${ARGN})
  # doctest's main() in one generated file, so a suite may have several sources.
  set(main_file ${CMAKE_CURRENT_BINARY_DIR}/${name}_doctest_main.cpp)
  file(CONFIGURE OUTPUT ${main_file} CONTENT [[
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "skip.hpp"

int main(int argc, char** argv) {
  doctest::Context context(argc, argv);
  const int failed = context.run();
  if (context.shouldExit() || failed != 0) return failed;
  return rk::test::cases_skipped() > 0 ? 77 : 0;
}
]])
  add_executable(${name} ${ARG_SOURCES} ${main_file})
  target_link_libraries(${name} PRIVATE doctest::doctest rk_options rk_warnings ${ARG_LIBS})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/support)
  target_compile_definitions(${name} PRIVATE
    RK_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    RK_BINARY_DIR="${PROJECT_BINARY_DIR}"
    RK_KIOSK_BIN="$<TARGET_FILE:readiness-kiosk>")
  doctest_discover_tests(${name}
    TEST_PREFIX "${name}/"
    WORKING_DIRECTORY ${PROJECT_BINARY_DIR}
    ADD_LABELS 0
    PROPERTIES SKIP_RETURN_CODE 77 LABELS "${ARG_LABELS}" ${ARG_PROPERTIES})
endfunction()
