#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "nwaudit/capture/pf_capture.h"
#include "nwaudit/capture/pfctl_command_anchor.h"
#include "test_support.h"

using namespace nwaudit::capture;
using nwaudit::test::fixture;

namespace {

// /etc/pf.anchors/com.apple as macOS ships it: hooks relative to the com.apple anchor.
constexpr const char* kAppleAnchorFile = R"(#
# Default PF anchors for Apple services
#
scrub-anchor "200.AirDrop/*"
anchor "200.AirDrop/*"

scrub-anchor "250.ApplicationFirewall/*"
anchor "250.ApplicationFirewall/*"
)";

std::vector<std::string> paths(const std::vector<PfAnchorHook>& hooks) {
  std::vector<std::string> result;
  for (const auto& hook : hooks) result.push_back(hook.path);
  return result;
}

std::vector<std::size_t> problem_lines(const std::vector<nwaudit::Error>& problems) {
  std::vector<std::size_t> lines;
  for (const auto& problem : problems) lines.push_back(problem.line);
  return lines;
}

// A prefix of a clean capture cuts at most its last line, so only that line can be a problem.
template <class Parse>
void check_every_prefix(const std::string& full, Parse parse) {
  for (std::size_t size = 0; size <= full.size(); ++size) {
    const std::string_view prefix = std::string_view(full).substr(0, size);
    const auto last_line = static_cast<std::size_t>(std::count(prefix.begin(), prefix.end(), '\n')) + 1;
    for (const auto& problem : parse(prefix).problems) {
      CAPTURE(size);
      CHECK(problem.line == last_line);
      CHECK_FALSE(prefix.ends_with('\n'));
    }
  }
}

}  // namespace

TEST_CASE("capture: the kernel's allow-list of Apple pf anchors") {
  for (const char* apple : {"_pf", "com.apple", "com.apple.internet-sharing", "com.apple.internet-sharing/foo",
                            "com.apple.internet-sharing/shared_v4", "com.apple/250.ApplicationFirewall",
                            "com.apple/250.ApplicationFirewall/x", "com.apple/200.AirDrop", "com.apple/200.AirDrop/Bonjour",
                            "com.apple/200.AirDropSomething", "com.apple.internet-sharingX"}) {
    const std::string path = apple;
    CAPTURE(path);
    CHECK(is_apple_anchor(apple));
  }
  for (const char* custom : {"", "com.applex", "com.apple/300.Custom", "com.apple/", "com.apple/*", "/com.apple",
                             "Com.apple", "com.apple.vpn", "com.apple/250.applicationfirewall", "_pf/x", "x/_pf",
                             "org.example.vpn", "com.apple/100.AirDrop", "com.apple.internet"}) {
    const std::string path = custom;
    CAPTURE(path);
    CHECK_FALSE(is_apple_anchor(custom));
  }
}

TEST_CASE("capture: anchor hooks resolve as pf_anchor_setup does") {
  CHECK(resolve_anchor_path("", "com.apple/*") == "com.apple");
  CHECK(resolve_anchor_path("", "com.apple") == "com.apple");
  CHECK(resolve_anchor_path("", "/org.example") == "org.example");
  CHECK(resolve_anchor_path("com.apple", "200.AirDrop/*") == "com.apple/200.AirDrop");
  CHECK(resolve_anchor_path("com.apple", "/org.example/*") == "org.example");
  CHECK(resolve_anchor_path("com.apple/200.AirDrop", "../250.ApplicationFirewall") == "com.apple/250.ApplicationFirewall");
  CHECK(resolve_anchor_path("com.apple/200.AirDrop", "../../x") == "x");
  CHECK(resolve_anchor_path("com.apple", "*") == "com.apple");  // "com.apple/*": every child
  CHECK(resolve_anchor_path("", "*") == "*");                    // no "/": an anchor named "*"
  CHECK_FALSE(resolve_anchor_path("", "../x"));
  CHECK_FALSE(resolve_anchor_path("com.apple", "../../x"));
}

