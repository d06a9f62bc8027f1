# rk_add_doctest(NAME SOURCES... LIBS libs... [LABELS labels...])
# One test executable with doctest's main, registered with CTest as a single test.
function(rk_add_doctest name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  # doctest's main() in one generated file, so a suite may have several sources (defining
  # DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN on every source would define it once per file).
  set(main_file ${CMAKE_CURRENT_BINARY_DIR}/${name}_doctest_main.cpp)
  file(CONFIGURE OUTPUT ${main_file}
       CONTENT "#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN\n#include <doctest/doctest.h>\n")
  add_executable(${name} ${ARG_SOURCES} ${main_file})
  target_link_libraries(${name} PRIVATE doctest::doctest rk_options rk_warnings ${ARG_LIBS})
  target_compile_definitions(${name} PRIVATE
    RK_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    RK_BINARY_DIR="${PROJECT_BINARY_DIR}"
    RK_KIOSK_BIN="$<TARGET_FILE:readiness-kiosk>")
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES WORKING_DIRECTORY ${PROJECT_BINARY_DIR})
  if(ARG_LABELS)
    set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
  endif()
endfunction()
