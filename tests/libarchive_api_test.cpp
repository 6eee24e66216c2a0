// libarchive reached through one table of functions, loaded on demand: what a failed load gives.
#include <doctest/doctest.h>

#include "nwaudit/source/libarchive_api.h"
#include "source/libarchive_loader.h"

using namespace nwaudit;

namespace {

// A library every process has, which holds none of libarchive's functions.
#ifdef __APPLE__
constexpr const char* kLibraryWithoutLibarchive = "/usr/lib/libSystem.B.dylib";
#else
constexpr const char* kLibraryWithoutLibarchive = "libc.so.6";
#endif

bool no_function_kept(const LibArchiveApi& api) {
  bool none = true;
#define NWAUDIT_CHECK_NULL(name) none = none && api.name == nullptr;
  NWAUDIT_LIBARCHIVE_FUNCTIONS(NWAUDIT_CHECK_NULL)
#undef NWAUDIT_CHECK_NULL
  return none;
}

}  // namespace

TEST_CASE("libarchive: every function nwaudit calls is there") {
  auto api = libarchive_api("mac.tar.gz");
  REQUIRE_MESSAGE(api, api.error().describe());
#define NWAUDIT_CHECK_FOUND(name) CHECK_MESSAGE(static_cast<bool>((*api)->name), #name);
  NWAUDIT_LIBARCHIVE_FUNCTIONS(NWAUDIT_CHECK_FOUND)
#undef NWAUDIT_CHECK_FOUND
  CHECK(*libarchive_api("another.zip") == *api);
}

TEST_CASE("libarchive: a library that cannot be loaded is an Error about the archive, with the loader's reason") {
  const LoadedLibArchive loaded = open_libarchive("libnwaudit-not-a-library.so.0");
  CHECK(no_function_kept(loaded.api));
  auto api = usable_libarchive(loaded, "/Users/admin/mac.tar.gz");
  REQUIRE_FALSE(api);
  CHECK(api.error().kind == ErrorKind::io);
  CHECK(api.error().path == "/Users/admin/mac.tar.gz");
  CHECK(api.error().reason.rfind("libarchive could not be loaded: ", 0) == 0);
  CHECK_MESSAGE(api.error().reason.find("libnwaudit-not-a-library.so.0") != std::string::npos, api.error().reason);
}

TEST_CASE("libarchive: a library without its functions keeps none of them, and says which one is missing") {
  const LoadedLibArchive loaded = open_libarchive(kLibraryWithoutLibarchive);
  CHECK(no_function_kept(loaded.api));
  auto api = usable_libarchive(loaded, "bundle.tar.gz");
  REQUIRE_FALSE(api);
  CHECK(api.error().path == "bundle.tar.gz");
  CHECK_MESSAGE(api.error().reason.find("archive_errno") != std::string::npos, api.error().reason);
}
