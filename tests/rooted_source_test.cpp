#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nwaudit/base/limits.h"
#include "nwaudit/source/rooted_source.h"
#include "test_support.h"

using namespace nwaudit;
using nwaudit::test::TempDir;

namespace {

// Each test that makes a Tree runs twice: once as nwaudit runs (the kernel opening runs of
// directories where it can refuse links on its own), once opening one directory at a time.
PathResolution each_resolution() {
  PathResolution resolution = PathResolution::kernel;
  SUBCASE("kernel resolution") { resolution = PathResolution::kernel; }
  SUBCASE("portable resolution") { resolution = PathResolution::portable; }
  return resolution;
}

// outer/secret.txt sits beside the root; nothing may ever read it through the source.
struct Tree {
  TempDir outer;
  std::unique_ptr<RootedSource> source;

  Tree() {
    outer.write("secret.txt", "outside the root");
    outer.write("root/Library/Preferences/a.plist", "inside");
    outer.write("root/Volumes/External/Extensions/x.kext/Contents/Info.plist", "kext info");
    std::filesystem::create_directories(outer.path() / "root/Library/Extensions");
    auto opened = RootedSource::open((outer.path() / "root").string(), each_resolution());
    REQUIRE(opened);
    source = std::move(*opened);
  }
  void link(const std::string& relative, const std::string& target) const { outer.link("root/" + relative, target); }
};

std::string modification_time(const struct stat& info) {
#ifdef __APPLE__
  const timespec& time = info.st_mtimespec;
#else
  const timespec& time = info.st_mtim;
#endif
  return std::to_string(time.tv_sec) + "." + std::to_string(time.tv_nsec);
}

}  // namespace

TEST_CASE("reads a file and reports its status") {
  Tree tree;
  auto content = tree.source->read_file("/Library/Preferences/a.plist", 1024);
  REQUIRE(content);
  CHECK(*content == "inside");
  auto status = tree.source->status("/Library/Preferences/a.plist");
  REQUIRE(status);
  CHECK(status->type == FileType::regular);
  CHECK(status->size == 6);
  CHECK(tree.source->status("/")->type == FileType::directory);
}

TEST_CASE("an absolute link resolves against the root, not the host") {
  Tree tree;
  tree.link("Library/Extensions/x.kext", "/Volumes/External/Extensions/x.kext");
  auto content = tree.source->read_file("/Library/Extensions/x.kext/Contents/Info.plist", 1024);
  REQUIRE(content);
  CHECK(*content == "kext info");
  auto target = tree.source->read_link("/Library/Extensions/x.kext");
  REQUIRE(target);
  CHECK(*target == "/Volumes/External/Extensions/x.kext");
  CHECK(tree.source->status("/Library/Extensions/x.kext")->type == FileType::directory);
}

TEST_CASE("nothing escapes the root") {
  Tree tree;
  const std::string host_secret = (tree.outer.path() / "secret.txt").string();

  SUBCASE("dot-dot in the path stops at the root") {
    auto content = tree.source->read_file("/../secret.txt", 1024);
    REQUIRE_FALSE(content);
    CHECK(content.error().kind == ErrorKind::not_found);
    CHECK(*tree.source->read_file("/../../Library/Preferences/a.plist", 1024) == "inside");
  }
  SUBCASE("a relative link climbing out stops at the root") {
    tree.link("escape", "../../../secret.txt");
    auto content = tree.source->read_file("/escape", 1024);
    REQUIRE_FALSE(content);
    CHECK(content.error().kind == ErrorKind::not_found);
  }
  SUBCASE("an absolute link to a host path stays inside") {
    tree.link("escape", host_secret);
    CHECK_FALSE(tree.source->read_file("/escape", 1024));
    tree.link("shadow", "/etc/shadow");
    auto shadow = tree.source->read_file("/shadow", 1024);
    REQUIRE_FALSE(shadow);
    CHECK(shadow.error().kind == ErrorKind::not_found);
  }
  SUBCASE("a directory link climbing out stays inside") {
    tree.link("Library/up", "../..");
    CHECK(*tree.source->read_file("/Library/up/Library/Preferences/a.plist", 1024) == "inside");
    CHECK_FALSE(tree.source->read_file("/Library/up/secret.txt", 1024));
    auto listing = tree.source->list_directory("/Library/up/..");
    REQUIRE(listing);
    for (const auto& entry : *listing) CHECK(entry.name != "secret.txt");
  }
}

