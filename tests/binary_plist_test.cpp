#include <doctest/doctest.h>

#include "nwaudit/limits.h"
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
