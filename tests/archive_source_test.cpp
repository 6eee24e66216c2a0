// ArchiveSource: a Mac's tree read from a .tar, .tar.gz or .zip, and every entry it refuses.
#include <doctest/doctest.h>

#include "archive_writer.h"
#include "nwaudit/source/archive_source.h"
#include "test_support.h"

using namespace nwaudit;
using nwaudit::test::ArchiveWriter;

namespace {

std::unique_ptr<ArchiveSource> open_archive(std::string bytes, const ArchiveLimits& limits = {}) {
  auto source = ArchiveSource::from_bytes(std::move(bytes), "test.tar", limits);
  REQUIRE_MESSAGE(source, source.error().describe());
  return std::move(*source);
}

std::string content_of(const Source& source, const std::string& path) {
  auto content = source.read_file(path, 1 << 20);
  REQUIRE_MESSAGE(content, content.error().describe());
  return *content;
}

// The Error for `path`, checked to be of `kind` and to name the entry in its reason.
void check_refused(const Source& source, const std::string& path, ErrorKind kind, const std::string& names) {
  auto file = source.open_file(path);
  REQUIRE_FALSE(file);
  CHECK(file.error().kind == kind);
  CHECK(file.error().path == path);
  CHECK_MESSAGE(file.error().reason.find(names) != std::string::npos, file.error().reason);
}

bool refusal_listed(const ArchiveSource& source, const std::string& path, const std::string& says) {
  for (const Error& refused : source.refused()) {
    if (refused.path == path && refused.reason.find(says) != std::string::npos) return true;
  }
  return false;
}

std::string small_mac(ArchiveWriter::Format format) {
  return ArchiveWriter(format)
      .folder("mac/")
      .file("mac/Library/Preferences/com.apple.alf.plist", "<plist/>", 0600)
      .file("mac/etc/pf.conf", "pass all\n")
      .folder("mac/Library/Extensions/")
      .symlink("mac/etc/pf.link", "/etc/pf.conf")
      .bytes();
}

}  // namespace

TEST_CASE("archive: a tar, a tar.gz and a zip read the same, their one top folder entered") {
  for (auto format : {ArchiveWriter::Format::tar, ArchiveWriter::Format::tar_gz, ArchiveWriter::Format::zip}) {
    auto source = open_archive(small_mac(format));
    CHECK(content_of(*source, "/Library/Preferences/com.apple.alf.plist") == "<plist/>");
    CHECK(content_of(*source, "/etc/pf.link") == "pass all\n");
    auto status = source->status("/Library/Preferences/com.apple.alf.plist");
    REQUIRE(status);
    CHECK(status->type == FileType::regular);
    CHECK(status->size == 8);
    CHECK(status->mode == 0600);
    CHECK(source->status("/")->type == FileType::directory);
    auto top = source->list_directory("/");
    REQUIRE(top);
    REQUIRE(top->size() == 2);
    CHECK((*top)[0].name == "Library");
    CHECK((*top)[1].name == "etc");
    auto etc = source->list_directory("/etc");
    REQUIRE(etc);
    REQUIRE(etc->size() == 2);
    CHECK((*etc)[1].type == FileType::symlink);
    CHECK(source->list_directory("/Library/Extensions")->empty());
    CHECK(*source->read_link("/etc/pf.link") == "/etc/pf.conf");
    CHECK(source->refused().empty());
  }
}

TEST_CASE("archive: a file is read at offsets, and not past its end") {
  auto source = open_archive(ArchiveWriter().file("a", "0123456789").bytes());
  auto file = source->open_file("/a");
  REQUIRE(file);
  CHECK((*file)->size() == 10);
  CHECK(*(*file)->read_at(3, 4) == "3456");
  auto past = (*file)->read_at(8, 4);
  REQUIRE_FALSE(past);
  CHECK(past.error().kind == ErrorKind::malformed);
  CHECK(past.error().path == "/a");
}

TEST_CASE("archive: a top folder named like a Mac's own is the tree, not a wrapper") {
  auto source = open_archive(ArchiveWriter().file("Library/Preferences/a.plist", "x").bytes());
  CHECK(content_of(*source, "/Library/Preferences/a.plist") == "x");
}

