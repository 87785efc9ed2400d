# Runs at install time, so that kik.pc names the prefix actually installed to
# (cmake --install --prefix P), with absolute directories.
foreach(dir LIBDIR INCLUDEDIR DATADIR)
  if(IS_ABSOLUTE "${KIK_INSTALL_${dir}}")
    set(CMAKE_INSTALL_FULL_${dir} "${KIK_INSTALL_${dir}}")
  else()
    set(CMAKE_INSTALL_FULL_${dir} "${CMAKE_INSTALL_PREFIX}/${KIK_INSTALL_${dir}}")
  endif()
endforeach()
set(pc "$ENV{DESTDIR}${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig/kik.pc")
configure_file("${KIK_PC_IN}" "${pc}" @ONLY)
message(STATUS "Installing: ${pc}")
