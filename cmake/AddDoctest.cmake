# rk_add_doctest(NAME SOURCES... LIBS libs... [LABELS labels...] [PROPERTIES name value...])
# One test executable with doctest, each of its test cases registered with CTest on its own
# (doctest_discover_tests, from Debian's doctest package), so `ctest -R` picks single cases.
# The suites share one main (tests/support/skip_main.cpp): a case that cannot run here calls
# rk::test::skip() (tests/support/skip.hpp) and its process exits 77, which CTest reports as SKIPPED.
include(${doctest_DIR}/doctest.cmake)

function(rk_add_doctest name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS;PROPERTIES" ${ARGN})
  add_executable(${name} ${ARG_SOURCES}
    ${PROJECT_SOURCE_DIR}/tests/support/skip_main.cpp ${PROJECT_SOURCE_DIR}/tests/support/skip.cpp)
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
