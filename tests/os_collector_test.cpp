#include <doctest/doctest.h>

#include "nwaudit/facts/collectors.h"
#include "nwaudit/source/rooted_source.h"
#include "test_support.h"

using namespace nwaudit;
using nwaudit::test::TempDir;

namespace {

std::unique_ptr<RootedSource> open_root(const std::string& root) {
  auto source = RootedSource::open(root);
  REQUIRE(source);
  return std::move(*source);
}

std::string system_version(const std::string& product, const std::string& version) {
  return "<plist version=\"1.0\"><dict><key>ProductName</key><string>" + product +
         "</string><key>ProductVersion</key><string>" + version +
         "</string><key>ProductBuildVersion</key><string>X1</string></dict></plist>";
}

}  // namespace

TEST_CASE("os: the sample Mac is macOS 14.4.1") {
  auto source = open_root(nwaudit::test::fixture_path("macs/sonoma"));
  Facts facts("test", source->description());
  collect_os(*source, nullptr, facts);
  pugi::xml_node os = facts.document().child("facts").child("os");
  REQUIRE(os);
  CHECK(std::string(os.attribute("product").value()) == "macOS");
  CHECK(os.attribute("macos").as_bool());
  CHECK(os.attribute("major").as_int() == 14);
  CHECK(os.attribute("minor").as_int() == 4);
  CHECK(os.attribute("patch").as_int() == 1);
  CHECK(std::string(os.attribute("build").value()) == "23E224");
  CHECK(facts.document().select_node("/facts/coverage/source[@collector='os'][@status='read']"));
}

TEST_CASE("os: iOS and old Mac OS X names") {
  TempDir tree;
  tree.write("System/Library/CoreServices/SystemVersion.plist", system_version("iPhone OS", "17.4"));
  auto source = open_root(tree.path().string());
  Facts facts("test", "tree");
  collect_os(*source, nullptr, facts);
  CHECK_FALSE(facts.document().child("facts").child("os").attribute("macos").as_bool());

  tree.write("System/Library/CoreServices/SystemVersion.plist", system_version("Mac OS X", "10.15.7"));
  Facts old_facts("test", "tree");
  collect_os(*source, nullptr, old_facts);
  pugi::xml_node os = old_facts.document().child("facts").child("os");
  CHECK(os.attribute("macos").as_bool());
  CHECK(os.attribute("major").as_int() == 10);
  CHECK(os.attribute("minor").as_int() == 15);
}

TEST_CASE("os: a missing or broken SystemVersion.plist is a coverage entry") {
  TempDir tree;
  auto source = open_root(tree.path().string());
  Facts missing("test", "tree");
  collect_os(*source, nullptr, missing);
  CHECK_FALSE(missing.document().child("facts").child("os"));
  CHECK(missing.document().select_node("/facts/coverage/source[@status='missing'][@problem='not-found']"));

  tree.write("System/Library/CoreServices/SystemVersion.plist", "<plist><dict><key>a</key></plist>");
  Facts broken("test", "tree");
  collect_os(*source, nullptr, broken);
  pugi::xml_node entry = broken.document().select_node("/facts/coverage/source[@status='broken']").node();
  REQUIRE(entry);
  CHECK(std::string(entry.attribute("path").value()) == "/System/Library/CoreServices/SystemVersion.plist");
  CHECK(std::string(entry.attribute("reason").value()).find("line 1") == 0);
}
