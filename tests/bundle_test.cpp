#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "fake_source.h"
#include "nwaudit/bundle/atomic_file.h"
#include "nwaudit/bundle/bundle_archive.h"
#include "nwaudit/bundle/bundle_contents.h"
#include "nwaudit/bundle/manifest.h"
#include "nwaudit/bundle/recording_source.h"
#include "nwaudit/facts/collectors.h"
#include "nwaudit/facts/read_errors.h"
#include "nwaudit/rules/knowledge.h"
#include "nwaudit/rules/rule_files.h"
#include "nwaudit/source/archive_source.h"
#include "nwaudit/source/rooted_source.h"
#include "test_support.h"

namespace {

using namespace nwaudit;
using namespace nwaudit::bundle;
using nwaudit::test::TempDir;

const VendorCatalog& vendors() {
  static const Knowledge knowledge = load_knowledge({std::string(NWAUDIT_FIXTURES) + "/../rules"});
  return knowledge.vendors;
}

// The facts document of a source, without the attribute that names the source.
std::string facts_of(const Source& mac) {
  Facts facts("test", "");
  collect_facts(mac, vendors(), facts);
  return facts.to_xml();
}

// What collecting through a RecordingSource learns, copied without redaction.
struct Collected {
  std::string facts;
  BundleContents contents;
};

Collected collect(const Source& mac, const ContentsLimits& limits = {}) {
  const ReadErrorReplay replayed(mac);
  const RecordingSource recorder(replayed);
  Collected collected{facts_of(recorder), {}};
  auto contents = copy_what_was_read(replayed, recorder.accesses(), replayed.unasked(), nullptr, limits);
  REQUIRE(contents);
  collected.contents = std::move(*contents);
  return collected;
}

// The contents as the archive a bundle holds, read back.
std::unique_ptr<ArchiveSource> archive_of(const BundleContents& contents) {
  std::vector<ArchiveMember> members{{"top", FileType::directory, {}, {}}};
  for (const BundleMember& member : contents.members) {
    members.push_back({member_name("top", member.path), member.type, member.content, member.link_target});
  }
  auto bytes = write_archive(members, Compression::gzip, 0);
  REQUIRE(bytes);
  auto archive = ArchiveSource::from_bytes(*bytes, "bundle.tar.gz");
  REQUIRE(archive);
  CHECK((*archive)->refused().empty());
  return std::move(*archive);
}

const BundleMember* member_at(const BundleContents& contents, const std::string& path) {
  for (const BundleMember& member : contents.members) {
    if (member.path == path) return &member;
  }
  return nullptr;
}

std::unique_ptr<Source> tree(const std::filesystem::path& root) {
  auto source = RootedSource::open(root.string());
  REQUIRE(source);
  return std::move(*source);
}

}  // namespace

TEST_CASE("bundle: every fixture Mac's copy gives the same facts as the Mac") {
  for (const auto& mac : std::filesystem::directory_iterator(test::fixture_path("macs"))) {
    if (!mac.is_directory()) continue;
    CAPTURE(mac.path().filename().string());
    const auto source = tree(mac.path());
    const Collected collected = collect(*source);
    CHECK(facts_of(*archive_of(collected.contents)) == collected.facts);
  }
}

TEST_CASE("bundle: a file the Mac would not let nwaudit read stays unreadable, not missing") {
  auto failing = std::make_unique<test::FailingSource>(tree(test::fixture_path("macs/sonoma")));
  failing->fail("/Library/Preferences/com.apple.alf.plist", ErrorKind::permission_denied, "Permission denied");
  failing->fail("/Library/Extensions", ErrorKind::permission_denied, "Permission denied");
  const Collected collected = collect(*failing);
  CHECK(collected.facts.find(R"(path="/Library/Preferences/com.apple.alf.plist" status="unreadable")") !=
        std::string::npos);
  CHECK(member_at(collected.contents, "/Library/Preferences/com.apple.alf.plist") == nullptr);
  REQUIRE(collected.contents.read_errors.size() == 2);
  CHECK(collected.contents.read_errors[0].call == SourceCall::list_directory);
  CHECK(collected.contents.read_errors[0].path == "/Library/Extensions");
  CHECK(member_at(collected.contents, "/.nwaudit/read-errors.plist") != nullptr);
  CHECK(facts_of(*archive_of(collected.contents)) == collected.facts);
}

