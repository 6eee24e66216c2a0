#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "nwaudit/plist/keyed_archive.h"
#include "nwaudit/plist/parse.h"
#include "test_support.h"

using namespace nwaudit;
using namespace nwaudit::plist;
using nwaudit::test::fixture;

namespace {

// Parses and decodes a whole archive; the root plist is kept alive for the archive.
struct Decoded {
  Expected<Value> root;
  Expected<Value> top = Error{};

  Decoded(const std::string& bytes, const std::string& name) : root(parse(bytes, name)) {
    REQUIRE(root);
    auto archive = KeyedArchive::open(*root, name);
    top = archive ? archive->decode_top() : Expected<Value>(archive.error());
  }
};

std::string uid(std::uint64_t index) {
  return "<dict><key>CF$UID</key><integer>" + std::to_string(index) + "</integer></dict>";
}

// An XML keyed archive of `objects` (XML values), which follow "$null" and a class at UID 1:
// the first is UID 2, and $top.root refers to it.
std::string archive_xml(const std::vector<std::string>& objects) {
  std::string xml = "<plist version=\"1.0\"><dict><key>$archiver</key><string>NSKeyedArchiver</string><key>$top</key>"
                    "<dict><key>root</key>" + uid(2) + "</dict><key>$objects</key><array><string>$null</string>"
                    "<dict><key>$classname</key><string>NSObject</string></dict>";
  for (const std::string& object : objects) xml += object;
  return xml + "</array></dict></plist>";
}

// An object of class UID 1 with the given fields, each "<key>...</key>" and a value.
std::string object_xml(const std::string& fields) { return "<dict><key>$class</key>" + uid(1) + fields + "</dict>"; }

}  // namespace

TEST_CASE("keyed archives: every supported object decodes to a plain value") {
  Decoded decoded(fixture("plists/archive/every-kind.plist"), "every-kind.plist");
  REQUIRE(decoded.top);
  const Value& top = *decoded.top;
  CHECK(*top.find("uuid")->string() == "3B963FED-3DD9-432A-849D-1C1A927F4B69");
  CHECK(*top.find("array") == Value(Array{"shared", "two", "shared"}));  // $null members dropped
  CHECK(top.find("dictionary")->find("a")->integer() == 1);
  CHECK(*top.find("dictionary")->find("b")->string() == "shared");
  CHECK(*top.find("data")->data() == Data{0, 1, 2});
  CHECK(top.find("date")->date()->unix_seconds == 978307200.0);
  CHECK(*top.find("mutableString")->string() == "text");
  CHECK(top.find("inline")->integer() == 42);
  CHECK(top.find("null") == nullptr);
  const Value* custom = top.find("custom");
  REQUIRE(custom);
  CHECK(*custom->find("$classname")->string() == "NEVPNProtocolIKEv2");
  CHECK(*custom->find("ServerAddress")->string() == "vpn.example.com");
  CHECK(custom->find("Enabled")->boolean() == true);
  CHECK(custom->find("Port")->integer() == 500);
  CHECK(custom->find("Missing") == nullptr);
}

TEST_CASE("keyed archives: the sample Mac's Network Extension configuration") {
  Decoded decoded(fixture("macs/sonoma/Library/Preferences/com.apple.networkextension.plist"), "ne.plist");
  REQUIRE(decoded.top);
  const Value* configuration = decoded.top->find("5A1C0B7E-3E0D-4C55-9A57-0B8D2B1E6F10");
  REQUIRE(configuration);
  CHECK(*configuration->find("$classname")->string() == "NEConfiguration");
  CHECK(*configuration->find("Identifier")->string() == "5A1C0B7E-3E0D-4C55-9A57-0B8D2B1E6F10");
  CHECK(*configuration->at({"ContentFilter", "Provider", "FilterDataProviderBundleIdentifier"})->string() ==
        "com.objective-see.lulu.extension");
  CHECK(configuration->find("VPN") == nullptr);
  CHECK(decoded.top->find("Version")->integer() == 1);
}

TEST_CASE("keyed archives: real com.apple.networkextension.plist files from ../shared") {
  const auto empty = nwaudit::test::shared_reference("ne_plist/42school-com.apple.networkextension.plist");
  const auto populated = nwaudit::test::shared_reference("ne_plist/ios-sysdiagnose-com.apple.networkextension.plist");
  if (empty.empty() || populated.empty()) {
    MESSAGE("SKIPPED: ../shared/reference is not beside this checkout");
    return;
  }
  Decoded baseline(nwaudit::test::slurp(empty.string()), empty.string());
  REQUIRE(baseline.top);
  CHECK(baseline.top->find("Version")->integer() == 1);
  CHECK(baseline.top->find("SCPreferencesSignature2")->data() != nullptr);

  Decoded ios(nwaudit::test::slurp(populated.string()), populated.string());
  REQUIRE(ios.top);
  const Value* configuration = ios.top->find("3B963FED-3DD9-432A-849D-1C1A927F4B69");
  REQUIRE(configuration);
  CHECK(*configuration->find("Name")->string() == "com.apple.commcenter.ne.cellularusage");
  CHECK(configuration->at({"PathController", "Rules"})->array()->size() > 10);
  CHECK(ios.top->at({"Index", "ConfigurationProperties"})->dictionary() != nullptr);
}