TEST_CASE("capture: the stock macOS pf.conf has only Apple hooks") {
  const auto conf = parse_pf_conf(fixture("captures/pf.conf-default"));
  CHECK(conf.problems.empty());
  CHECK(conf.rules.empty());
  REQUIRE(conf.anchors.size() == 5);
  const PfHookKind kinds[] = {PfHookKind::scrub, PfHookKind::nat, PfHookKind::rdr, PfHookKind::dummynet, PfHookKind::filter};
  for (std::size_t i = 0; i < 5; ++i) {
    CAPTURE(i);
    CHECK(conf.anchors[i].kind == kinds[i]);
    CHECK(conf.anchors[i].name == "com.apple/*");
    CHECK(conf.anchors[i].path == "com.apple");
    CHECK(conf.anchors[i].apple);
  }
  CHECK(conf.anchors[0].line == 22);
  CHECK(std::string(to_string(conf.anchors[3].kind)) == "dummynet-anchor");
  REQUIRE(conf.load_anchors.size() == 1);
  CHECK(conf.load_anchors[0].name == "com.apple");
  CHECK(conf.load_anchors[0].file == "/etc/pf.anchors/com.apple");
  CHECK(conf.load_anchors[0].line == 27);

  const auto apple_file = parse_pf_conf(kAppleAnchorFile, "com.apple");
  CHECK(apple_file.problems.empty());
  CHECK(paths(apple_file.anchors) == std::vector<std::string>{"com.apple/200.AirDrop", "com.apple/200.AirDrop",
                                                              "com.apple/250.ApplicationFirewall",
                                                              "com.apple/250.ApplicationFirewall"});
  CHECK(std::all_of(apple_file.anchors.begin(), apple_file.anchors.end(), [](const auto& hook) { return hook.apple; }));
  // Read as if it were the main ruleset, the same hooks name custom anchors.
  CHECK_FALSE(parse_pf_conf(kAppleAnchorFile).anchors.at(0).apple);
}

TEST_CASE("capture: a customised pf.conf") {
  const auto conf = parse_pf_conf(fixture("captures/pf.conf-custom"));
  CHECK(conf.problems.empty());
  REQUIRE(conf.anchors.size() == 6);
  const auto& vpn = conf.anchors[5];
  CHECK(vpn.kind == PfHookKind::filter);
  CHECK(vpn.name == "org.example.vpn");
  CHECK(vpn.path == "org.example.vpn");
  CHECK_FALSE(vpn.apple);
  CHECK(vpn.line == 34);
  REQUIRE(conf.load_anchors.size() == 2);
  CHECK(conf.load_anchors[1].name == "org.example.vpn");
  CHECK(conf.load_anchors[1].file == "/etc/pf.anchors/org.example.vpn");
  REQUIRE(conf.rules.size() == 2);  // its macro and table are neither rules nor problems
  CHECK(conf.rules[0].text == "block drop in proto tcp from any to any port 23");
  CHECK(conf.rules[0].line == 38);
  CHECK(conf.rules[1].text.starts_with("pass "));
  CHECK(conf.rules[1].line == 39);
  CHECK(conf.rules[1].text.find("keep state") != std::string::npos);
}

TEST_CASE("capture: pf.conf comments, continuations, quotes, options and inline anchors") {
  const auto conf = parse_pf_conf(
      "set skip on lo0   # loopback\n"                                     // 1
      "include \"/etc/pf.anchors/extra\"\n"                                // 2
      "ports = \"{ 22, 80 }\"\n"                                           // 3
      "anchor \"with#hash\" label \"not # a comment\"\n"                   // 4
      "nat-anchor \"org.example/*\" \\\n"                                  // 5
      "  on en0\n"                                                         // 6
      "rdr-anchor org.example.rdr on en0\n"                                // 7
      "binat-anchor \"/com.apple.internet-sharing/x\"\n"                   // 8
      "pass in proto tcp from any to any port $ports\\\n"                  // 9
      "\n"                                                                 // 10: ends the continuation
      "block drop all\n"                                                   // 11
      "anchor \"org.example.inline\" on { en0 en1 } {\n"                   // 12
      "  block in all\n"                                                   // 13
      "  anchor \"nested\" {\n"                                            // 14
      "    pass all\n"                                                     // 15
      "  }\n"                                                              // 16
      "}\n"                                                                // 17
      "anchor \"one.line\" { pass in all }\n"                              // 18
      "anchor in on en0 {\n"                                               // 19
      "  pass all\n"                                                       // 20
      "}\n"                                                                // 21
      "no nat on en0 from 10.0.0.1 to any\n"                               // 22
      "antispoof for en0\n"                                                // 23
      "dummynet in quick proto tcp from any to any pipe 1\n");             // 24
  CHECK(conf.problems.empty());  // lines 1 to 3 are an option, an include and a macro

  REQUIRE(conf.anchors.size() == 7);
  CHECK(conf.anchors[0].name == "with#hash");
  CHECK(conf.anchors[1].kind == PfHookKind::nat);
  CHECK(conf.anchors[1].path == "org.example");
  CHECK(conf.anchors[1].line == 5);
  CHECK(conf.anchors[2].kind == PfHookKind::rdr);
  CHECK(conf.anchors[2].name == "org.example.rdr");
  CHECK(conf.anchors[3].kind == PfHookKind::binat);
  CHECK(conf.anchors[3].path == "com.apple.internet-sharing/x");
  CHECK(conf.anchors[3].apple);
  CHECK(conf.anchors[4].name == "org.example.inline");
  CHECK(conf.anchors[5].name == "one.line");
  CHECK(conf.anchors[6].name.empty());  // anonymous
  CHECK_FALSE(conf.anchors[6].apple);

  std::vector<std::size_t> rule_lines;
  for (const auto& rule : conf.rules) rule_lines.push_back(rule.line);
  CHECK(rule_lines == std::vector<std::size_t>{9, 11, 22, 23, 24});  // inline anchors' rules are theirs
  CHECK(conf.rules[0].text == "pass in proto tcp from any to any port $ports");
  CHECK(conf.rules[2].text == "no nat on en0 from 10.0.0.1 to any");
  CHECK(conf.rules[4].text == "dummynet in quick proto tcp from any to any pipe 1");
}

