#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "nwaudit/base/limits.h"
#include "nwaudit/plist/parse.h"
#include "nwaudit/source/rooted_source.h"
#include "test_support.h"

using namespace nwaudit;
using namespace nwaudit::plist;
using nwaudit::test::fixture;

namespace {

Error parse_error(const std::string& bytes, const std::string& name = "/broken.plist") {
  auto value = parse(bytes, name);
  REQUIRE_FALSE(value);
  CHECK(value.error().path == name);
  return value.error();
}

// Two bytes, big-endian.
std::string two_bytes(std::size_t value) { return {static_cast<char>(value >> 8), static_cast<char>(value & 0xFF)}; }

// A bplist00 file of at most 64 KiB holding `objects` (the first on top), with two-byte
// offsets and one-byte references.
std::string small_bplist(const std::vector<std::string>& objects) {
  std::string file = "bplist00";
  std::string offsets;
  for (const std::string& object : objects) {
    offsets += two_bytes(file.size());
    file += object;
  }
  std::string trailer(32, '\0');
  trailer[6] = 2;  // offset size
  trailer[7] = 1;  // reference size
  trailer[15] = static_cast<char>(objects.size());
  trailer.replace(30, 2, two_bytes(file.size()));  // where the offsets are
  return file + offsets + trailer;
}

}  // namespace

TEST_CASE("binary plists decode to the same values as their XML twin") {
  auto binary = parse(fixture("plists/binary/all-kinds.plist"), "binary");
  auto xml = parse(fixture("plists/xml/all-kinds.plist"), "xml");
  REQUIRE(binary);
  REQUIRE(xml);
  CHECK(*binary == *xml);
  CHECK(binary->find("negative")->integer() == -7);
  CHECK(*binary->find("string")->string() == "Wi-Fi \xC3\xA9\xE4\xB8\xAD");  // stored as UTF-16 in the file
}

TEST_CASE("binary plists: the sample Mac's system-extension database") {
  auto value = parse(fixture("macs/sonoma/Library/SystemExtensions/db.plist"), "db.plist");
  REQUIRE(value);
  const Array* extensions = value->find("extensions")->array();
  REQUIRE(extensions);
  REQUIRE(extensions->size() == 1);
  CHECK(*(*extensions)[0].find("state")->string() == "activated_enabled");
  CHECK(value->find("developerMode")->boolean() == false);
}

TEST_CASE("binary plists: real db.plist from ../shared") {
  const auto path = nwaudit::test::shared_reference("sysext_db/osquery-tests-db.plist.bplist");
  if (path.empty()) {
    MESSAGE("SKIPPED: ../shared/reference is not beside this checkout");
    return;
  }
  auto value = parse(nwaudit::test::slurp(path.string()), path.string());
  REQUIRE(value);
  CHECK(*(*value->find("extensions")->array())[0].find("identifier")->string() == "com.objective-see.lulu.extension");
}

TEST_CASE("binary plists: every truncation is an error, never a crash") {
  const std::string whole = fixture("plists/binary/all-kinds.plist");
  for (std::size_t length = 0; length < whole.size(); ++length) {
    CAPTURE(length);
    CHECK_FALSE(parse(whole.substr(0, length), "cut.plist"));
  }
}

TEST_CASE("binary plists: every single-byte corruption is handled") {
  const std::string whole = fixture("plists/binary/all-kinds.plist");
  for (std::size_t at = 0; at < whole.size(); ++at) {
    for (int replacement : {0x00, 0x0F, 0x7F, 0xFF}) {
      std::string damaged = whole;
      damaged[at] = static_cast<char>(replacement);
      (void)parse(damaged, "damaged.plist");  // value or error; sanitizers catch anything worse
    }
  }
}