TEST_CASE("keyed archives: one entry can be decoded alone") {
  auto root = parse(fixture("plists/archive/every-kind.plist"), "every-kind.plist");
  REQUIRE(root);
  auto archive = KeyedArchive::open(*root, "every-kind.plist");
  REQUIRE(archive);
  auto uuid = archive->decode(archive->top().at("uuid"), "$top.uuid");
  REQUIRE(uuid);
  CHECK(*uuid->string() == "3B963FED-3DD9-432A-849D-1C1A927F4B69");
  CHECK(archive->decode(archive->top().at("null"), "$top.null").error().kind == ErrorKind::not_found);
}

TEST_CASE("keyed archives: cycles, dangling UIDs and depth are errors") {
  Decoded cycle(fixture("plists/broken/archive-cycle.plist"), "cycle.plist");
  REQUIRE_FALSE(cycle.top);
  CHECK(cycle.top.error().reason.find("contains itself") != std::string::npos);
  CHECK(cycle.top.error().path == "cycle.plist");

  Decoded dangling(fixture("plists/broken/archive-dangling-uid.plist"), "dangling.plist");
  REQUIRE_FALSE(dangling.top);
  CHECK(dangling.top.error().reason.find("UID 999 refers past the") == 0);
  CHECK(dangling.top.error().location.find("$top.root") == 0);

  Decoded deep(fixture("plists/broken/archive-deep.plist"), "deep.plist");
  REQUIRE_FALSE(deep.top);
  CHECK(deep.top.error().kind == ErrorKind::too_large);
}

TEST_CASE("keyed archives: a plist that is not one is refused plainly") {
  auto root = parse(fixture("plists/xml/all-kinds.plist"), "all-kinds.plist");
  REQUIRE(root);
  auto archive = KeyedArchive::open(*root, "all-kinds.plist");
  REQUIRE_FALSE(archive);
  CHECK(archive.error().describe() == "all-kinds.plist: not a keyed archive: no $archiver");
}

TEST_CASE("keyed archives: deep objects with long keys decode quickly, and errors still name the path") {
  // 100 objects in a chain, each reached through a 10 KB key, then 15 levels that each use the
  // next object twice. Spelling each value's path as it was decoded copied 1 MB per value.
  const std::string key(10'000, 'k');
  const std::uint64_t chain = 100;
  const std::uint64_t fan = 15;
  std::vector<std::string> objects;
  for (std::uint64_t i = 0; i < chain; ++i) objects.push_back(object_xml("<key>" + key + "</key>" + uid(3 + i)));
  for (std::uint64_t i = 0; i < fan; ++i) {
    objects.push_back(object_xml("<key>a</key>" + uid(3 + chain + i) + "<key>b</key>" + uid(3 + chain + i)));
  }
  objects.push_back("<string>leaf</string>");
  CHECK(Decoded(archive_xml(objects), "deep.plist").top);

  objects.back() = uid(1);  // a bare UID where the leaf was
  Decoded broken(archive_xml(objects), "deep.plist");
  REQUIRE_FALSE(broken.top);
  CHECK(broken.top.error().reason == "object 117 is a bare UID");
  CHECK(broken.top.error().location.starts_with("$top.root<2>." + key + "<3>." + key + "<4>."));
  CHECK(broken.top.error().location.ends_with("<115>.a<116>.a"));
}

TEST_CASE("keyed archives: an object used many times counts in full at each use") {
  const std::string list_class = "<dict><key>$classname</key><string>NSArray</string></dict>";
  std::string uses;  // object 3, 1000 times
  for (int i = 0; i < 1000; ++i) uses += uid(3);
  const std::string list = "<dict><key>$class</key>" + uid(4) + "<key>NS.objects</key><array>" + uses + "</array></dict>";

  // A 100 KB string, 1000 times: 100 MB.
  Decoded strings(archive_xml({list, "<string>" + std::string(100'000, 's') + "</string>", list_class}), "strings.plist");
  REQUIRE_FALSE(strings.top);
  CHECK(strings.top.error().kind == ErrorKind::too_large);
  CHECK(strings.top.error().reason == "decodes to more than 67108864 bytes of strings and data");

  // An object holding 100,000 values in place, 1000 times: 100 million values.
  std::string numbers;
  for (int i = 0; i < 100'000; ++i) numbers += "<integer>7</integer>";
  Decoded values(archive_xml({list, object_xml("<key>numbers</key><array>" + numbers + "</array>"), list_class}),
                 "values.plist");
  REQUIRE_FALSE(values.top);
  CHECK(values.top.error().kind == ErrorKind::too_large);
  CHECK(values.top.error().reason == "decodes to more than 1000000 values");
}
