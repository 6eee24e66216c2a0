// The scan that finds a plist's selected entries without building a document must give what
// the full reader gives, or step aside.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "nwaudit/plist/parse.h"
#include "nwaudit/plist/write_xml.h"
#include "plist/xml_plist_scan.h"
#include "test_support.h"

using namespace nwaudit;
using namespace nwaudit::plist;

namespace {

constexpr std::string_view kUidKey[] = {"CF$UID"};
constexpr std::string_view kKextKeys[] = {"CFBundleIdentifier", "CFBundleExecutable", "CFBundleVersion",
                                          "CFBundleName"};

// Converts an entry as parse_xml does, through the full reader on the cut-out element put back
// where it stood: as the value of key k, `held_by` dictionaries deep.
std::optional<Value> entry_in_full(std::string_view element, std::size_t held_by, KeySelection keys) {
  static constexpr std::string_view kK[] = {"k"};
  REQUIRE((held_by == 1 || (held_by == 2 && keys.selects_all())));
  const std::string inner = "<dict><key>k</key>" + std::string(element) + "</dict>";
  const std::string text = held_by == 1 ? inner : "<dict><key>k</key>" + inner + "</dict>";
  auto value = parse_xml("<plist>" + text + "</plist>", "/entry.plist",
                         held_by == 1 ? KeySelection(kK, keys.top) : KeySelection(kK, kK));
  if (!value) return std::nullopt;
  return held_by == 1 ? *value->find("k") : *value->at({"k", "k"});
}

std::optional<Value> scanned(std::string_view text, KeySelection keys = kKextKeys) {
  return scan_selected_entries(text, keys, entry_in_full);
}

std::string wrap(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
         "<plist version=\"1.0\">\n<dict>\n" +
         body + "\n</dict>\n</plist>\n";
}

}  // namespace

TEST_CASE("plist scan: every XML plist of the fixture Macs scans to what the full reader reads") {
  static constexpr std::string_view kServices[] = {"NetworkServices", "Sets"};
  static constexpr std::string_view kFirewall[] = {"firewall", "globalstate"};
  static constexpr std::string_view kVersion[] = {"CFBundleVersion"};
  const std::vector<KeySelection> selections = {kKextKeys, kServices, kFirewall, KeySelection({}, kVersion),
                                                KeySelection(kServices, kVersion)};
  std::size_t compared = 0;
  std::size_t scanned_files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(test::fixture_path("macs"))) {
    if (entry.symlink_status().type() != std::filesystem::file_type::regular || entry.path().extension() != ".plist") {
      continue;
    }
    const std::string text = test::slurp(entry.path().string());
    if (text.rfind("bplist", 0) == 0) continue;
    CAPTURE(entry.path().string());
    for (const auto& keys : selections) {
      const auto fast = scanned(text, keys);
      const auto full = read_xml_document(text, "/fixture.plist", keys);
      if (fast) {
        ++scanned_files;
        REQUIRE(full);
        CHECK(write_xml(*fast) == write_xml(*full));
      }
      ++compared;
    }
  }
  CHECK(compared > 100);
  CHECK(scanned_files > 50);  // the common shape is the common case
}

TEST_CASE("plist scan: unselected values are skipped whole, comments, CDATA, attributes and all") {
  const std::string text = wrap(
      "<key>IOKitPersonalities</key><dict a=\"x>y\" b='z'><key>k</key><string><![CDATA[</dict>]]></string>"
      "<!-- </dict> --><array><true/><integer>1</integer></array></dict>\n"
      "<key>CFBundleIdentifier</key>\n\t<string>com.example.driver</string>");
  const auto value = scanned(text);
  REQUIRE(value);
  CHECK(write_xml(*value) == write_xml(*read_xml_document(text, "/x.plist", kKextKeys)));
  CHECK(*value->find("CFBundleIdentifier")->string() == "com.example.driver");
}

TEST_CASE("plist scan: selected values that need XML processing go through the full reader") {
  const auto value = scanned(wrap("<key>CFBundleName</key><string>A &amp; B</string>"
                                  "<key>CFBundleVersion</key><string><![CDATA[1.0]]></string>"));
  REQUIRE(value);
  CHECK(*value->find("CFBundleName")->string() == "A & B");
  CHECK(*value->find("CFBundleVersion")->string() == "1.0");
}

