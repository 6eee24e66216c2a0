// An archive given as --root: indexed, then every path in it walked, listed, resolved and read.
#include <deque>

#include "fuzz_input.h"
#include "nwaudit/source/archive_source.h"

namespace {

// Small bounds, so that one input stays cheap whatever it claims.
nwaudit::ArchiveLimits fuzz_limits() {
  nwaudit::ArchiveLimits limits;
  limits.max_entries = 2000;
  limits.max_entry_bytes = 1 << 20;
  limits.max_total_bytes = 8 << 20;
  limits.ratio_exempt_bytes = 1 << 20;
  return limits;
}

void walk(const nwaudit::ArchiveSource& source) {
  constexpr std::size_t kMostPaths = 4000;
  std::deque<std::string> pending{"/"};
  std::size_t visited = 0;
  while (!pending.empty() && visited++ < kMostPaths) {
    const std::string path = std::move(pending.front());
    pending.pop_front();
    (void)source.status(path);
    (void)source.read_link(path);
    if (auto file = source.open_file(path)) {
      const std::uint64_t size = (*file)->size();
      (void)(*file)->read_at(0, static_cast<std::size_t>(size < 64 ? size : 64));
      (void)(*file)->read_at(size / 2, 1);
    }
    auto entries = source.list_directory(path);
    if (!entries) continue;
    for (const nwaudit::DirectoryEntry& entry : *entries) {
      pending.push_back((path == "/" ? path : path + "/") + entry.name);
      (void)source.list_directory(pending.back() + "/..");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto source = nwaudit::ArchiveSource::from_bytes(std::string(nwaudit::fuzz::bytes_of(data, size)), "fuzz.tar", fuzz_limits());
  if (!source) return 0;
  for (const nwaudit::Error& refused : (*source)->refused()) (void)refused.describe();
  walk(**source);
  return 0;
}
