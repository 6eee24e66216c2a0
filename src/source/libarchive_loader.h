#pragma once

#include <string>

#include "nwaudit/base/expected.h"
#include "nwaudit/source/libarchive_api.h"

namespace nwaudit {

// libarchive as one attempt to load it left it.
struct LoadedLibArchive {
  LibArchiveApi api;
  std::string failure;  // the dynamic loader's reason; empty when every function was found
};

// The shared library named `library`, opened with dlopen, and each of libarchive's functions
// looked up in it. When one is missing the library is closed again and no function is kept.
LoadedLibArchive open_libarchive(const char* library);

// The functions, or the Error for reading or writing `file` when they could not be loaded.
Expected<const LibArchiveApi*> usable_libarchive(const LoadedLibArchive& loaded, const std::string& file);

}  // namespace nwaudit
