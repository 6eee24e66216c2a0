# NWAUDIT_STANDALONE: a binary that needs nothing but the operating system at run time, for
# a Mac without Homebrew (packaging/macos/build-package). Included by CMakeLists.txt after
# every dependency has been found; it re-points their imported targets at static archives:
#
# - fmt and pugixml (CMake packages): the archive beside the shared library their package
#   names, or pugixml's own pugixml::static;
# - libplist, libarchive (pkg-config): the archives `pkg-config --static` lists, from the
#   folders it names; a library those need that exists only as the system's shared one
#   (libz, libiconv, libbz2 on macOS) stays shared;
# - on Linux, the C++ runtime too (-static-libstdc++ -static-libgcc); on macOS libc++ is
#   part of the system.
#
# Configuring fails, naming the library, when one of them has no static archive.

function(nwaudit_no_static_archive what searched)
  message(FATAL_ERROR
    "NWAUDIT_STANDALONE links ${what} statically, but there is no static archive (.a) of it in: ${searched}. "
    "Install a build of it that ships one (Homebrew's fmt, pugixml, libplist and libarchive do; "
    "Debian's fmt and libplist do not), point CMAKE_PREFIX_PATH and PKG_CONFIG_PATH at a prefix "
    "that has one, or configure without -DNWAUDIT_STANDALONE=ON.")
endfunction()

# nwaudit_static_archive(VAR NAME DIR...): VAR is DIR/libNAME.a for the first DIR that has
# it, else empty.
function(nwaudit_static_archive var name)
  set(found "")
  foreach(dir IN LISTS ARGN)
    if(dir AND EXISTS "${dir}/lib${name}.a")
      set(found "${dir}/lib${name}.a")
      break()
    endif()
  endforeach()
  set(${var} "${found}" PARENT_SCOPE)
endfunction()

# A library from its CMake package: TARGET is made to link the static archive NAME.
function(nwaudit_link_package_statically target name)
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "STATIC_LIBRARY")
    return()
  endif()
  if(type STREQUAL "INTERFACE_LIBRARY")
    # pugixml's package: pugixml::pugixml forwards to pugixml::shared or pugixml::static.
    get_target_property(links ${target} INTERFACE_LINK_LIBRARIES)
    if(TARGET ${name}::static AND links)
      list(TRANSFORM links REPLACE "^${name}::shared$" "${name}::static")
      set_property(TARGET ${target} PROPERTY INTERFACE_LINK_LIBRARIES "${links}")
      return()
    endif()
    nwaudit_no_static_archive("${name} (${target})" "its CMake package, which has no ${name}::static")
  endif()
  # A shared (or unknown) imported library: every configuration's file becomes the archive
  # that sits beside it.
  get_target_property(configs ${target} IMPORTED_CONFIGURATIONS)
  set(properties IMPORTED_LOCATION)
  if(configs)
    foreach(config IN LISTS configs)
      list(APPEND properties IMPORTED_LOCATION_${config})
    endforeach()
  endif()
  set(dirs "")
  foreach(property IN LISTS properties)
    get_target_property(location ${target} ${property})
    if(location)
      get_filename_component(dir "${location}" DIRECTORY)
      list(APPEND dirs "${dir}")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES dirs)
  nwaudit_static_archive(archive ${name} ${dirs})
  if(NOT archive)
    nwaudit_no_static_archive("${name} (${target})" "${dirs}")
  endif()
  foreach(property IN LISTS properties)
    get_target_property(location ${target} ${property})
    if(location)
      set_property(TARGET ${target} PROPERTY ${property} "${archive}")
    endif()
  endforeach()
  if(configs)
    foreach(config IN LISTS configs)
      set_property(TARGET ${target} PROPERTY IMPORTED_SONAME_${config})
    endforeach()
  endif()
  set_property(TARGET ${target} PROPERTY IMPORTED_SONAME)
  message(STATUS "NWAUDIT_STANDALONE: ${target} from ${archive}")
endfunction()

# A library from pkg-config (pkg_check_modules(PREFIX IMPORTED_TARGET ...)): PkgConfig::PREFIX
# is made to link what `pkg-config --static` lists, as static archives.
function(nwaudit_link_pkg_statically prefix)
  set(target PkgConfig::${prefix})
  set(dirs ${${prefix}_STATIC_LIBRARY_DIRS} ${${prefix}_LIBRARY_DIRS})
  foreach(library IN LISTS ${prefix}_LINK_LIBRARIES)
    get_filename_component(dir "${library}" DIRECTORY)
    list(APPEND dirs "${dir}")
  endforeach()
  list(REMOVE_DUPLICATES dirs)
  set(system_dirs ${CMAKE_CXX_IMPLICIT_LINK_DIRECTORIES})
  if(APPLE AND CMAKE_OSX_SYSROOT)
    list(APPEND system_dirs "${CMAKE_OSX_SYSROOT}/usr/lib")
  endif()
  set(libraries "")
  set(first TRUE)
  foreach(name IN LISTS ${prefix}_STATIC_LIBRARIES)
    nwaudit_static_archive(archive ${name} ${dirs})
    if(archive)
      list(APPEND libraries "${archive}")
    elseif(first)
      nwaudit_no_static_archive("${name} (pkg-config, ${target})" "${dirs}")
    else()
      # What the library itself needs may stay shared, but only the system's own: a shared
      # one in the dependency's folders would be missing on a customer's machine.
      foreach(dir IN LISTS dirs)
        if(NOT dir IN_LIST system_dirs)
          foreach(suffix .dylib .so .tbd)
            if(EXISTS "${dir}/lib${name}${suffix}")
              nwaudit_no_static_archive("${name}, which ${target} needs," "${dirs}")
            endif()
          endforeach()
        endif()
      endforeach()
      list(APPEND libraries "${name}")
    endif()
    set(first FALSE)
  endforeach()
  set_property(TARGET ${target} PROPERTY INTERFACE_LINK_LIBRARIES "${libraries}")
  if(${prefix}_STATIC_LDFLAGS_OTHER)
    set_property(TARGET ${target} APPEND PROPERTY INTERFACE_LINK_OPTIONS ${${prefix}_STATIC_LDFLAGS_OTHER})
  endif()
  message(STATUS "NWAUDIT_STANDALONE: ${target} from ${libraries}")
endfunction()

nwaudit_link_package_statically(fmt::fmt fmt)
nwaudit_link_package_statically(pugixml::pugixml pugixml)
foreach(prefix IN ITEMS PLIST ARCHIVE LIBARCHIVE)
  if(TARGET PkgConfig::${prefix})
    nwaudit_link_pkg_statically(${prefix})
  endif()
endforeach()
if(TARGET LibArchive::LibArchive)
  message(FATAL_ERROR "NWAUDIT_STANDALONE needs libarchive found through pkg-config "
                      "(pkg_check_modules(ARCHIVE IMPORTED_TARGET libarchive)), which lists the libraries a "
                      "static libarchive needs; FindLibArchive does not.")
endif()
if(NOT APPLE)
  target_link_options(nwaudit PRIVATE -static-libstdc++ -static-libgcc)
endif()
