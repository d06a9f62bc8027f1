# The Debian package: `cpack -G DEB` in the build dir makes readiness-kiosk_<version>_<arch>.deb.
# What goes where, and why cage, is in packaging/README.md. Included from the top CMakeLists.txt.

set(RK_PACKAGING_DIR ${CMAKE_CURRENT_LIST_DIR})
set(RK_DOC_DIR ${CMAKE_INSTALL_DATADIR}/doc/readiness-kiosk)

# --- Files -------------------------------------------------------------------------------------
# Questionnaires and assets where rk::data_dir() finds them (RK_INSTALL_DATADIR).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/questionnaires/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/readiness-kiosk/questionnaires
        FILES_MATCHING PATTERN "*.toml" PATTERN "*.md")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/readiness-kiosk/assets)

# The clinic's config (a conffile: dpkg keeps the clinic's edits on upgrade). /etc, not <prefix>/etc.
install(FILES ${RK_PACKAGING_DIR}/kiosk.example.toml
        DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/readiness-kiosk RENAME kiosk.toml)

# Debian 12 keeps packaged units in /lib/systemd/system.
install(FILES ${RK_PACKAGING_DIR}/systemd/readiness-kiosk.service DESTINATION /lib/systemd/system)

# The lock-down (SysRq off, no spare VTs, no Ctrl+Alt+Del burst reboot), as vendor drop-ins in
# /usr/lib: a file of the same name in /etc, or a symlink there to /dev/null, overrides each one
# (the opt-out in README.md). postinst masks ctrl-alt-del.target.
install(FILES ${RK_PACKAGING_DIR}/lockdown/sysctl.conf
        DESTINATION /usr/lib/sysctl.d RENAME 90-readiness-kiosk.conf)
install(FILES ${RK_PACKAGING_DIR}/lockdown/logind.conf
        DESTINATION /usr/lib/systemd/logind.conf.d RENAME 90-readiness-kiosk.conf)
install(FILES ${RK_PACKAGING_DIR}/lockdown/system.conf
        DESTINATION /usr/lib/systemd/system.conf.d RENAME 90-readiness-kiosk.conf)

# Documentation: the deployment guide, the example config, copyright and changelog.
install(FILES ${RK_PACKAGING_DIR}/README.md ${RK_PACKAGING_DIR}/kiosk.example.toml
              ${RK_PACKAGING_DIR}/debian/copyright
        DESTINATION ${RK_DOC_DIR})
configure_file(${RK_PACKAGING_DIR}/debian/changelog.in ${PROJECT_BINARY_DIR}/packaging/changelog @ONLY)
find_program(RK_GZIP gzip REQUIRED)
# -n: no name or time stamp in the header, so the package is reproducible (lintian checks it).
execute_process(COMMAND ${RK_GZIP} -9nf ${PROJECT_BINARY_DIR}/packaging/changelog)
install(FILES ${PROJECT_BINARY_DIR}/packaging/changelog.gz DESTINATION ${RK_DOC_DIR})
install(FILES ${RK_PACKAGING_DIR}/debian/lintian-overrides
        DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME readiness-kiosk)
configure_file(${RK_PACKAGING_DIR}/readiness-kiosk.1 ${PROJECT_BINARY_DIR}/packaging/readiness-kiosk.1 @ONLY)
execute_process(COMMAND ${RK_GZIP} -9nf ${PROJECT_BINARY_DIR}/packaging/readiness-kiosk.1)
install(FILES ${PROJECT_BINARY_DIR}/packaging/readiness-kiosk.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# --- CPack -------------------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME readiness-kiosk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Readiness Kiosk maintainers")
set(CPACK_PACKAGE_CONTACT "Readiness Kiosk maintainers <maintainers@users.noreply.r-seed-98157ad3.example>")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://readiness-kiosk.example/")
# The synopsis line, then the long description (CPack joins them).
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "touchscreen readiness questionnaire for therapy waiting rooms")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "A fullscreen kiosk where a patient answers a short readiness and strengths
questionnaire in the spirit of Motivational Interviewing before the
appointment. The kiosk prints or saves a one-page PDF summary for the
therapist and wipes the session. Answers stay in memory; the log holds
events only.
.
This package starts the kiosk at boot on tty1 inside the cage Wayland kiosk
compositor (the screen from seatd), under systemd with a watchdog and
sandboxing, as the system user readiness-kiosk. It locks the terminal down:
no SysRq, no spare consoles, no Ctrl+Alt+Del reboot.")
# dpkg-shlibdeps finds the libraries the binary links (libsdl2, libcups2, libhpdf, libsodium,
# libsystemd, libpng, libepoxy, libfreetype, libgl/mesa through libepoxy). The rest are found at
# run time or run beside it: cage, the Xwayland it will not start without, seatd that hands it
# the screen and input devices, the EGL/Mesa drivers and the fonts. tests/vm boots a minimal
# Debian 12 with exactly these to prove the list.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "cage, xwayland, seatd, fonts-dejavu-core, fonts-noto-core, fonts-droid-fallback, fonts-nanum, libegl1, libegl-mesa0, libgl1, libgl1-mesa-dri, adduser, procps")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cups, fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${RK_PACKAGING_DIR}/debian/preinst ${RK_PACKAGING_DIR}/debian/postinst ${RK_PACKAGING_DIR}/debian/prerm
    ${RK_PACKAGING_DIR}/debian/postrm
    ${RK_PACKAGING_DIR}/debian/conffiles)
# 0755 for maintainer scripts, 0644 for conffiles, whatever the checkout's modes are.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
