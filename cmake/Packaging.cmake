# `cpack -G DEB` (run in the build directory): one Debian package holding everything `cmake --install`
# does, installed under /usr. Runtime dependencies come from dpkg-shlibdeps (the shared libraries the
# executable links, MPI's too in an OUTAGESIM_MPI build); embedding the libraries needs the -dev packages,
# recommended.
set(CPACK_PACKAGE_NAME outagesim)
set(CPACK_PACKAGE_VENDOR "outagesim")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "outagesim maintainers <outagesim@example.org>")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Discrete-event simulator of cloud outage timelines: replays and predicts how faults in facilities\n\
and services reach tenants, with the C++ libraries, headers, CMake package, docs and example scenarios.")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# CPack's shlibdeps needs dpkg-shlibdeps (dpkg-dev) and file; without them, the dependencies as of Debian 12.
find_program(OUTAGESIM_DPKG_SHLIBDEPS dpkg-shlibdeps)
find_program(OUTAGESIM_FILE_COMMAND file)
if(OUTAGESIM_DPKG_SHLIBDEPS AND OUTAGESIM_FILE_COMMAND)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libfmt9, libyaml-cpp0.7, libsimdjson14, libabsl20220623, libmimalloc2.0, libutf8proc2, libstdc++6, libc6")
endif()
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "libboost-graph-dev, libfmt-dev, libyaml-cpp-dev, nlohmann-json3-dev, libsimdjson-dev, libabsl-dev, libutf8proc-dev, pkgconf, cmake")
include(CPack)