TEST_CASE("link loops are errors that name the path") {
  Tree tree;
  tree.link("a", "b");
  tree.link("b", "a");
  tree.link("self", "self");
  for (const char* path : {"/a", "/self", "/a/below"}) {
    auto content = tree.source->read_file(path, 1024);
    REQUIRE_FALSE(content);
    CHECK(content.error().kind == ErrorKind::link_loop);
    CHECK(content.error().path == path);
    CHECK(content.error().describe().find(path) == 0);
  }
}

TEST_CASE("only regular files are read, and never by blocking") {
  Tree tree;
  const auto fifo = tree.outer.path() / "root/fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  auto content = tree.source->read_file("/fifo", 1024);
  REQUIRE_FALSE(content);
  CHECK(content.error().kind == ErrorKind::wrong_type);
  CHECK(content.error().reason.find("FIFO") != std::string::npos);

  tree.link("null", "/dev/null");  // resolves to <root>/dev/null, which does not exist
  CHECK(tree.source->read_file("/null", 1024).error().kind == ErrorKind::not_found);

  auto directory = tree.source->read_file("/Library", 1024);
  REQUIRE_FALSE(directory);
  CHECK(directory.error().kind == ErrorKind::wrong_type);
}

TEST_CASE("a file through a non-directory is wrong_type; a missing one is not_found") {
  Tree tree;
  CHECK(tree.source->read_file("/Library/Preferences/a.plist/x", 1024).error().kind == ErrorKind::wrong_type);
  auto missing = tree.source->read_file("/Library/Preferences/missing.plist", 1024);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().kind == ErrorKind::not_found);
  CHECK(missing.error().describe() == "/Library/Preferences/missing.plist: No such file or directory");
}

TEST_CASE("files over the limit are refused with their size") {
  Tree tree;
  auto content = tree.source->read_file("/Library/Preferences/a.plist", 3);
  REQUIRE_FALSE(content);
  CHECK(content.error().kind == ErrorKind::too_large);
  CHECK(content.error().reason == "6 bytes, over the limit of 3");
}

TEST_CASE("directories are listed sorted with entry types") {
  Tree tree;
  tree.outer.write("root/Library/Preferences/b.plist", "b");
  tree.link("Library/Preferences/c.plist", "a.plist");
  auto listing = tree.source->list_directory("/Library/Preferences");
  REQUIRE(listing);
  REQUIRE(listing->size() == 3);
  CHECK((*listing)[0].name == "a.plist");
  CHECK((*listing)[1].name == "b.plist");
  CHECK((*listing)[2].name == "c.plist");
  CHECK((*listing)[2].type == FileType::symlink);
  CHECK(tree.source->list_directory("/Library/Preferences/a.plist").error().kind == ErrorKind::wrong_type);
  CHECK(tree.source->read_link("/Library/Preferences/a.plist").error().kind == ErrorKind::wrong_type);
}

TEST_CASE("the root can be listed again and again") {
  Tree tree;
  tree.link("Library/top", "/");
  for (const char* path : {"/", "/", "/Library/top", "/Library/.."}) {
    auto listing = tree.source->list_directory(path);
    REQUIRE(listing);
    CHECK(listing->size() == 2);  // Library and Volumes
  }
}

TEST_CASE("unreadable files are permission_denied") {
  if (::geteuid() == 0) {
    MESSAGE("SKIPPED: running as root, which reads files whatever their mode");
    return;
  }
  Tree tree;
  const auto file = tree.outer.path() / "root/Library/Preferences/a.plist";
  std::filesystem::permissions(file, std::filesystem::perms::none);
  CHECK(tree.source->read_file("/Library/Preferences/a.plist", 1024).error().kind == ErrorKind::permission_denied);
}

