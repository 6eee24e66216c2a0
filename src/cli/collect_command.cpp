#include <fmt/core.h>

#include <ctime>
#include <optional>

#include "cli_support.h"
#include "exit_codes.h"
#include "progress.h"
#include "nwaudit/bundle/atomic_file.h"
#include "nwaudit/bundle/bundle_archive.h"
#include "nwaudit/bundle/bundle_contents.h"
#include "nwaudit/bundle/manifest.h"
#include "nwaudit/bundle/recording_source.h"
#include "nwaudit/facts/read_errors.h"
#include "nwaudit/redact/redactor.h"
#include "nwaudit/report/report.h"
#include "nwaudit/source/archive_source.h"
#include "nwaudit/version.h"

namespace nwaudit::cli {
namespace {

using bundle::ArchiveMember;
using bundle::BundleContents;

std::string time_text(std::time_t when, const char* format, bool utc) {
  std::tm parts{};
  if (utc) {
    ::gmtime_r(&when, &parts);
  } else {
    ::localtime_r(&when, &parts);
  }
  char text[64];
  return std::string(text, std::strftime(text, sizeof text, format, &parts));
}

std::string human_size(std::uint64_t bytes) {
  if (bytes < 1024) return fmt::format("{} bytes", bytes);
  if (bytes < (1u << 20)) return fmt::format("{:.1f} KiB", static_cast<double>(bytes) / 1024);
  return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1u << 20));
}

// What the Mac's source reported without being asked: an archive's refused entries, a
// snapshot's read-errors.plist that could not be used, and the failures that one lists so.
std::vector<ReadError> unasked_errors(const Source& opened, const ReadErrorReplay& mac) {
  std::vector<ReadError> unasked = mac.unasked();
  if (const auto* archive = dynamic_cast<const ArchiveSource*>(&opened)) {
    for (const Error& refused : archive->refused()) unasked.push_back({std::nullopt, refused.path, "archive", refused});
  }
  if (mac.problem()) unasked.push_back({std::nullopt, mac.problem()->path, "snapshot", *mac.problem()});
  return unasked;
}

std::vector<ArchiveMember> archive_members(const std::string& top_folder, const BundleContents& contents) {
  std::vector<ArchiveMember> members{{top_folder, FileType::directory, {}, {}}};
  for (const bundle::BundleMember& member : contents.members) {
    members.push_back({bundle::member_name(top_folder, member.path), member.type, member.content, member.link_target});
  }
  return members;
}

// The audit of the copy, read as `nwaudit audit --root BUNDLE` will read it.
Expected<AuditResult> audit_copy(const std::vector<ArchiveMember>& members, const std::string& name,
                                 const Knowledge& knowledge, std::time_t now) {
  auto tar = bundle::write_archive(members, bundle::Compression::none, now);
  if (!tar) return std::move(tar).error();
  auto copy = ArchiveSource::from_bytes(std::move(*tar), name);
  if (!copy) return std::move(copy).error();
  if (!(*copy)->refused().empty()) return (*copy)->refused().front();
  const std::unique_ptr<Facts> facts = collect_mac_facts(**copy, knowledge);
  AuditResult result = audit_with(facts->document(), knowledge);
  result.source = (*copy)->description();
  return result;
}

// The written bundle, checked: nwaudit reads it back whole.
Expected<void> check_reads_back(const std::string& path) {
  auto written = ArchiveSource::open(path);
  if (!written) return std::move(written).error();
  if (!(*written)->refused().empty()) return (*written)->refused().front();
  return {};
}

struct WrittenBundle {
  std::uint64_t size = 0;
};

// "nwaudit-20261206-143000": the bundle's folder, and its file's name unless -o gives another.
std::string bundle_name(std::time_t now) { return "nwaudit-" + time_text(now, "%Y%m%d-%H%M%S", false); }

