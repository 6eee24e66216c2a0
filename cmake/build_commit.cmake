# Run by the build (cmake -P), not at configure time: writes the commit the sources are at
# into OUTPUT as the C++ constant nwaudit::kBuildCommit, touching the file only when the
# commit changed, so that a new commit recompiles one file and an unchanged one nothing.
#   -DSOURCE_DIR=... -DGIT=... (empty when git is missing) -DOUTPUT=...
# "unknown" outside a git checkout: a release tarball, or a source tree inside someone
# else's repository (a distribution's packaging), which must not report that one's commit.
set(commit unknown)
if(GIT AND EXISTS "${SOURCE_DIR}/.git")
  execute_process(COMMAND "${GIT}" describe --always --dirty
                  WORKING_DIRECTORY "${SOURCE_DIR}"
                  OUTPUT_VARIABLE described OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE status ERROR_QUIET)
  if(status EQUAL 0 AND described MATCHES "^[A-Za-z0-9._+/-]+$")
    set(commit "${described}")
  endif()
endif()
set(content "#pragma once\n\nnamespace nwaudit {\ninline constexpr const char* kBuildCommit = \"${commit}\";\n}\n")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" previous)
endif()
if(NOT previous STREQUAL content)
  file(WRITE "${OUTPUT}" "${content}")
endif()
