# rk_add_doctest(NAME SOURCES... LIBS libs... [LABELS labels...] [NEEDS suites...])
# One test executable with the suites' shared main (tests/support/skip_main.cpp), registered with
# CTest. NEEDS names doctest test suites whose cases need something optional (a tool, fonts, root):
# each becomes its own CTest test NAME_SUITE (`-ts=SUITE`, SKIP_RETURN_CODE 77, so it shows
# "Skipped" when a case calls rk::test::skip()), and NAME runs everything else (`-tse=`).
function(rk_add_doctest name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS;NEEDS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES}
    ${PROJECT_SOURCE_DIR}/tests/support/skip_main.cpp ${PROJECT_SOURCE_DIR}/tests/support/skip.cpp)
  target_link_libraries(${name} PRIVATE doctest::doctest rk_options rk_warnings ${ARG_LIBS})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/support)
  target_compile_definitions(${name} PRIVATE
    RK_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    RK_BINARY_DIR="${PROJECT_BINARY_DIR}"
    RK_KIOSK_BIN="$<TARGET_FILE:readiness-kiosk>")
  set(tests ${name})
  if(ARG_NEEDS)
    list(JOIN ARG_NEEDS "," excluded)
    add_test(NAME ${name} COMMAND ${name} -tse=${excluded})
    foreach(suite ${ARG_NEEDS})
      add_test(NAME ${name}_${suite} COMMAND ${name} -ts=${suite})
      set_tests_properties(${name}_${suite} PROPERTIES SKIP_RETURN_CODE 77)
      list(APPEND tests ${name}_${suite})
    endforeach()
  else()
    add_test(NAME ${name} COMMAND ${name})
  endif()
  set_tests_properties(${tests} PROPERTIES WORKING_DIRECTORY ${PROJECT_BINARY_DIR})
  if(ARG_LABELS)
    set_tests_properties(${tests} PROPERTIES LABELS "${ARG_LABELS}")
  endif()
endfunction()