Expected<WrittenBundle> write_bundle(const Source& opened, const CollectOptions& options, const std::string& output,
                                     const Knowledge& knowledge, std::time_t now, Progress& progress) {
  const std::string top_folder = bundle_name(now);

  // What the collectors read and could not read, learnt by collecting through a recording source.
  const ReadErrorReplay mac(opened);
  const bundle::RecordingSource recorder(mac, [&](std::string_view path) { progress.show("reading " + std::string(path)); });
  collect_mac_facts(recorder, knowledge);

  std::optional<redact::Redactor> redactor;
  if (!options.no_redact) redactor.emplace();
  redact::Redactor* redacting = redactor ? &*redactor : nullptr;
  auto contents = bundle::copy_what_was_read(mac, recorder.accesses(), unasked_errors(opened, mac), redacting, {},
                                             [&](std::size_t done, std::size_t total) {
                                               progress.show(fmt::format("copying file {} of {}", done, total));
                                             });
  if (!contents) return std::move(contents).error();
  // A bundle collected again has its own files beside the Mac's; the new ones take their place.
  std::erase_if(contents->members, [](const bundle::BundleMember& member) {
    return member.path == "/manifest.json" || member.path == "/report.md" || member.path == "/report.json";
  });

  progress.show("auditing the copy");
  std::vector<ArchiveMember> members = archive_members(top_folder, *contents);
  auto result = audit_copy(members, output, knowledge, now);
  if (!result) return std::move(result).error();
  auto redacted = [&](std::string text) { return redactor ? redactor->text(text) : text; };
  std::vector<bundle::BundleExtra> reports{
      {top_folder + "/report.md", redacted(render_report(*result, ReportFormat::markdown))},
      {top_folder + "/report.json", redacted(render_report(*result, ReportFormat::json))},
  };
  bundle::ManifestInput manifest{kVersion, time_text(now, "%Y-%m-%dT%H:%M:%SZ", true), result->host.version,
                                 result->host.build, redacted(opened.description()), top_folder, redactor.has_value(),
                                 redactor ? redactor->kinds() : std::vector<redact::RedactedKind>{}, {}};
  for (const CoverageEntry& entry : result->coverage) {
    if (entry.status == "missing") manifest.missing.push_back(entry.path);
  }
  members.push_back({top_folder + "/manifest.json", FileType::regular,
                     redacted(bundle::manifest_json(manifest, *contents, reports)), {}});
  for (bundle::BundleExtra& report : reports) members.push_back({report.member, FileType::regular, report.content, {}});

  progress.show("writing " + output);
  auto packed = bundle::write_archive(members, bundle::Compression::gzip, now);
  if (!packed) return std::move(packed).error();
  auto file = bundle::AtomicFile::create(output);
  if (!file) return std::move(file).error();
  if (auto written = file->write(*packed); !written) return std::move(written).error();
  if (auto whole = check_reads_back(file->temporary_path()); !whole) {
    Error error = whole.error();
    error.reason = "the bundle would not read back whole (" + error.path + ": " + error.reason + ")";
    error.path = output;
    return error;
  }
  if (auto committed = file->commit(); !committed) return std::move(committed).error();
  return WrittenBundle{packed->size()};
}

}  // namespace

int run_collect_command(const CollectOptions& options) {
#ifndef __APPLE__
  if (!options.root) {
    complain("collect reads the Mac it runs on, and this is not macOS.\n"
             "  To bundle a copy of a Mac (a snapshot folder or an archive of one), name it: nwaudit collect --root DIR");
    return exit_code::kUsage;
  }
#endif
  if (options.output == "-") {
    complain("collect writes a file, which it names itself or -o FILE names: not standard output");
    return exit_code::kUsage;
  }
  const std::time_t now = std::time(nullptr);
  const std::string output = options.output.value_or(bundle_name(now) + ".tar.gz");
  int status = exit_code::kOk;
  const std::unique_ptr<Source> source = open_source(options.root, status);
  if (!source) return status;
  const Knowledge knowledge = load_knowledge_for(InputOptions{});

  Expected<WrittenBundle> written = Error{};
  {
    Progress progress;  // erased before anything else is printed
    written = write_bundle(*source, options, output, knowledge, now, progress);
  }
  if (!written) {
    complain(written.error().describe());
    return exit_code::kInputError;
  }
  fmt::print("{} ({})\n", output, human_size(written->size));
  if (options.no_redact) {
    fmt::print(stderr, "nwaudit: not redacted: the bundle holds user and host names, serial numbers, addresses and "
                       "network names as they are on the Mac\n");
  }
  return knowledge.problems.empty() ? exit_code::kOk : exit_code::kRuleError;
}

}  // namespace nwaudit::cli