TEST_CASE("binary plists: errors say what is wrong and at which byte") {
  Error truncated = parse_error(fixture("plists/broken/truncated.bplist"));
  CHECK(truncated.kind == ErrorKind::malformed);
  CHECK(truncated.location.find("byte offset ") == 0);
  CHECK(truncated.reason.find("truncated") != std::string::npos);

  CHECK(parse_error(fixture("plists/broken/no-trailer.bplist")).location.find("byte offset ") == 0);
  CHECK(parse_error("bplist00").reason == "truncated: 8 bytes is too short for a binary plist");
  CHECK(parse_error("bplist17" + std::string(40, '\0')).reason == "unsupported binary plist version '17'");

  Error cycle = parse_error(fixture("plists/broken/cycle.bplist"));
  CHECK(cycle.reason == "object 0 contains itself (reference cycle)");

  Error dangling = parse_error(fixture("plists/broken/dangling.bplist"));
  CHECK(dangling.describe() == "/broken.plist: byte offset 9: object 0 refers to object 5, which does not exist");

  Error deep = parse_error(fixture("plists/broken/deep.bplist"));
  CHECK(deep.kind == ErrorKind::too_large);
  CHECK(deep.reason == "nested deeper than 128 containers");

  Error expands = parse_error(fixture("plists/broken/expands.bplist"));
  CHECK(expands.kind == ErrorKind::too_large);
  CHECK(expands.reason == "expands to more than 1000000 values");

  CHECK(parse_error(fixture("plists/broken/integer-key.bplist")).reason ==
        "dictionary 0 has a key that is not a string");
}

TEST_CASE("binary plists: a dictionary key with a NUL character is an error (libplist asserted; found by fuzzing)") {
  const std::string dictionary = "\xD1\x01\x02";  // one entry: key object 1, value object 2
  const std::string ascii_key("\x53" "a\0b", 4);
  const std::string utf16_key("\x63\0a\0\0\0b", 7);
  for (const std::string& key : {ascii_key, utf16_key}) {
    CHECK(parse_error(small_bplist({dictionary, key, "\x09"})).describe() ==
          "/broken.plist: byte offset 9: dictionary 0 has a key with a NUL character");
  }
  auto value = parse(small_bplist({dictionary, "\x53" "a b", "\x09"}), "/fine.plist");
  REQUIRE(value);
  CHECK(value->find("a b")->boolean() == true);
}

TEST_CASE("binary plists: a key selection keeps only those top-level entries") {
  const std::string dictionary = "\xD2\x01\x02\x03\x04";  // two entries: keys 1 and 2, values 3 and 4
  const std::string bytes = small_bplist({dictionary, "\x51" "a", "\x51" "b", "\x09", "\x08"});
  constexpr std::string_view kKeys[] = {"b"};
  auto value = parse(bytes, "/selected.plist", kKeys);
  REQUIRE(value);
  CHECK(value->dictionary()->size() == 1);
  CHECK(value->find("b")->boolean() == false);
  CHECK(parse(bytes, "/whole.plist")->dictionary()->size() == 2);
}

TEST_CASE("binary plists: a nested selection narrows each top-level entry's dictionary to those keys") {
  // {"a": {"a": true, "b": false}}: the top dictionary's key 1 and value 2, whose keys are 1 and 3.
  const std::string bytes = small_bplist({"\xD1\x01\x02", "\x51" "a", "\xD2\x01\x03\x04\x05", "\x51" "b", "\x09", "\x08"});
  constexpr std::string_view kB[] = {"b"};
  auto value = parse(bytes, "/nested.plist", KeySelection({}, kB));
  REQUIRE(value);
  CHECK(value->dictionary()->size() == 1);
  CHECK(value->find("a")->dictionary()->size() == 1);
  CHECK(value->at({"a", "b"})->boolean() == false);
  CHECK(parse(bytes, "/whole.plist")->find("a")->dictionary()->size() == 2);
}

TEST_CASE("binary plists: a long string shared many times is refused, not expanded") {
  // Three levels of 30-member arrays, all sharing one 5000-byte string: 5 KB that would
  // expand to 27,000 copies, 135 MB.
  const std::string array_of_next = "\xAF\x10\x1E";
  const std::vector<std::string> objects{
      array_of_next + std::string(30, '\x01'), array_of_next + std::string(30, '\x02'),
      array_of_next + std::string(30, '\x03'), "\x5F\x11" + two_bytes(5000) + std::string(5000, 'x')};
  Error expands = parse_error(small_bplist(objects));
  CHECK(expands.kind == ErrorKind::too_large);
  CHECK(expands.reason == "expands to more than 67108864 bytes of strings and data");
}

TEST_CASE("a plist file over the size limit is refused before it is read") {
  nwaudit::test::TempDir tree;
  tree.write("big.plist", std::string(nwaudit::limits::kMaxPlistBytes + 1, ' '));
  auto source = RootedSource::open(tree.path().string());
  REQUIRE(source);
  auto value = plist::read(**source, "/big.plist");
  REQUIRE_FALSE(value);
  CHECK(value.error().kind == ErrorKind::too_large);
  CHECK(value.error().describe() == "/big.plist: 16777217 bytes, over the limit of 16777216");
}
