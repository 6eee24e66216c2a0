#include <doctest/doctest.h>

#include "nwaudit/plist/parse.h"
#include "test_support.h"

using namespace nwaudit;
using namespace nwaudit::plist;
using nwaudit::test::fixture;

namespace {

std::string wrap(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\">\n" + body + "\n</plist>\n";
}

Error parse_error(const std::string& text) {
  auto value = parse(text, "/test.plist");
  REQUIRE_FALSE(value);
  return value.error();
}

}  // namespace

TEST_CASE("XML plists: every kind of value") {
  auto value = parse(fixture("plists/xml/all-kinds.plist"), "all-kinds.plist");
  REQUIRE(value);
  CHECK(*value->find("string")->string() == "Wi-Fi \xC3\xA9\xE4\xB8\xAD");
  CHECK(value->find("integer")->integer() == 42);
  CHECK(value->find("negative")->integer() == -7);
  CHECK(value->find("big")->integer() == (std::int64_t{1} << 62));
  CHECK(value->find("real")->real() == 2.5);
  CHECK(value->find("true")->boolean() == true);
  CHECK(value->find("false")->boolean() == false);
  CHECK(value->find("date")->date()->unix_seconds == 1709294400.0);
  CHECK(*value->find("data")->data() == Data{0x00, 0x01, 0xFE, 0xFF});
  CHECK(value->find("array")->array()->size() == 3);
  CHECK(value->find("emptyDict")->dictionary()->empty());
  CHECK(value->find("emptyArray")->array()->empty());
  CHECK(*value->at({"nested", "inner", "value"})->string() == "deep");
}

TEST_CASE("XML plists: the forms real files use") {
  auto value = parse(fixture("plists/xml/real-world-forms.plist"), "real-world-forms.plist");
  REQUIRE(value);
  CHECK(value->find("enabled")->boolean() == true);
  CHECK(value->find("disabled")->boolean() == false);
  CHECK(value->find("empty")->dictionary()->empty());
  CHECK(value->find("emptyArray")->array()->empty());
  const Data* signature = value->find("signature")->data();
  REQUIRE(signature);
  REQUIRE(signature->size() == 51);
  CHECK((*signature)[0] == 0);
  CHECK((*signature)[50] == 50);
  CHECK(value->find("installed")->date()->unix_seconds == 1698308130.0);
  CHECK(*value->find("spaces")->string() == "  padded  ");
  CHECK(*value->find("escaped")->string() == "<tag> & \"quotes\"");
  CHECK(value->find("hex")->integer() == 31);
  CHECK(value->find("infinity")->real() == std::numeric_limits<double>::infinity());
  CHECK(value->find("emptyString")->string()->empty());
  CHECK(value->find("selfClosingString")->string()->empty());
}

TEST_CASE("XML plists: a bare dict without the plist element, as pasted from a terminal") {
  auto value = parse("<dict><key>ProductVersion</key><string>10.15</string></dict>", "SystemVersion.plist");
  REQUIRE(value);
  CHECK(*value->find("ProductVersion")->string() == "10.15");
}

TEST_CASE("XML plists: later duplicate keys win, as CoreFoundation does") {
  auto value = parse(wrap("<dict><key>a</key><integer>1</integer><key>a</key><integer>2</integer></dict>"), "d");
  REQUIRE(value);
  CHECK(value->find("a")->integer() == 2);
}

TEST_CASE("XML plists: errors name the file and the line") {
  Error unclosed = parse_error("<?xml version=\"1.0\"?>\n<plist>\n<dict>\n<key>a</key>\n<string>x</dict>\n</plist>");
  CHECK(unclosed.kind == ErrorKind::malformed);
  CHECK(unclosed.path == "/test.plist");
  CHECK(unclosed.line == 5);
  CHECK(unclosed.reason.find("not well-formed XML") == 0);

  CHECK(parse_error(wrap("<dict>\n<key>a</key>\n<integer>twelve</integer>\n</dict>")).describe() ==
        "/test.plist: line 5: <integer> 'twelve' is not a 64-bit integer");
  CHECK(parse_error(wrap("<dict>\n<key>a</key>\n</dict>")).describe() ==
        "/test.plist: line 4: <key>a</key> has no value");
  CHECK(parse_error(wrap("<dict>\n<string>a</string>\n<string>b</string>\n</dict>")).reason ==
        "<dict> expects a <key>, found <string>");
  CHECK(parse_error(wrap("<array><foo/></array>")).reason == "unknown element <foo>");
  CHECK(parse_error(wrap("<data>not*base64</data>")).reason == "<data> is not valid base64");
  CHECK(parse_error(wrap("<date>yesterday</date>")).reason == "<date> 'yesterday' is not an ISO 8601 UTC date");
  CHECK(parse_error(wrap("<real>fast</real>")).reason == "<real> 'fast' is not a number");
  CHECK(parse_error(wrap("<integer>18446744073709551616</integer>")).reason.find("not a 64-bit integer") !=
        std::string::npos);
  CHECK(parse_error(wrap("<true>yes</true>")).reason == "<true/> must be empty");
  CHECK(parse_error(wrap("<dict>stray text<key>a</key><true/></dict>")).reason == "text inside <dict>");
  CHECK(parse_error(wrap("<string><b>bold</b></string>")).reason == "<string> holds an element");
  CHECK(parse_error(wrap("<key>a</key>")).reason == "<key> outside a <dict>");
  CHECK(parse_error("<plist version=\"1.0\"></plist>").reason == "<plist> holds no value");
  CHECK(parse_error(wrap("<true/><false/>")).reason == "<plist> holds more than one value");
  CHECK(parse_error("").reason == "empty file");
  CHECK(parse_error("{ OpenStep = style; }").kind == ErrorKind::malformed);
}