TEST_CASE("reading never changes the tree") {
  Tree tree;
  tree.link("Library/Extensions/x.kext", "/Volumes/External/Extensions/x.kext");
  auto snapshot = [&] {
    std::string state;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(tree.outer.path())) {
      struct stat info {};
      REQUIRE(::lstat(entry.path().c_str(), &info) == 0);
      state += entry.path().string() + " " + std::to_string(info.st_mode) + " " + std::to_string(info.st_size) +
               " " + modification_time(info) + "\n";
    }
    return state;
  };
  const std::string before = snapshot();
  (void)tree.source->read_file("/Library/Extensions/x.kext/Contents/Info.plist", 1024);
  (void)tree.source->list_directory("/Library/Extensions");
  (void)tree.source->status("/Volumes");
  (void)tree.source->read_link("/Library/Extensions/x.kext");
  CHECK(snapshot() == before);
}

TEST_CASE("opening a root that is not a directory fails with its path") {
  TempDir temp;
  temp.write("file", "x");
  auto opened = RootedSource::open((temp.path() / "file").string());
  REQUIRE_FALSE(opened);
  CHECK(opened.error().describe().find("cannot open the root directory") != std::string::npos);
  CHECK_FALSE(RootedSource::open((temp.path() / "missing").string()));
}

TEST_CASE("links anywhere on a long path are followed inside the root, again and again") {
  Tree tree;
  tree.link("A/B/C/external", "/Volumes/External");
  tree.link("A/B/C/up", "../../..");
  for (int round = 0; round < 2; ++round) {  // the second time, through the folders kept open
    CHECK(*tree.source->read_file("/A/B/C/external/Extensions/x.kext/Contents/Info.plist", 1024) == "kext info");
    CHECK(*tree.source->read_file("/A/B/C/up/Library/Preferences/a.plist", 1024) == "inside");
    CHECK(*tree.source->read_file("/A/B/C/up/A/B/C/up/../Library/Preferences/a.plist", 1024) == "inside");
    CHECK(tree.source->read_file("/A/B/C/up/../secret.txt", 1024).error().kind == ErrorKind::not_found);
    CHECK(tree.source->list_directory("/A/B/C/external/Extensions")->size() == 1);
  }
}

TEST_CASE("deep in a path, a file on the way is wrong_type and a missing folder not_found") {
  Tree tree;
  for (int round = 0; round < 2; ++round) {
    auto through_file = tree.source->read_file("/Library/Preferences/a.plist/x/y/z.plist", 1024);
    REQUIRE_FALSE(through_file);
    CHECK(through_file.error().kind == ErrorKind::wrong_type);
    CHECK(through_file.error().path == "/Library/Preferences/a.plist/x/y/z.plist");
    auto missing = tree.source->read_file("/Library/Missing/x/y/z.plist", 1024);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().describe() == "/Library/Missing/x/y/z.plist: No such file or directory");
    CHECK(tree.source->list_directory("/Volumes/External/Extensions/x.kext/Contents/PlugIns").error().kind ==
          ErrorKind::not_found);
  }
}

TEST_CASE("exactly kMaxSymlinks links are followed on one path") {
  Tree tree;
  const int most = limits::kMaxSymlinks;
  for (int i = 0; i < most; ++i) {
    const std::string next = i + 1 < most ? "/Library/chain" + std::to_string(i + 1) : "/Library/Preferences";
    tree.link("Library/chain" + std::to_string(i), next);
  }
  CHECK(*tree.source->read_file("/Library/chain0/a.plist", 1024) == "inside");
  tree.link("Library/one-more", "/Library/chain0");
  auto too_many = tree.source->read_file("/Library/one-more/a.plist", 1024);
  REQUIRE_FALSE(too_many);
  CHECK(too_many.error().kind == ErrorKind::link_loop);
}

#ifdef __linux__
TEST_CASE("few folders stay open however many are read") {
  Tree tree;
  const auto open_descriptors = [] {
    return std::distance(std::filesystem::directory_iterator("/proc/self/fd"), std::filesystem::directory_iterator());
  };
  constexpr int kFolders = 300;
  for (int i = 0; i < kFolders; ++i) tree.outer.write("root/Many/" + std::to_string(i) + "/Contents/Info.plist", "x");
  const auto before = open_descriptors();
  for (int i = 0; i < kFolders; ++i) {
    CHECK(*tree.source->read_file("/Many/" + std::to_string(i) + "/Contents/Info.plist", 16) == "x");
  }
  CHECK(open_descriptors() - before <= 100);  // src/source/directory_cache.h keeps 64
  CHECK(*tree.source->read_file("/Many/0/Contents/Info.plist", 16) == "x");  // closed, and opened again
}
#endif
