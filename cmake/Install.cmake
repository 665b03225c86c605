# `cmake --install`: the executable, the four libraries with their headers (the source tree's layout under
# include/outagesim, so "models/core/action.hpp" resolves as in the tree), the docs, the scenarios, and a
# CMake package: find_package(outagesim) gives outagesim::sim, ::models, ::loader and ::reports.
include(CMakePackageConfigHelpers)

set(OUTAGESIM_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/outagesim)

install(TARGETS outagesim RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS outagesim_sim outagesim_models outagesim_loader outagesim_reports
        EXPORT outagesimTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
foreach(dir sim models loader reports)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/${dir} DESTINATION ${OUTAGESIM_INSTALL_INCLUDEDIR}
          FILES_MATCHING PATTERN "*.hpp")
endforeach()

install(EXPORT outagesimTargets NAMESPACE outagesim:: DESTINATION ${OUTAGESIM_INSTALL_CMAKEDIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/outagesimConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/outagesimConfig.cmake
                              INSTALL_DESTINATION ${OUTAGESIM_INSTALL_CMAKEDIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/outagesimConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/outagesimConfig.cmake ${PROJECT_BINARY_DIR}/outagesimConfigVersion.cmake
        DESTINATION ${OUTAGESIM_INSTALL_CMAKEDIR})

# CMAKE_INSTALL_DOCDIR is share/doc/outagesim; the scenarios are data, beside them in share/outagesim.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/scenarios/ DESTINATION ${CMAKE_INSTALL_DATADIR}/outagesim/scenarios)
