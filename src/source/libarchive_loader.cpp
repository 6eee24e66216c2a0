#include "libarchive_loader.h"

#include <dlfcn.h>

namespace nwaudit {
namespace {

std::string loader_reason(const char* fallback) {
  const char* reason = ::dlerror();
  return reason != nullptr ? reason : fallback;
}

template <class Function>
bool look_up(void* library, const char* name, Function& function, std::string& failure) {
  ::dlerror();
  void* symbol = ::dlsym(library, name);
  if (symbol == nullptr) {
    failure = loader_reason(name);
    return false;
  }
  function = reinterpret_cast<Function>(symbol);
  return true;
}

}  // namespace

LoadedLibArchive open_libarchive(const char* library) {
  LoadedLibArchive loaded;
  void* handle = ::dlopen(library, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    loaded.failure = loader_reason(library);
    return loaded;
  }
#define NWAUDIT_LOOK_UP(name)                                     \
  if (!look_up(handle, #name, loaded.api.name, loaded.failure)) { \
    ::dlclose(handle);                                            \
    loaded.api = {};                                              \
    return loaded;                                                \
  }
  NWAUDIT_LIBARCHIVE_FUNCTIONS(NWAUDIT_LOOK_UP)
#undef NWAUDIT_LOOK_UP
  return loaded;
}

Expected<const LibArchiveApi*> usable_libarchive(const LoadedLibArchive& loaded, const std::string& file) {
  if (!loaded.failure.empty()) {
    return Error{ErrorKind::io, file, {}, "libarchive could not be loaded: " + loaded.failure};
  }
  return &loaded.api;
}

}  // namespace nwaudit