TEST_CASE("bundle: folders keep the names they listed, without what was not read") {
  const TempDir mac;
  mac.write("System/Library/CoreServices/SystemVersion.plist", test::fixture("macs/sonoma/System/Library/CoreServices/SystemVersion.plist"));
  mac.write("Library/Extensions/notes.txt", "private notes");
  std::filesystem::create_directories(mac.path() / "Library/StagedExtensions");
  mac.link("Library/Extensions/Elsewhere.kext", "/Volumes/Other/Elsewhere.kext");
  const auto source = tree(mac.path());
  const Collected collected = collect(*source);

  const BundleMember* notes = member_at(collected.contents, "/Library/Extensions/notes.txt");
  REQUIRE(notes != nullptr);
  CHECK(notes->name_only);
  CHECK(notes->content.empty());
  const BundleMember* link = member_at(collected.contents, "/Library/Extensions/Elsewhere.kext");
  REQUIRE(link != nullptr);
  CHECK(link->type == FileType::symlink);
  CHECK(link->link_target == "/Volumes/Other/Elsewhere.kext");
  const BundleMember* staged = member_at(collected.contents, "/Library/StagedExtensions");
  REQUIRE(staged != nullptr);
  CHECK(staged->type == FileType::directory);
  CHECK(member_at(collected.contents, "/Library/Preferences/com.apple.alf.plist") == nullptr);
  CHECK(member_at(collected.contents, "/System/Library/CoreServices/SystemVersion.plist")->content.size() > 0);
  CHECK(facts_of(*archive_of(collected.contents)) == collected.facts);
}

TEST_CASE("bundle: past the size a bundle may hold, a clear error; one file too large is not read") {
  const auto source = tree(test::fixture_path("macs/sonoma"));
  const ReadErrorReplay mac(*source);
  const RecordingSource recorder(mac);
  facts_of(recorder);

  ContentsLimits small;
  small.max_total_bytes = 100;
  auto over = copy_what_was_read(mac, recorder.accesses(), {}, nullptr, small);
  REQUIRE_FALSE(over);
  CHECK(over.error().kind == ErrorKind::too_large);
  CHECK(over.error().reason.find("over the limit of 100 a bundle may hold") != std::string::npos);

  ContentsLimits one_file;
  one_file.max_file_bytes = 200;
  auto copied = copy_what_was_read(mac, recorder.accesses(), {}, nullptr, one_file);
  REQUIRE(copied);
  bool noted = false;
  for (const ReadError& error : copied->read_errors) noted = noted || error.error.kind == ErrorKind::too_large;
  CHECK(noted);
  for (const BundleMember& member : copied->members) {
    if (member.path != "/.nwaudit/read-errors.plist") CHECK(member.content.size() <= 200);
  }

  ContentsLimits few;
  few.max_members = 3;
  auto crowded = copy_what_was_read(mac, recorder.accesses(), {}, nullptr, few);
  REQUIRE_FALSE(crowded);
  CHECK(crowded.error().reason.find("files and folders, over the limit of 3") != std::string::npos);
}

TEST_CASE("read errors: written, read back and answered for the call they were recorded for") {
  const std::vector<ReadError> recorded{
      {SourceCall::open_file, "/Library/a.plist", {}, Error{ErrorKind::permission_denied, "/Library/a.plist", {}, "Permission denied"}},
      {std::nullopt, "/dev/tty", "archive", Error{ErrorKind::wrong_type, "/dev/tty", "entry 3", "a device"}},
  };
  const std::string text = read_errors_plist(recorded);
  auto parsed = parse_read_errors(text, "/.nwaudit/read-errors.plist");
  REQUIRE(parsed);
  REQUIRE(parsed->size() == 2);
  CHECK((*parsed)[0].call == SourceCall::open_file);
  CHECK((*parsed)[0].error.reason == "Permission denied");
  CHECK((*parsed)[1].collector == "archive");
  CHECK((*parsed)[1].error.location == "entry 3");

  const TempDir mac;
  mac.write("Library/a.plist", "<plist><dict/></plist>");
  mac.write(".nwaudit/read-errors.plist", text);
  const auto source = tree(mac.path());
  const ReadErrorReplay replay(*source);
  CHECK_FALSE(replay.problem());
  auto opened = replay.open_file("/Library/a.plist");
  REQUIRE_FALSE(opened);
  CHECK(opened.error().kind == ErrorKind::permission_denied);
  CHECK(replay.status("/Library/a.plist"));  // stat works where open does not, as on a Mac
  CHECK(replay.status("/.nwaudit/read-errors.plist").error().kind == ErrorKind::not_found);
  auto listed = replay.list_directory("/.nwaudit");
  REQUIRE(listed);
  CHECK(listed->empty());
  REQUIRE(replay.unasked().size() == 1);

  Facts facts("test", "");
  collect_facts(*source, vendors(), facts);
  CHECK(facts.to_xml().find(R"(collector="archive" path="/dev/tty" status="broken")") != std::string::npos);
}

