# Every dependency comes from Debian 12 packages; nothing is downloaded at build time.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(tomlplusplus REQUIRED)            # libtomlplusplus-dev
find_package(doctest REQUIRED)                 # doctest-dev
find_package(jsoncpp CONFIG REQUIRED)          # libjsoncpp-dev (FHIR import/export)
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)       # libimgui-dev 1.86
pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET freetype2)
pkg_check_modules(FRIBIDI REQUIRED IMPORTED_TARGET fribidi)             # libfribidi-dev: bidi, Arabic joining
pkg_check_modules(UNIBREAK REQUIRED IMPORTED_TARGET libunibreak)        # libunibreak-dev: UAX #14 line breaks
pkg_check_modules(ICU_UC REQUIRED IMPORTED_TARGET icu-uc)            # libicu-dev: case mapping by language
pkg_check_modules(HB_SUBSET REQUIRED IMPORTED_TARGET harfbuzz-subset)  # libharfbuzz-dev: composite glyph closure
pkg_check_modules(SDL2 REQUIRED IMPORTED_TARGET sdl2)         # libsdl2-dev
pkg_check_modules(EPOXY REQUIRED IMPORTED_TARGET epoxy)       # libepoxy-dev
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)  # libsodium-dev
pkg_check_modules(PNG REQUIRED IMPORTED_TARGET libpng)        # libpng-dev
pkg_check_modules(ESPEAK_NG REQUIRED IMPORTED_TARGET espeak-ng)  # libespeak-ng-dev (read aloud)
pkg_check_modules(SYSTEMD IMPORTED_TARGET libsystemd)         # libsystemd-dev (sd_notify), optional
find_library(HPDF_LIBRARY NAMES hpdf REQUIRED)                # libhpdf-dev 2.3
find_path(HPDF_INCLUDE_DIR hpdf.h REQUIRED)
find_package(Cups REQUIRED)                                   # libcups2-dev

# Debian's libimgui.a carries the SDL2 and OpenGL3 backends and imgui_freetype, so it needs
# FreeType, SDL2 and libdl at link time.
add_library(rk_imgui INTERFACE)
target_include_directories(rk_imgui SYSTEM INTERFACE ${IMGUI_INCLUDE_DIRS})
target_link_libraries(rk_imgui INTERFACE PkgConfig::IMGUI PkgConfig::FREETYPE PkgConfig::SDL2 ${CMAKE_DL_LIBS})

add_library(rk_hpdf INTERFACE)
target_include_directories(rk_hpdf SYSTEM INTERFACE ${HPDF_INCLUDE_DIR})
target_link_libraries(rk_hpdf INTERFACE ${HPDF_LIBRARY})
