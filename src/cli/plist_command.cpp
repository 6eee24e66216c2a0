#include "cli_support.h"
#include "exit_codes.h"
#include "nwaudit/plist/keyed_archive.h"
#include "nwaudit/plist/parse.h"
#include "nwaudit/plist/write_xml.h"

namespace nwaudit::cli {

int run_plist_command(const PlistOptions& options) {
  int status = exit_code::kOk;
  std::unique_ptr<Source> source = open_source(options.root ? options.root : std::optional<std::string>("/"), status);
  if (!source) return status;
  auto value = plist::read(*source, options.path);
  if (value && options.unarchive) {
    auto archive = plist::KeyedArchive::open(*value, options.path);
    value = archive ? archive->decode_top() : Expected<plist::Value>(archive.error());
  }
  if (!value) {
    complain(value.error().describe());
    return exit_code::kInputError;
  }
  return emit(plist::write_xml(*value), std::nullopt);
}

}  // namespace nwaudit::cli