TEST_CASE("read errors: a capture that is not a list of them is a problem in coverage") {
  CHECK_FALSE(parse_read_errors("<plist><dict/></plist>", "/x"));
  CHECK_FALSE(parse_read_errors("<plist><array><dict><key>path</key><string>/a</string></dict></array></plist>", "/x"));
  CHECK_FALSE(parse_read_errors(
      "<plist><array><dict><key>path</key><string>/a</string><key>problem</key><string>gone</string>"
      "<key>call</key><string>open-file</string></dict></array></plist>",
      "/x"));
  const TempDir mac;
  mac.write(".nwaudit/read-errors.plist", "not a plist");
  Facts facts("test", "");
  collect_facts(*tree(mac.path()), vendors(), facts);
  CHECK(facts.to_xml().find(R"(collector="snapshot" path="/.nwaudit/read-errors.plist" status="broken")") !=
        std::string::npos);
}

TEST_CASE("atomic file: in place whole on commit, and nothing left without it") {
  const TempDir folder;
  const std::string destination = (folder.path() / "bundle.tar.gz").string();
  {
    auto file = AtomicFile::create(destination);
    REQUIRE(file);
    REQUIRE(file->write("half"));
    CHECK(std::filesystem::exists(file->temporary_path()));
  }
  CHECK(std::filesystem::is_empty(folder.path()));

  auto file = AtomicFile::create(destination);
  REQUIRE(file);
  REQUIRE(file->write("whole"));
  REQUIRE(file->commit());
  CHECK(test::slurp(destination) == "whole");
  CHECK(std::distance(std::filesystem::directory_iterator(folder.path()), {}) == 1);

  std::filesystem::create_directories(folder.path() / "taken" / "inside");
  {
    auto blocked = AtomicFile::create((folder.path() / "taken").string());
    REQUIRE(blocked);
    REQUIRE(blocked->write("x"));
    auto committed = blocked->commit();
    REQUIRE_FALSE(committed);
    CHECK(committed.error().path == (folder.path() / "taken").string());
  }
  CHECK(std::distance(std::filesystem::directory_iterator(folder.path()), {}) == 2);
  CHECK_FALSE(AtomicFile::create((folder.path() / "missing" / "b.tar.gz").string()));
}

TEST_CASE("bundle archive: files, links and empty folders read back as written, with no owner named") {
  const std::vector<ArchiveMember> members{
      {"top", FileType::directory, {}, {}},
      {"top/Library", FileType::directory, {}, {}},
      {"top/Library/Extensions", FileType::directory, {}, {}},
      {"top/Library/a.plist", FileType::regular, "<plist/>", {}},
      {"top/Library/link", FileType::symlink, {}, "/Library/a.plist"},
  };
  auto bytes = write_archive(members, Compression::none, 1'700'000'000);
  REQUIRE(bytes);
  CHECK(bytes->find("root") == std::string::npos);
  auto archive = ArchiveSource::from_bytes(*bytes, "b.tar");
  REQUIRE(archive);
  CHECK((*archive)->refused().empty());
  auto content = (*archive)->read_file("/Library/a.plist", 100);
  REQUIRE(content);
  CHECK(*content == "<plist/>");
  auto target = (*archive)->read_link("/Library/link");
  REQUIRE(target);
  CHECK(*target == "/Library/a.plist");
  auto listed = (*archive)->list_directory("/Library/Extensions");
  REQUIRE(listed);
  CHECK(listed->empty());
  auto status = (*archive)->status("/Library/a.plist");
  REQUIRE(status);
  CHECK(status->modified_unix_seconds == 1'700'000'000);
}