TEST_CASE("plist scan: any other shape, or anything not well-formed, is left to the full reader") {
  const std::vector<std::string> refused = {
      wrap("<key>IOKitPersonalities</key><dict><key>k</key><string>x</strin></dict>"),  // end tag mismatch
      wrap("<key>IOKitPersonalities</key><dict a=b></dict>"),                           // unquoted attribute
      wrap("<key>IOKitPersonalities</key><dict>"),                                      // never closed
      wrap("<key>CFBundleName</key>"),                                                  // a key without a value
      wrap("<key>A &amp; B</key><string>x</string>"),                                   // a key with an entity
      wrap("text<key>CFBundleName</key><string>x</string>"),                            // text in the dictionary
      wrap("<key>CFBundleName</key><string>x</string>") + "<extra/>",                   // after the end
      wrap("<key>CFBundleName</key><plist><string>x</string></plist>"),                 // not a value element
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><plist><dict></dict></plist>",    // another encoding
      "<!DOCTYPE plist [<!ENTITY e \"x\">]><plist><dict></dict></plist>",               // an internal subset
      "<plist><array></array></plist>",                                                 // no dictionary
      std::string("<plist><dict>\0</dict></plist>", 29),                                // a NUL
      "<plist><dict>\r\n</dict></plist>",                                               // a CR
      "<plist>|dict><key>a</key><string>x</string></dict></plist>",                   // not a tag (found by fuzzing)
  };
  for (const std::string& text : refused) {
    CAPTURE(text);
    CHECK_FALSE(scanned(text));
  }
  constexpr std::string_view kUid[] = {"CF$UID"};
  CHECK_FALSE(scanned("<plist><dict><key>CF$UID</key><integer>1</integer></dict></plist>", kUid));  // a UID
  CHECK_FALSE(scanned(wrap(""), {}));  // no selection: nothing to scan for
}

TEST_CASE("plist scan: a nested selection scans every entry's dictionary for its keys") {
  static constexpr std::string_view kVersion[] = {"CFBundleVersion"};
  const KeySelection versions({}, kVersion);
  const std::string text = wrap(
      "<key>com.example.a</key><dict><key>CFBundleVersion</key><string>1.0</string>"
      "<key>OSBundleDependencies</key><array><integer>x</integer></array><key>OSBundleStarted</key><true/></dict>"
      "<key>com.example.b</key><dict><key>OSBundleUUID</key><data>AAEC</data>"
      "<key>CFBundleVersion</key><string>2 &amp; more</string></dict>"
      "<key>com.example.c</key><dict/>"
      "<key>com.example.d</key><string>not a dictionary</string>");
  const auto value = scanned(text, versions);
  REQUIRE(value);
  CHECK(write_xml(*value) == write_xml(*read_xml_document(text, "/x.plist", versions)));
  CHECK(value->dictionary()->size() == 4);
  CHECK(*value->at({"com.example.a", "CFBundleVersion"})->string() == "1.0");
  CHECK(value->find("com.example.a")->dictionary()->size() == 1);  // the rest left out unconverted
  CHECK(*value->at({"com.example.b", "CFBundleVersion"})->string() == "2 & more");
  CHECK(value->find("com.example.c")->dictionary()->empty());
  CHECK(*value->find("com.example.d")->string() == "not a dictionary");
  // What the full reader would make a UID, and what is not well-formed, are left to it.
  CHECK_FALSE(scanned(wrap("<key>u</key><dict><key>CFBundleVersion</key><integer>1</integer>"
                           "<key>CF$UID</key><integer>1</integer></dict>"),
                      KeySelection({}, std::span<const std::string_view>(kUidKey))));
  CHECK_FALSE(scanned(wrap("<key>a</key><dict><key>x</key><string>1</strin></dict>"), versions));
}

TEST_CASE("plist scan: the same value, scanned or read in full, through parse_xml") {
  const std::string text = wrap("<key>CFBundleIdentifier</key><string>com.example.a</string>"
                                "<key>IOKitPersonalities</key><dict><key>x</key><real>nan</real></dict>"
                                "<key>CFBundleIdentifier</key><string>com.example.b</string>");
  const auto value = parse_xml(text, "/Info.plist", kKextKeys);
  REQUIRE(value);
  CHECK(*value->find("CFBundleIdentifier")->string() == "com.example.b");  // the later entry wins, as in full
  CHECK(value->dictionary()->size() == 1);
}