TEST_CASE("archive: macOS's __MACOSX folder and AppleDouble files do not stop the top folder being entered") {
  auto source = open_archive(ArchiveWriter()
                                 .file("mac/etc/pf.conf", "x")
                                 .file("__MACOSX/mac/etc/._pf.conf", "resource fork")
                                 .file("._mac", "resource fork")
                                 .bytes());
  CHECK(content_of(*source, "/etc/pf.conf") == "x");
}

TEST_CASE("archive: two top folders, or a top file, are the tree itself") {
  auto source = open_archive(ArchiveWriter().file("a/x", "1").file("b/y", "2").bytes());
  CHECK(content_of(*source, "/a/x") == "1");
  auto lone = open_archive(ArchiveWriter().file("notes.txt", "n").bytes());
  CHECK(content_of(*lone, "/notes.txt") == "n");
}

TEST_CASE("archive: links stay inside, as in a chroot") {
  auto source = open_archive(ArchiveWriter()
                                 .file("mac/etc/pf.conf", "inside")
                                 .symlink("mac/up", "../../../../etc/pf.conf")
                                 .symlink("mac/shadow", "/etc/shadow")
                                 .symlink("mac/Library/loop", "loop")
                                 .symlink("mac/Library/a", "b")
                                 .symlink("mac/Library/b", "a")
                                 .symlink("mac/etcdir", "etc")
                                 .bytes());
  CHECK(content_of(*source, "/up") == "inside");
  CHECK(content_of(*source, "/etcdir/pf.conf") == "inside");
  CHECK(content_of(*source, "/etcdir/../etc/pf.conf") == "inside");
  auto outside = source->open_file("/shadow");
  REQUIRE_FALSE(outside);
  CHECK(outside.error().kind == ErrorKind::not_found);
  for (const char* loop : {"/Library/loop", "/Library/a"}) {
    auto looped = source->status(loop);
    REQUIRE_FALSE(looped);
    CHECK(looped.error().kind == ErrorKind::link_loop);
  }
  CHECK(*source->read_link("/Library/loop") == "loop");
  CHECK(source->read_link("/etc/pf.conf").error().kind == ErrorKind::wrong_type);
  CHECK(source->open_file("/etc").error().kind == ErrorKind::wrong_type);
  CHECK(source->list_directory("/etc/pf.conf").error().kind == ErrorKind::wrong_type);
  CHECK(source->open_file("/etc/pf.conf/x").error().kind == ErrorKind::wrong_type);
}

TEST_CASE("archive: a hard link reads as the file it links to") {
  auto source = open_archive(ArchiveWriter().file("mac/a", "shared").hardlink("mac/b", "mac/a").bytes());
  CHECK(content_of(*source, "/b") == "shared");
  CHECK(source->refused().empty());
}

TEST_CASE("archive: a hard link out of the archive, or to nothing read before it, is refused") {
  auto source = open_archive(ArchiveWriter()
                                 .file("mac/a", "x")
                                 .folder("mac/d/")
                                 .hardlink("mac/out", "../etc/passwd")
                                 .hardlink("mac/abs", "/etc/passwd")
                                 .hardlink("mac/later", "mac/z")
                                 .hardlink("mac/folder", "mac/d")
                                 .file("mac/z", "z")
                                 .bytes());
  check_refused(*source, "/out", ErrorKind::malformed, "\"mac/out\" is refused: it is a hard link to \"../etc/passwd\", which leaves");
  check_refused(*source, "/abs", ErrorKind::malformed, "which leaves the archive");
  check_refused(*source, "/later", ErrorKind::malformed, "which is not a file earlier in the archive");
  check_refused(*source, "/folder", ErrorKind::malformed, "which is not a file earlier in the archive");
  CHECK(source->refused().size() == 4);
  CHECK(content_of(*source, "/z") == "z");
}

