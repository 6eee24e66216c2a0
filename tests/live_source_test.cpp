#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "nwaudit/live/live_source.h"

using namespace nwaudit;

namespace {

// The file system behind the live source: answers every path with not_found, except the one
// file it holds, and records what it was asked.
class RecordingFiles final : public Source {
 public:
  explicit RecordingFiles(std::vector<std::string>& asked) : asked_(asked) {}

  Expected<std::unique_ptr<RandomAccessFile>> open_file(std::string_view path) const override {
    asked_.emplace_back(path);
    return missing(path);
  }
  Expected<std::vector<DirectoryEntry>> list_directory(std::string_view path) const override {
    asked_.emplace_back(path);
    return missing(path);
  }
  Expected<FileStatus> status(std::string_view path) const override {
    asked_.emplace_back(path);
    if (path == "/etc/hosts") return FileStatus{FileType::regular, 12, 0644, 0};
    return missing(path);
  }
  Expected<std::string> read_link(std::string_view path) const override {
    asked_.emplace_back(path);
    return missing(path);
  }
  std::string description() const override { return "the files"; }

 private:
  static Error missing(std::string_view path) { return Error{ErrorKind::not_found, std::string(path), {}, "not in the fake"}; }
  std::vector<std::string>& asked_;
};

struct Fixture {
  std::vector<std::string> asked;
  std::shared_ptr<std::atomic<int>> sysctl_calls = std::make_shared<std::atomic<int>>(0);
  LiveSource source;

  Fixture()
      : source(std::make_unique<RecordingFiles>(asked),
               {
                   {"sysctl.txt",
                    [calls = sysctl_calls]() -> Expected<std::string> {
                      ++*calls;
                      std::this_thread::sleep_for(std::chrono::milliseconds(20));
                      return std::string("kern.osversion: 23A344\n");
                    }},
                   {"pfctl-rules.txt",
                    []() -> Expected<std::string> {
                      return Error{ErrorKind::permission_denied, "/.nwaudit/pfctl-rules.txt", {}, "needs root"};
                    }},
               },
               "the live system") {}
};

}  // namespace

TEST_CASE("live_source: a capture is read as a file of /.nwaudit") {
  Fixture fixture;
  auto content = fixture.source.read_file("/.nwaudit/sysctl.txt", 1024);
  REQUIRE(content);
  CHECK(*content == "kern.osversion: 23A344\n");

  auto file = fixture.source.open_file("/.nwaudit/sysctl.txt");
  REQUIRE(file);
  CHECK((*file)->size() == 23);
  CHECK((*file)->path() == "/.nwaudit/sysctl.txt");
  auto middle = (*file)->read_at(5, 9);
  REQUIRE(middle);
  CHECK(*middle == "osversion");
  auto end = (*file)->read_at(23, 0);
  REQUIRE(end);
  CHECK(end->empty());
  auto past = (*file)->read_at(20, 4);
  REQUIRE_FALSE(past);
  CHECK(past.error().kind == ErrorKind::malformed);
  CHECK_FALSE((*file)->read_at(24, 0));

  auto status = fixture.source.status("/.nwaudit/sysctl.txt");
  REQUIRE(status);
  CHECK(status->type == FileType::regular);
  CHECK(status->size == 23);
  CHECK(fixture.asked.empty());
  CHECK(fixture.source.description() == "the live system");
}

TEST_CASE("live_source: a capture is made once however often and from however many threads it is read") {
  Fixture fixture;
  std::vector<std::thread> readers;
  for (int i = 0; i < 4; ++i) {
    readers.emplace_back([&] {
      CHECK(fixture.source.read_file("/.nwaudit/sysctl.txt", 1024));
      CHECK(fixture.source.status("/.nwaudit/sysctl.txt"));
    });
  }
  for (std::thread& reader : readers) reader.join();
  CHECK(*fixture.sysctl_calls == 1);
}

TEST_CASE("live_source: a capture that could not be made gives its error") {
  Fixture fixture;
  for (int i = 0; i < 2; ++i) {
    auto file = fixture.source.open_file("/.nwaudit/pfctl-rules.txt");
    REQUIRE_FALSE(file);
    CHECK(file.error().kind == ErrorKind::permission_denied);
    CHECK(file.error().reason == "needs root");
    auto status = fixture.source.status("/.nwaudit/pfctl-rules.txt");
    REQUIRE_FALSE(status);
    CHECK(status.error().kind == ErrorKind::permission_denied);
    CHECK_FALSE(fixture.source.read_file("/.nwaudit/pfctl-rules.txt", 1024));
  }
  CHECK(fixture.asked.empty());
}

TEST_CASE("live_source: /.nwaudit lists the captures without making them") {
  Fixture fixture;
  auto entries = fixture.source.list_directory("/.nwaudit");
  REQUIRE(entries);
  REQUIRE(entries->size() == 2);
  CHECK((*entries)[0].name == "pfctl-rules.txt");
  CHECK((*entries)[1].name == "sysctl.txt");
  CHECK((*entries)[1].type == FileType::regular);
  CHECK(*fixture.sysctl_calls == 0);

  auto status = fixture.source.status("/.nwaudit");
  REQUIRE(status);
  CHECK(status->type == FileType::directory);
  auto as_file = fixture.source.open_file("/.nwaudit");
  REQUIRE_FALSE(as_file);
  CHECK(as_file.error().kind == ErrorKind::wrong_type);
  auto as_link = fixture.source.read_link("/.nwaudit/sysctl.txt");
  REQUIRE_FALSE(as_link);
  CHECK(as_link.error().kind == ErrorKind::wrong_type);
  CHECK(fixture.asked.empty());
}

TEST_CASE("live_source: every other path is read from the files") {
  Fixture fixture;
  CHECK(fixture.source.status("/etc/hosts"));
  auto missing = fixture.source.open_file("/Library/Preferences/com.apple.alf.plist");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().reason == "not in the fake");
  CHECK_FALSE(fixture.source.list_directory("/Library"));
  CHECK_FALSE(fixture.source.read_link("/var"));
  CHECK(fixture.asked ==
        std::vector<std::string>{"/etc/hosts", "/Library/Preferences/com.apple.alf.plist", "/Library", "/var"});
}

TEST_CASE("live_source: only exact capture paths are captures") {
  Fixture fixture;
  CHECK_FALSE(fixture.source.open_file("/.nwaudit/../etc/hosts"));
  CHECK(fixture.source.status("/.nwaudit/../etc/hosts").error().reason == "not in the fake");
  CHECK_FALSE(fixture.source.open_file("/.nwaudit/kmutil-showloaded.txt"));
  CHECK_FALSE(fixture.source.open_file("/.nwaudit/sysctl.txt/x"));
  CHECK_FALSE(fixture.source.open_file("/other/.nwaudit/sysctl.txt"));
  CHECK(fixture.asked == std::vector<std::string>{"/.nwaudit/../etc/hosts", "/.nwaudit/../etc/hosts",
                                                  "/.nwaudit/kmutil-showloaded.txt", "/.nwaudit/sysctl.txt/x",
                                                  "/other/.nwaudit/sysctl.txt"});
  CHECK(*fixture.sysctl_calls == 0);
}
