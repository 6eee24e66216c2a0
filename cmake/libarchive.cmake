# How nwaudit reaches libarchive, which only reading or writing an archive needs: the target
# nwaudit_libarchive, linked by the layers that call it (src/source/libarchive_api.cpp).
# Included by CMakeLists.txt once pkg-config has found libarchive (PkgConfig::ARCHIVE).
#
# Loading libarchive with the program costs every run: on Debian it needs ICU, libxml2,
# nettle, acl and five compressors, about a millisecond of each start. So a normal build
# takes only its headers and loads the shared library with dlopen at the first archive, by the
# name the dynamic loader knows it by: its SONAME (Linux and other ELF systems) or its install
# name (macOS), read here from the library pkg-config found. NWAUDIT_STANDALONE links the static
# libarchive and calls it directly, as does NWAUDIT_LAZY_LIBARCHIVE=OFF.
#
# NWAUDIT_LIBARCHIVE_LIBRARY is that name when libarchive is loaded on demand, else empty.

option(NWAUDIT_LAZY_LIBARCHIVE "Load libarchive when an archive is first read or written, not at every start (off in NWAUDIT_STANDALONE, which links it)" ON)

# nwaudit_loader_name(VAR LIBRARY): the name the dynamic loader finds the shared LIBRARY by,
# else empty.
function(nwaudit_loader_name var library)
  set(name "")
  if(APPLE)
    find_program(NWAUDIT_OTOOL otool)
    if(NWAUDIT_OTOOL)
      # otool -D prints the file, then its install name.
      execute_process(COMMAND ${NWAUDIT_OTOOL} -D "${library}" OUTPUT_VARIABLE out ERROR_QUIET RESULT_VARIABLE failed)
      string(REGEX REPLACE "^[^\n]*\n" "" out "${out}")
      string(STRIP "${out}" out)
      if(NOT failed AND out MATCHES "^/")
        set(name "${out}")
      endif()
    endif()
  else()
    foreach(tool IN ITEMS "${CMAKE_READELF};-d" "${CMAKE_OBJDUMP};-p")
      list(GET tool 0 program)
      list(GET tool 1 flag)
      if(program)
        execute_process(COMMAND ${program} ${flag} "${library}" OUTPUT_VARIABLE out ERROR_QUIET RESULT_VARIABLE failed)
        # readelf: "(SONAME)  Library soname: [libarchive.so.13]"; objdump: "SONAME  libarchive.so.13".
        if(NOT failed AND out MATCHES "soname: \\[([^]\n]+)\\]")
          set(name "${CMAKE_MATCH_1}")
        elseif(NOT failed AND out MATCHES "SONAME[ \t]+([^ \t\n]+)")
          set(name "${CMAKE_MATCH_1}")
        endif()
      endif()
      if(name)
        break()
      endif()
    endforeach()
  endif()
  set(${var} "${name}" PARENT_SCOPE)
endfunction()

set(NWAUDIT_LIBARCHIVE_LIBRARY "")
if(NWAUDIT_LAZY_LIBARCHIVE AND NOT NWAUDIT_STANDALONE)
  set(linked "")
  foreach(library IN LISTS ARCHIVE_LINK_LIBRARIES)
    get_filename_component(file "${library}" NAME)
    if(file MATCHES "^libarchive\\.(so|dylib)")
      set(linked "${library}")
    endif()
  endforeach()
  if(linked)
    nwaudit_loader_name(NWAUDIT_LIBARCHIVE_LIBRARY "${linked}")
  endif()
  if(NOT NWAUDIT_LIBARCHIVE_LIBRARY)
    message(WARNING "Cannot tell the name the dynamic loader knows libarchive by (pkg-config's "
                    "'${ARCHIVE_LINK_LIBRARIES}' has no SONAME or install name that could be read): nwaudit links it "
                    "and loads it at every start. Configure with -DNWAUDIT_LAZY_LIBARCHIVE=OFF to say so.")
  endif()
endif()

add_library(nwaudit_libarchive INTERFACE)
if(NWAUDIT_LIBARCHIVE_LIBRARY)
  message(STATUS "libarchive: loaded when needed, as ${NWAUDIT_LIBARCHIVE_LIBRARY}")
  target_include_directories(nwaudit_libarchive INTERFACE ${ARCHIVE_INCLUDE_DIRS})
  target_compile_options(nwaudit_libarchive INTERFACE ${ARCHIVE_CFLAGS_OTHER})
  target_compile_definitions(nwaudit_libarchive INTERFACE NWAUDIT_LIBARCHIVE_LIBRARY="${NWAUDIT_LIBARCHIVE_LIBRARY}")
  target_link_libraries(nwaudit_libarchive INTERFACE ${CMAKE_DL_LIBS})
else()
  target_link_libraries(nwaudit_libarchive INTERFACE PkgConfig::ARCHIVE)
endif()
