# Packages of the installed tree, made by CPack from a build folder
# (`cpack --config BUILD/CPackConfig.cmake`): on Linux a .deb and a .tar.gz, elsewhere a
# .tar.gz (the macOS installer is packaging/macos/build-package's). The tarball holds one
# folder, nwaudit-VERSION-SYSTEM/{bin,share}, that works wherever it is unpacked; the .deb
# installs under /usr. Included at the end of CMakeLists.txt, after the install rules.

set(NWAUDIT_PACKAGE_MAINTAINER "nwaudit maintainers <maintainers@nwaudit.invalid>" CACHE STRING
    "Maintainer named in the Debian package: \"Name <address>\"")

set(CPACK_PACKAGE_NAME nwaudit)
set(CPACK_PACKAGE_VENDOR nwaudit)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "finds whether Network.framework uses user-space networking or one socket per connection on a Mac")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "nwaudit reads a Mac, live or as a copy of its files (--root), and says which path Network.framework "
    "takes there, why (kernel extensions, the Application Firewall, content filters, pf, tunnels), how sure "
    "it is, and what to do. Off macOS it audits snapshots of Macs and lsof listings.")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/nwaudit/nwaudit")
set(CPACK_PACKAGE_CONTACT "${NWAUDIT_PACKAGE_MAINTAINER}")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_GENERATOR "")

if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
  set(CPACK_GENERATOR TGZ DEB)
else()
  set(CPACK_GENERATOR TGZ)
endif()

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${NWAUDIT_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${CPACK_PACKAGE_HOMEPAGE_URL}")
# The packages of the shared libraries the binary links, from dpkg-shlibdeps (dpkg-dev) where
# it is installed; else from `dpkg -S` on the libraries themselves, found now.
find_program(NWAUDIT_DPKG_SHLIBDEPS dpkg-shlibdeps)
find_program(NWAUDIT_DPKG dpkg)
# nwaudit_debian_package_of(VAR FILE): the package that installed FILE (`dpkg -S`), else empty.
function(nwaudit_debian_package_of var file)
  file(REAL_PATH "${file}" real)
  execute_process(COMMAND ${NWAUDIT_DPKG} -S "${real}" OUTPUT_VARIABLE owner ERROR_QUIET
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  string(REGEX REPLACE ":.*" "" owner "${owner}")
  set(${var} "${owner}" PARENT_SCOPE)
endfunction()
if(NWAUDIT_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  # A libarchive loaded on demand (cmake/libarchive.cmake) is no DT_NEEDED for dpkg-shlibdeps to see.
  if(NWAUDIT_LIBARCHIVE_LIBRARY AND NWAUDIT_DPKG)
    foreach(library IN LISTS ARCHIVE_LINK_LIBRARIES)
      if(library MATCHES "libarchive\\.so")
        nwaudit_debian_package_of(CPACK_DEBIAN_PACKAGE_DEPENDS "${library}")
      endif()
    endforeach()
  endif()
elseif(NWAUDIT_DPKG AND CMAKE_SYSTEM_NAME STREQUAL "Linux")
  set(libraries "")
  foreach(target IN ITEMS fmt::fmt pugixml::shared pugixml::pugixml)
    if(TARGET ${target})
      get_target_property(type ${target} TYPE)
      if(type STREQUAL "SHARED_LIBRARY")
        get_target_property(configs ${target} IMPORTED_CONFIGURATIONS)
        list(GET configs 0 config)
        get_target_property(location ${target} IMPORTED_LOCATION_${config})
        list(APPEND libraries "${location}")
      endif()
    endif()
  endforeach()
  list(APPEND libraries ${PLIST_LINK_LIBRARIES} ${ARCHIVE_LINK_LIBRARIES} ${LIBARCHIVE_LINK_LIBRARIES})
  set(depends "")
  foreach(library IN LISTS libraries)
    if(library MATCHES "\\.so")
      nwaudit_debian_package_of(owner "${library}")
      if(owner)
        list(APPEND depends ${owner})
      endif()
    endif()
  endforeach()
  list(APPEND depends libstdc++6 libgcc-s1 libc6)
  list(REMOVE_DUPLICATES depends)
  string(REPLACE ";" ", " CPACK_DEBIAN_PACKAGE_DEPENDS "${depends}")
endif()

include(CPack)

# package_install: the .tar.gz (and the .deb, where dpkg-deb is) unpacked, and the tree
# `cmake --install` writes, moved elsewhere, each run from another folder: every one must
# find its own rules and print the report the build's binary prints.
if(NWAUDIT_TESTS)
  add_test(NAME package_install
           COMMAND ${PROJECT_SOURCE_DIR}/tests/package_install_test.sh
                   ${CMAKE_COMMAND} ${CMAKE_CPACK_COMMAND} ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR}
                   $<TARGET_FILE:nwaudit>)
  set_tests_properties(package_install PROPERTIES LABELS package_install TIMEOUT 600 RUN_SERIAL TRUE)
endif()