TEST_CASE("capture: pf.conf lines that cannot be understood are problems") {
  const auto conf = parse_pf_conf(
      "garbage here\n"                                         // 1
      "anchor \"unclosed\n"                                    // 2
      "load anchor \"x\" \"/etc/pf.anchors/x\"\n"              // 3: no "from"
      "anchor \"../up\"\n"                                     // 4: above the main ruleset
      "anchor\n"                                               // 5: no name, no rules
      "}\n"                                                    // 6: stray brace
      "\"quoted\" start\n"                                     // 7
      "include\n"                                              // 8
      "altq on en0 cbq bandwidth 10Mb queue { std }\n"         // 9: no ALTQ on macOS
      "pass all\n");                                           // 10
  CHECK(problem_lines(conf.problems) == std::vector<std::size_t>{1, 2, 3, 4, 5, 6, 7, 8, 9});
  REQUIRE(conf.rules.size() == 1);
  CHECK(conf.rules[0].line == 10);
  REQUIRE(conf.anchors.size() == 1);  // "../up" is kept, with no path
  CHECK(conf.anchors[0].path.empty());
  CHECK_FALSE(conf.anchors[0].apple);
}

TEST_CASE("capture: pfctl -s Anchors -v with the stderr noise people paste") {
  const auto anchors = parse_pfctl_anchors(fixture("captures/pfctl-anchors-custom.txt"));
  CHECK(anchors.problems.empty());
  REQUIRE(anchors.anchors.size() == 5);
  CHECK(anchors.anchors[0].path == "com.apple");
  CHECK(anchors.anchors[0].line == 4);
  CHECK(anchors.anchors[2].path == "com.apple/200.AirDrop/Bonjour");
  for (std::size_t i = 0; i < 4; ++i) CHECK(anchors.anchors[i].apple);
  CHECK(anchors.anchors[4].path == "org.example.vpn");
  CHECK_FALSE(anchors.anchors[4].apple);

  const auto noisy = parse_pfctl_anchors(
      "pfctl: Use of -f option, could result in flushing of rules\r\n"
      "present in the main ruleset added by the system at startup.\r\n"
      "See /etc/pf.conf for further details.\r\n"
      "\tcom.apple.internet-sharing\r\n"
      "pfctl -s Anchors\r\n"
      "pfctl: /dev/pf: Permission denied\r\n"
      "not an anchor\r\n"
      "{{}}\r\n"
      "  com.apple/300.Custom");
  REQUIRE(noisy.anchors.size() == 2);
  CHECK(noisy.anchors[0].apple);
  CHECK(noisy.anchors[1].path == "com.apple/300.Custom");
  CHECK_FALSE(noisy.anchors[1].apple);
  CHECK(problem_lines(noisy.problems) == std::vector<std::size_t>{6, 7, 8});
  CHECK(noisy.problems[0].reason.find("Permission denied") != std::string::npos);
  CHECK(parse_pfctl_anchors("").anchors.empty());
}

