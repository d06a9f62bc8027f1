# rk_add_doctest(NAME SOURCES... LIBS libs... [LABELS labels...])
# One test executable with doctest's main, registered with CTest as a single test.
function(rk_add_doctest name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE doctest::doctest rk_options rk_warnings ${ARG_LIBS})
  target_compile_definitions(${name} PRIVATE
    DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
    RK_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    RK_BINARY_DIR="${PROJECT_BINARY_DIR}"
    RK_KIOSK_BIN="$<TARGET_FILE:readiness-kiosk>")
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES WORKING_DIRECTORY ${PROJECT_BINARY_DIR})
  if(ARG_LABELS)
    set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
  endif()
endfunction()
