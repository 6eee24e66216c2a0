#include <doctest/doctest.h>

#include "nwaudit/facts/vendor_catalog.h"
#include "nwaudit/rules/knowledge.h"
#include "test_support.h"

using namespace nwaudit;

namespace {

VendorCatalog catalog_of(const std::string& text, std::vector<Error>* problems = nullptr) {
  VendorCatalog catalog;
  const auto file = XmlFile::parse("/rules/vendors.xml", text);
  REQUIRE(file);
  auto found = catalog.add(*file);
  if (problems != nullptr) *problems = found;
  return catalog;
}

}  // namespace

TEST_CASE("vendors: exact identifier, then the longest prefix, then the team") {
  VendorCatalog catalog = catalog_of(R"(<vendors>
    <identifier id="com.example.vpn.tunnel" vendor="Example" product="Example VPN" kind="packet-tunnel"/>
    <prefix id="com.example." vendor="Example" product="Example tools"/>
    <prefix id="com.example.vpn." vendor="Example" product="Example VPN family"/>
    <team id="ABCDE12345" vendor="Example Inc."/>
  </vendors>)");
  CHECK(catalog.find("com.example.vpn.tunnel", "")->kind == "packet-tunnel");
  CHECK(catalog.find("com.example.vpn.other", "")->product == "Example VPN family");
  CHECK(catalog.find("com.example.filter", "")->product == "Example tools");
  CHECK(catalog.find("org.unknown", "ABCDE12345")->vendor == "Example Inc.");
  CHECK_FALSE(catalog.find("org.unknown", "ZZZZZ99999"));
  CHECK_FALSE(catalog.find("", ""));
}

TEST_CASE("vendors: a later file overrides an identifier; bad entries name the line") {
  std::vector<Error> problems;
  VendorCatalog catalog = catalog_of("<vendors>\n<identifier id=\"a.b\" vendor=\"First\"/>\n"
                                     "<identifier id=\"a.b\" vendor=\"Second\"/>\n<identifier id=\"c.d\"/>\n"
                                     "<vendor id=\"x\" vendor=\"y\"/>\n</vendors>", &problems);
  CHECK(catalog.find("a.b", "")->vendor == "Second");
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].describe() == "/rules/vendors.xml: line 4: <identifier> needs id and vendor attributes");
  CHECK(problems[1].describe() == "/rules/vendors.xml: line 5: unknown element <vendor>");
}

TEST_CASE("knowledge: the shipped vendor file loads cleanly and knows the reference identifiers") {
  const Knowledge knowledge = load_knowledge({std::string(NWAUDIT_FIXTURES) + "/../rules"});
  CHECK(knowledge.problems.empty());
  CHECK(knowledge.vendors.find("at.obdev.nke.LittleSnitch", "")->kind == "network-filter");
  CHECK(knowledge.vendors.find("com.objective-see.lulu.extension", "")->kind == "content-filter");
  CHECK(knowledge.vendors.find("io.tailscale.ipn.macsys.network-extension", "")->vendor == "Tailscale");
}

TEST_CASE("knowledge: user folders add and override; bad files are named problems") {
  nwaudit::test::TempDir user;
  user.write("mine.xml", R"(<vendors><identifier id="at.obdev.nke.LittleSnitch" vendor="Mine" kind="socket-filter"/></vendors>)");
  user.write("broken.xml", "<vendors><identifier");
  user.write("other.xml", "<something/>");
  user.write("notes.txt", "ignored: not XML");
  const Knowledge knowledge = load_knowledge({std::string(NWAUDIT_FIXTURES) + "/../rules", user.path()});
  CHECK(knowledge.vendors.find("at.obdev.nke.LittleSnitch", "")->vendor == "Mine");
  REQUIRE(knowledge.problems.size() == 2);
  CHECK(knowledge.problems[0].path.find("broken.xml") != std::string::npos);
  CHECK(knowledge.problems[0].reason.find("not well-formed XML") == 0);
  CHECK(knowledge.problems[1].reason == "unknown root element <something>; expected <rules> or <vendors>");

  const Knowledge missing = load_knowledge({user.path() / "no-such-folder"});
  REQUIRE(missing.problems.size() == 1);
  CHECK(missing.problems[0].reason.find("cannot list rule directory") == 0);
}
