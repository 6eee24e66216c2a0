#include "diff_input.h"

#include <filesystem>
#include <fstream>

#include "cli_support.h"
#include "exit_codes.h"
#include "nwaudit/rules/rule_files.h"
#include "nwaudit/version.h"

namespace nwaudit::cli {
namespace {

// The first bytes of a regular file; empty for anything else.
std::string first_bytes(const std::string& path) {
  std::error_code ignored;
  if (!std::filesystem::is_regular_file(path, ignored)) return {};
  std::ifstream file(path, std::ios::binary);
  std::string bytes(64, '\0');
  file.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(file.gcount()));
  return bytes;
}

std::optional<AuditedMac> failed(const Error& error, int code, int& status) {
  complain(error.describe());
  status = code;
  return std::nullopt;
}

// ---- Where the sysdiagnose opener plugs in: the one place a side becomes a Source. ----
// A folder or an archive through open_source, or, named so with --sysdiagnose, through
// open_sysdiagnose, which also checks that it is one; collect_facts reads a sysdiagnose as the
// snapshot it stands for either way.
std::optional<AuditedMac> audit_mac(const std::string& path, bool sysdiagnose, const Knowledge& knowledge, int& status) {
  const std::unique_ptr<Source> source = sysdiagnose ? open_sysdiagnose(path, status) : open_source(path, status);
  if (!source) return std::nullopt;
  const std::unique_ptr<Facts> facts = collect_mac_facts(*source, knowledge);
  pugi::xml_document document;
  document.reset(facts->document());
  return audit_facts(path, std::move(document), knowledge.rules);
}

}  // namespace

std::optional<AuditedMac> open_diff_side(const std::string& path, bool sysdiagnose, const Knowledge& knowledge,
                                         int& status) {
  const SavedKind kind = saved_kind(first_bytes(path));
  if (kind == SavedKind::neither || sysdiagnose) return audit_mac(path, sysdiagnose, knowledge, status);
  auto text = read_rule_file(path);
  if (!text) return failed(text.error(), exit_code::kInputError, status);
  if (kind == SavedKind::facts_document) {
    auto document = load_facts_document(*text, path);
    if (!document) return failed(document.error(), exit_code::kInputError, status);
    AuditedMac mac = audit_facts(path, std::move(*document), knowledge.rules);
    mac.result.source = "facts file " + path;
    return mac;
  }
  auto report = read_saved_report(path, *text, path);
  if (!report) return failed(report.error(), exit_code::kInputError, status);
  report->result.source = "report " + path + (report->result.source.empty() ? "" : " of " + report->result.source);
  return std::move(*report);
}

}  // namespace nwaudit::cli