TEST_CASE("archive: absolute names and names with .. are refused where they would land") {
  auto source = open_archive(ArchiveWriter()
                                 .file("etc/hosts", "fine")
                                 .file("/etc/passwd", "absolute")
                                 .file("../../etc/pf.conf", "climbing")
                                 .file("etc/../etc/ok", "climbing back")
                                 .bytes());
  CHECK(content_of(*source, "/etc/hosts") == "fine");
  check_refused(*source, "/etc/passwd", ErrorKind::malformed, "\"/etc/passwd\" is refused: its name is an absolute path");
  check_refused(*source, "/etc/pf.conf", ErrorKind::malformed, "\"../../etc/pf.conf\" is refused: its name climbs out");
  check_refused(*source, "/etc/ok", ErrorKind::malformed, "\"etc/../etc/ok\"");
  CHECK(refusal_listed(*source, "/etc/passwd", "absolute"));
  CHECK(refusal_listed(*source, "/etc/pf.conf", "climbs out"));
  // A listing shows a refused entry, so that a collector asking for it learns why it is not read.
  auto etc = source->list_directory("/etc");
  REQUIRE(etc);
  CHECK(etc->size() == 4);
}

TEST_CASE("archive: devices, FIFOs and sockets are refused") {
  auto source = open_archive(ArchiveWriter()
                                 .file("mac/etc/hosts", "fine")
                                 .special("mac/dev/tty", AE_IFCHR)
                                 .special("mac/dev/disk0", AE_IFBLK)
                                 .special("mac/etc/pf.conf", AE_IFIFO)
                                 .bytes());
  check_refused(*source, "/dev/tty", ErrorKind::wrong_type, "\"mac/dev/tty\" is refused: it is a character device");
  check_refused(*source, "/dev/disk0", ErrorKind::wrong_type, "a block device");
  check_refused(*source, "/etc/pf.conf", ErrorKind::wrong_type, "a FIFO");
  CHECK(source->status("/etc/pf.conf").error().kind == ErrorKind::wrong_type);
  CHECK(source->refused().size() == 3);
  CHECK(refusal_listed(*source, "/dev/tty", "character device"));
  CHECK(content_of(*source, "/etc/hosts") == "fine");
}

TEST_CASE("archive: a name used twice is refused, whichever entry came first") {
  auto source = open_archive(ArchiveWriter()
                                 .file("mac/etc/pf.conf", "first")
                                 .file("mac/etc/pf.conf", "second")
                                 .file("mac/a/b", "inside a folder")
                                 .file("mac/a", "a file where a folder is")
                                 .file("mac/f", "a file")
                                 .file("mac/f/g", "inside a file")
                                 .folder("mac/etc/")
                                 .bytes());
  check_refused(*source, "/etc/pf.conf", ErrorKind::malformed, "\"mac/etc/pf.conf\" is refused: another entry has the same name");
  check_refused(*source, "/a", ErrorKind::malformed, "other entries are inside a folder of that name");
  CHECK(refusal_listed(*source, "/f/g", "a part of its name is an entry that is not a folder"));
  CHECK(source->status("/etc")->type == FileType::directory);  // an explicit folder over an implied one
  CHECK(content_of(*source, "/f") == "a file");
}

TEST_CASE("archive: an entry over the bound for one is refused, and the others read") {
  ArchiveLimits limits;
  limits.max_entry_bytes = 16;
  for (auto format : {ArchiveWriter::Format::tar, ArchiveWriter::Format::zip}) {
    auto source = open_archive(
        ArchiveWriter(format).file("mac/big", std::string(17, 'x')).file("mac/small", std::string(16, 'y')).bytes(), limits);
    check_refused(*source, "/big", ErrorKind::too_large, "\"mac/big\" is refused: its 17 bytes are over the limit of 16 bytes");
    CHECK(content_of(*source, "/small") == std::string(16, 'y'));
  }
}

TEST_CASE("archive: past the most entries, the rest are not read, and not reported missing") {
  ArchiveLimits limits;
  limits.max_entries = 2;
  auto source = open_archive(ArchiveWriter().file("mac/a", "1").file("mac/b", "2").file("mac/c", "3").bytes(), limits);
  CHECK(content_of(*source, "/b") == "2");
  auto unread = source->open_file("/c");
  REQUIRE_FALSE(unread);
  CHECK(unread.error().kind == ErrorKind::too_large);
  CHECK_MESSAGE(unread.error().reason.find("more than 2 entries") != std::string::npos, unread.error().reason);
  REQUIRE(!source->refused().empty());
  const Error& stopped = source->refused().back();
  CHECK(stopped.path == "test.tar");
  CHECK_MESSAGE(stopped.reason.find("the entries after \"mac/b\" were not read") != std::string::npos, stopped.reason);
}

