#include "nwaudit/source/libarchive_api.h"

#include "libarchive_loader.h"

namespace nwaudit {
namespace {

#ifdef NWAUDIT_LIBARCHIVE_LIBRARY
// NWAUDIT_LIBARCHIVE_LIBRARY: the name (SONAME, install name) of the shared libarchive the
// build linked against, from cmake/libarchive.cmake. Loaded once, by the first caller.
const LoadedLibArchive& libarchive() {
  static const LoadedLibArchive loaded = open_libarchive(NWAUDIT_LIBARCHIVE_LIBRARY);
  return loaded;
}
#else
// Linked into the program (a standalone build's static libarchive).
const LoadedLibArchive& libarchive() {
#define NWAUDIT_LINKED_FUNCTION(name) &::name,
  static const LoadedLibArchive linked{{NWAUDIT_LIBARCHIVE_FUNCTIONS(NWAUDIT_LINKED_FUNCTION)}, {}};
#undef NWAUDIT_LINKED_FUNCTION
  return linked;
}
#endif

}  // namespace

Expected<const LibArchiveApi*> libarchive_api(const std::string& file) { return usable_libarchive(libarchive(), file); }

}  // namespace nwaudit