TEST_CASE("capture: pfctl -s rules, hooks against plain rules") {
  const auto rules = parse_pfctl_rules(fixture("captures/pfctl-rules-custom.txt"));
  CHECK(rules.problems.empty());
  REQUIRE(rules.anchors.size() == 3);
  CHECK(rules.anchors[0].kind == PfHookKind::scrub);
  CHECK(rules.anchors[0].apple);
  CHECK(rules.anchors[1].kind == PfHookKind::filter);
  CHECK(rules.anchors[1].path == "com.apple");
  CHECK(rules.anchors[2].name == "org.example.vpn");
  CHECK_FALSE(rules.anchors[2].apple);
  REQUIRE(rules.rules.size() == 3);
  CHECK(rules.rules[0].text == "block drop in proto tcp from any to any port = 23");
  CHECK(rules.rules[0].line == 7);

  const auto verbose = parse_pfctl_rules(
      "% sudo pfctl -vv -s all\n"
      "@0 scrub-anchor \"com.apple/*\" all fragment reassemble\n"
      "  [ Evaluations: 1412      Packets: 0         Bytes: 0           States: 0     ]\n"
      "  [ Inserted: uid 0 pid 1 State Creations: 0     ]\n"
      "@0 nat-anchor \"com.apple/*\" all\n"
      "@1 rdr-anchor \"com.apple/*\" all\n"
      "@0 dummynet-anchor \"com.apple/*\" all\n"
      "@0 binat-anchor \"org.example/*\" all\n"
      "@5 anchor \"com.apple/*\" all\n"
      "load anchor \"org.example\" from \"/etc/pf.anchors/org.example\"\n"
      "@6 pass out all flags S/SA keep state\n"
      "@7 garbage\n");
  CHECK(problem_lines(verbose.problems) == std::vector<std::size_t>{12});
  REQUIRE(verbose.anchors.size() == 6);
  CHECK(verbose.anchors[4].kind == PfHookKind::binat);
  CHECK_FALSE(verbose.anchors[4].apple);
  REQUIRE(verbose.load_anchors.size() == 1);
  CHECK(verbose.load_anchors[0].name == "org.example");
  REQUIRE(verbose.rules.size() == 1);
  CHECK(verbose.rules[0].text == "pass out all flags S/SA keep state");

  // pfctl -a com.apple -s rules prints the hooks relative to com.apple.
  const auto nested = parse_pfctl_rules("anchor \"200.AirDrop/*\" all\nanchor \"250.ApplicationFirewall/*\" all\n",
                                        "com.apple");
  CHECK(paths(nested.anchors) == std::vector<std::string>{"com.apple/200.AirDrop", "com.apple/250.ApplicationFirewall"});
  CHECK(nested.anchors[1].apple);

  CHECK(parse_pfctl_rules("").anchors.empty());
  CHECK(parse_pfctl_rules("").problems.empty());
  CHECK(parse_pfctl_rules("pfctl: /dev/pf: Permission denied\n").problems.size() == 1);
}

TEST_CASE("capture: pf captures with CRLF, tabs, a truncated last line, and every prefix") {
  const std::string conf_text = fixture("captures/pf.conf-custom");
  std::string crlf;
  for (char c : conf_text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const auto conf = parse_pf_conf(crlf);
  CHECK(conf.problems.empty());
  CHECK(conf.rules.size() == 2);
  CHECK(conf.anchors.size() == 6);

  const auto truncated = parse_pf_conf("anchor \"com.apple/*\"\nload anchor \"com.apple\" from \"/etc/pf.anch");
  CHECK(problem_lines(truncated.problems) == std::vector<std::size_t>{2});
  CHECK(truncated.anchors.size() == 1);

  const auto tabs = parse_pfctl_rules("\t\tanchor\t\"com.apple/*\"\tall\r\n\tpass\tall\r\n");
  CHECK(tabs.anchors.at(0).path == "com.apple");
  CHECK(tabs.rules.at(0).text == "pass\tall");

  check_every_prefix(fixture("captures/pf.conf-default"), [](std::string_view t) { return parse_pf_conf(t); });
  check_every_prefix(conf_text, [](std::string_view t) { return parse_pf_conf(t); });
  check_every_prefix(fixture("captures/pfctl-anchors-custom.txt"), [](std::string_view t) { return parse_pfctl_anchors(t); });
  check_every_prefix(fixture("captures/pfctl-rules-custom.txt"), [](std::string_view t) { return parse_pfctl_rules(t); });
}

TEST_CASE("pfctl capture: the anchor it was made in, from the command line pasted above it") {
  using nwaudit::capture::pfctl_command_anchor;
  CHECK(pfctl_command_anchor("$ sudo pfctl -a com.apple -s rules\nanchor \"200.AirDrop/*\" all\n") == "com.apple");
  CHECK(pfctl_command_anchor("No ALTQ support in kernel\n% pfctl -sr -a \"com.apple/250.ApplicationFirewall\"\n") ==
        "com.apple/250.ApplicationFirewall");
  CHECK(pfctl_command_anchor("user@mac ~ % /sbin/pfctl -acom.apple -sr\n") == "com.apple");
  CHECK(pfctl_command_anchor("$ sudo pfctl -s rules\nanchor \"com.apple/*\" all\n").empty());
  CHECK(pfctl_command_anchor("anchor \"com.apple/*\" all\n").empty());
  CHECK(pfctl_command_anchor("").empty());
  CHECK(nwaudit::capture::is_com_apple_sub_anchor_hook("200.AirDrop/*"));
  CHECK(nwaudit::capture::is_com_apple_sub_anchor_hook("300.NetworkLinkConditioner/*"));
  CHECK_FALSE(nwaudit::capture::is_com_apple_sub_anchor_hook("200.AirDropper/*"));
  CHECK_FALSE(nwaudit::capture::is_com_apple_sub_anchor_hook("com.apple/*"));
}
