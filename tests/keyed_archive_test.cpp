#include <doctest/doctest.h>

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