TEST_CASE("XML plists: a truncated file is an error at its end") {
  const std::string whole = fixture("plists/xml/all-kinds.plist");
  for (std::size_t length = 1; length < whole.size() - 2; length += 7) {
    auto value = parse(whole.substr(0, length), "cut.plist");
    CHECK_FALSE(value);
  }
}

TEST_CASE("XML plists: nesting deeper than the limit is refused") {
  std::string deep;
  for (int i = 0; i < 129; ++i) deep += "<array>";
  for (int i = 0; i < 129; ++i) deep += "</array>";
  Error error = parse_error(wrap(deep));
  CHECK(error.kind == ErrorKind::too_large);
  CHECK(error.reason == "nested deeper than 128 containers");

  std::string allowed;
  for (int i = 0; i < 128; ++i) allowed += "<array>";
  for (int i = 0; i < 128; ++i) allowed += "</array>";
  CHECK(parse(wrap(allowed), "ok.plist"));
}

TEST_CASE("XML plists: no entity expansion, internal or external") {
  const std::string text =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE plist [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
      "<plist><array><string>&a;&a;</string><string>&x;</string></array></plist>";
  auto value = parse(text, "entities.plist");
  REQUIRE(value);
  CHECK(*(*value->array())[0].string() == "&a;&a;");
  CHECK(*(*value->array())[1].string() == "&x;");
}

TEST_CASE("XML plists: a nested selection keeps every top-level entry, and of their dictionaries only those keys") {
  const std::string text = wrap(
      "<dict><key>com.example.a</key><dict><key>CFBundleVersion</key><string>1.0</string>"
      "<key>OSBundleLoadAddress</key><integer>not a number</integer></dict>"
      "<key>com.example.b</key><array><dict><key>kept</key><true/></dict></array></dict>");
  constexpr std::string_view kVersion[] = {"CFBundleVersion"};
  auto value = parse(text, "/loaded-kexts.plist", KeySelection({}, kVersion));
  REQUIRE(value);
  CHECK(value->dictionary()->size() == 2);
  CHECK(value->find("com.example.a")->dictionary()->size() == 1);
  CHECK(*value->at({"com.example.a", "CFBundleVersion"})->string() == "1.0");
  // Only dictionaries that are top-level values are narrowed: one in an array is kept whole.
  CHECK((*value->find("com.example.b")->array())[0].find("kept")->boolean() == true);
  CHECK(parse_error(text).reason == "<integer> 'not a number' is not a 64-bit integer");
}

TEST_CASE("XML plists: a key selection keeps only those top-level entries, whole") {
  const std::string text = wrap(
      "<dict><key>CFBundleIdentifier</key><string>com.example.kext</string>"
      "<key>IOKitPersonalities</key><dict><key>Driver</key><integer>not a number</integer></dict>"
      "<key>Nested</key><dict><key>kept</key><string>all of it</string><key>too</key><true/></dict></dict>");
  constexpr std::string_view kKeys[] = {"CFBundleIdentifier", "Nested"};
  auto value = parse(text, "/Info.plist", kKeys);
  REQUIRE(value);
  CHECK(value->dictionary()->size() == 2);
  CHECK(*value->find("CFBundleIdentifier")->string() == "com.example.kext");
  CHECK(value->find("IOKitPersonalities") == nullptr);
  CHECK(value->at({"Nested", "too"})->boolean() == true);
  CHECK(parse_error(text).reason == "<integer> 'not a number' is not a 64-bit integer");
  CHECK_FALSE(parse(wrap("<dict><key>Other</key><dict></dict>"), "/broken.plist", kKeys));
}
