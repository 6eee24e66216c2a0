#include "nwaudit/source/archive_members.h"

#include "archive_reader.h"

namespace nwaudit {

Expected<void> for_each_archive_member(const std::string& archive_path, const ArchiveLimits& limits,
                                       const std::function<bool(std::string_view name)>& wanted,
                                       const std::function<void(std::string_view name, Expected<std::string> bytes)>& take) {
  auto reader = archive::ArchiveReader::open_file(archive_path, limits);
  if (!reader) return std::move(reader).error();
  for (;;) {
    auto entry = (*reader)->next();
    if (!entry) return std::move(entry).error();
    if (*entry == nullptr) return {};
    const LibArchiveApi& api = (*reader)->api();
    const char* name = api.archive_entry_pathname(*entry);
    const bool regular = (api.archive_entry_filetype(*entry) & AE_IFMT) == AE_IFREG;
    if (!regular || name == nullptr || !wanted(name)) {
      if (auto skipped = (*reader)->skip_data(); !skipped) return std::move(skipped).error();
      continue;
    }
    const std::string member = name;
    auto bytes = (*reader)->read_data(limits.max_entry_bytes);
    if (!bytes && (*reader)->stopped()) return std::move(bytes).error();
    take(member, std::move(bytes));
  }
}

}  // namespace nwaudit
