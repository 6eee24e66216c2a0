#include <doctest/doctest.h>

#include <string>

#include "nwaudit/capture/pfctl_show_all_capture.h"

using namespace nwaudit::capture;

namespace {

const std::string kInfo = "\nINFO:\nStatus: Disabled                              Debug: Urgent\n\nTIMEOUTS:\ntcp.first 120s\n";

}  // namespace

TEST_CASE("capture: pfctl -s all per anchor, as the get-network-info script writes network-info/pf") {
  const std::string text =
      "#\n# pfctl -s all\n#\n"                                              // 1-3
      "No ALTQ support in kernel\nALTQ related functions disabled\n"       // 4-5
      "TRANSLATION RULES:\nnat-anchor \"com.apple/*\" all\n\n"             // 6-8
      "FILTER RULES:\nscrub-anchor \"com.apple/*\" all fragment reassemble\n"  // 9-10
      "anchor \"com.apple/*\" all\nanchor \"org.example\" all\n" + kInfo +  // 11-12, 13-18
      "==============================\n#\n# pfctl -s References\n#\nTOKENS:\n"  // 19-23
      "==============================\n#\n# pfctl -a com.apple -s all\n#\n"     // 24-27
      "FILTER RULES:\nanchor \"200.AirDrop/*\" all\n" + kInfo +               // 28-29
      "==============================\n#\n# pfctl -a org.example -s all\n#\n"
      "FILTER RULES:\npass out quick on utun3 all\n";
  const PfShowAll listing = parse_pfctl_show_all(text);
  CHECK(listing.problems.empty());
  REQUIRE(listing.sections.size() == 3);
  const PfShowAllSection& main = listing.sections[0];
  CHECK(main.anchor.empty());
  CHECK(main.line == 2);
  REQUIRE(main.ruleset.anchors.size() == 4);
  CHECK(main.ruleset.anchors[0].path == "com.apple");
  CHECK(main.ruleset.anchors[0].kind == PfHookKind::nat);
  CHECK(main.ruleset.anchors[0].line == 7);
  CHECK(main.ruleset.anchors[3].path == "org.example");
  CHECK_FALSE(main.ruleset.anchors[3].apple);
  CHECK(main.ruleset.anchors[3].line == 12);
  CHECK(main.ruleset.rules.empty());  // INFO and TIMEOUTS are not rules
  CHECK(listing.sections[1].anchor == "com.apple");
  REQUIRE(listing.sections[1].ruleset.anchors.size() == 1);
  CHECK(listing.sections[1].ruleset.anchors[0].path == "com.apple/200.AirDrop");
  CHECK(listing.sections[1].ruleset.anchors[0].line == 29);
  CHECK(listing.sections[2].anchor == "org.example");
  REQUIRE(listing.sections[2].ruleset.rules.size() == 1);
  CHECK(listing.sections[2].ruleset.rules[0].text == "pass out quick on utun3 all");
}

TEST_CASE("capture: pfctl -s all as the newer collector writes pf.txt: full paths, -a last, no separators") {
  const std::string text =
      "#\n# /sbin/pfctl -l -s all\n#\nFILTER RULES:\nanchor \"com.apple/*\" all\n" + kInfo +
      "#\n# /sbin/pfctl -l -s References\n#\nTOKENS:\n"
      "#\n# /sbin/pfctl -l -s all -a com.apple/250.ApplicationFirewall\n#\n" + kInfo;
  const PfShowAll listing = parse_pfctl_show_all(text);
  CHECK(listing.problems.empty());
  REQUIRE(listing.sections.size() == 2);
  CHECK(listing.sections[0].anchor.empty());
  CHECK(listing.sections[1].anchor == "com.apple/250.ApplicationFirewall");
  CHECK(listing.sections[1].ruleset.anchors.empty());
}

TEST_CASE("capture: pfctl -s all pasted without headers, CRLF line ends, numbered as split_lines numbers them") {
  const PfShowAll listing = parse_pfctl_show_all("\xEF\xBB\xBF" "FILTER RULES:\r\n\r\nblock drop all\r\n");
  REQUIRE(listing.sections.size() == 1);
  REQUIRE(listing.sections[0].ruleset.rules.size() == 1);
  CHECK(listing.sections[0].ruleset.rules[0].line == 3);
}

TEST_CASE("capture: pfctl -s all, errors and garbage are problems with their lines, and no listing is none") {
  const PfShowAll denied = parse_pfctl_show_all("#\n# pfctl -s all\n#\npfctl: /dev/pf: Permission denied\n");
  CHECK(denied.sections.empty());
  REQUIRE(denied.problems.size() == 1);
  CHECK(denied.problems[0].line == 4);
  const PfShowAll garbage =
      parse_pfctl_show_all("#\n# pfctl -s all\n#\nFILTER RULES:\nanchor \"org.example\" all\n\x01\x02 what\n");
  REQUIRE(garbage.sections.size() == 1);
  CHECK(garbage.sections[0].ruleset.anchors.size() == 1);
  REQUIRE(garbage.problems.size() == 1);
  CHECK(garbage.problems[0].line == 6);
  CHECK(parse_pfctl_show_all("").sections.empty());
  CHECK(parse_pfctl_show_all("#\n# pfctl -s References\n#\nTOKENS:\n").sections.empty());
}
