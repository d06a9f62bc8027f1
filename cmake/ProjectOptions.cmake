# Options and INTERFACE targets shared by every target (after cpp-best-practices/cmake_template).

option(RK_WARNINGS_AS_ERRORS "Treat compiler warnings as errors (CI turns this on)" OFF)
option(RK_ENABLE_SANITIZERS "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(RK_BUILD_TESTS "Build the doctest suites and register them with CTest" ON)
option(RK_BUILD_BENCHMARKS "Build the benchmark programs" ON)

# Warnings for our own code only; third-party headers come in as SYSTEM includes.
add_library(rk_warnings INTERFACE)
target_compile_options(rk_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wconversion -Wsign-conversion -Wnull-dereference -Wdouble-promotion
  -Wformat=2 -Wimplicit-fallthrough
  $<$<CXX_COMPILER_ID:GNU>:-Wmisleading-indentation -Wduplicated-cond -Wlogical-op>)
if(RK_WARNINGS_AS_ERRORS)
  target_compile_options(rk_warnings INTERFACE -Werror)
endif()

# Sanitizers, hardening and other build-wide options.
add_library(rk_options INTERFACE)
target_compile_features(rk_options INTERFACE cxx_std_20)
if(RK_ENABLE_SANITIZERS)
  target_compile_options(rk_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                              -fno-sanitize-recover=undefined)
  target_link_options(rk_options INTERFACE -fsanitize=address,undefined)
endif()
target_compile_definitions(rk_options INTERFACE $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>)

# Hardening for a kiosk in a public room (Debian's hardening flags): stack protector, full RELRO,
# PIE, no executable stack. _FORTIFY_SOURCE (above) needs optimisation, so not in Debug.
target_compile_options(rk_options INTERFACE -fstack-protector-strong -fstack-clash-protection -fcf-protection)
target_link_options(rk_options INTERFACE -Wl,-z,relro -Wl,-z,now -Wl,-z,noexecstack)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)
include(CheckPIESupported)
check_pie_supported()