TEST_CASE("archive: past the total bytes, the reading stops") {
  ArchiveLimits limits;
  limits.max_total_bytes = 3000;
  auto source = open_archive(
      ArchiveWriter().file("mac/a", std::string(100, 'a')).file("mac/b", std::string(4000, 'b')).file("mac/c", "c").bytes(),
      limits);
  CHECK(content_of(*source, "/a") == std::string(100, 'a'));
  check_refused(*source, "/b", ErrorKind::too_large, "the archive expands to more than 3000 bytes");
  CHECK(source->open_file("/c").error().kind == ErrorKind::too_large);
}

TEST_CASE("archive: an archive that expands too many times its size stops being read") {
  ArchiveLimits limits;
  limits.ratio_exempt_bytes = 64 << 10;
  const std::string bomb =
      ArchiveWriter(ArchiveWriter::Format::tar_gz).file("mac/a", "fine").file("mac/zeros", std::string(4 << 20, '\0')).bytes();
  auto source = open_archive(bomb, limits);
  CHECK(content_of(*source, "/a") == "fine");
  check_refused(*source, "/zeros", ErrorKind::too_large, "times its");
  // Without the bound it would have been read: the bound, not the size, refused it.
  ArchiveLimits lenient = limits;
  lenient.max_compression_ratio = 100'000;
  CHECK(open_archive(bomb, lenient)->open_file("/zeros"));
}

TEST_CASE("archive: a zip bomb's entries are bounded the same way") {
  ArchiveLimits limits;
  limits.ratio_exempt_bytes = 64 << 10;
  auto source = open_archive(ArchiveWriter(ArchiveWriter::Format::zip).file("mac/zeros", std::string(4 << 20, '\0')).bytes(), limits);
  check_refused(*source, "/zeros", ErrorKind::too_large, "times its");
}

TEST_CASE("archive: a damaged archive keeps the entries read before the damage") {
  std::string bytes = ArchiveWriter().file("mac/a", std::string(600, 'a')).file("mac/b", std::string(600, 'b')).bytes();
  bytes.resize(2048);  // into b's data
  auto source = open_archive(bytes);
  CHECK(content_of(*source, "/a") == std::string(600, 'a'));
  CHECK_FALSE(source->open_file("/b"));
  REQUIRE_FALSE(source->refused().empty());
  CHECK(source->refused().back().kind == ErrorKind::malformed);
}

TEST_CASE("archive: what is not an archive is an Error that says so") {
  auto opened = ArchiveSource::from_bytes("just some text, not an archive", "notes.txt");
  REQUIRE_FALSE(opened);
  CHECK(opened.error().path == "notes.txt");
  CHECK_MESSAGE(opened.error().reason.find("not an archive nwaudit reads") != std::string::npos, opened.error().reason);
  auto missing = ArchiveSource::open("/nonexistent/mac.tar.gz");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().kind == ErrorKind::not_found);
}

TEST_CASE("archive: its description names the file") {
  test::TempDir dir;
  dir.write("mac.tar", ArchiveWriter().file("mac/a", "x").bytes());
  const std::string path = (dir.path() / "mac.tar").string();
  auto source = ArchiveSource::open(path);
  REQUIRE(source);
  CHECK((*source)->description() == "the archive at " + path);
  CHECK(content_of(**source, "/a") == "x");
}

TEST_CASE("archive: the default bounds are the documented limits") {
  const ArchiveLimits limits;
  CHECK(limits.max_entries == 100'000);
  CHECK(limits.max_entry_bytes == 64u << 20);
  CHECK(limits.max_total_bytes == 256u << 20);
  CHECK(limits.max_compression_ratio == 100);
  CHECK(limits.ratio_exempt_bytes == 1u << 20);
}
