#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "nwaudit/report/report.h"
#include "report_support.h"
#include "report/display_text.h"
#include "report/fingerprint.h"
#include "report/markdown_escape.h"
#include "report/text_wrap.h"

using nlohmann::json;
using nwaudit::AuditResult;
using nwaudit::Cause;
using nwaudit::Confidence;
using nwaudit::CoverageEntry;
using nwaudit::Effect;
using nwaudit::Error;
using nwaudit::ErrorKind;
using nwaudit::Finding;
using nwaudit::Fix;
using nwaudit::NetworkPath;
using nwaudit::ReportFormat;
using nwaudit::ReportOptions;
using nwaudit::Rule;
using nwaudit::Severity;
using nwaudit::render_report;

using nwaudit::test::check_order;
using nwaudit::test::contains;
using nwaudit::test::lines_of;
using nwaudit::test::render;

namespace {

// Subjects and values that have broken reports elsewhere: quotes, table pipes, HTML, a
// newline, non-ASCII, a terminal escape, a byte that is not UTF-8, a bidi override.
const std::string kTrickySubject = "Caf\xC3\xA9 \"Filter\" | <b>bold</b>\nsecond line";
const std::string kEscapeValue = "red\x1b[31mtext\x1b[0m";
const std::string kBrokenUtf8 = "bad\xFFutf8";
const std::string kBidi = "abc\xE2\x80\xAEtxt.exe";

Fix fix(std::string audience, std::string title, std::string command, bool admin, bool reboot, bool mdm,
        std::string side_effects = "", std::string description = "") {
  Fix made;
  made.audience = std::move(audience);
  made.title = std::move(title);
  made.description = std::move(description);
  made.command = std::move(command);
  made.needs_admin = admin;
  made.needs_reboot = reboot;
  made.needs_mdm = mdm;
  made.side_effects = std::move(side_effects);
  return made;
}

Rule rule(std::string id, std::string title, Cause cause, Effect effect, Severity severity) {
  Rule made;
  made.id = std::move(id);
  made.title = std::move(title);
  made.cause = cause;
  made.effect = effect;
  made.severity = severity;
  made.confidence = Confidence::high;
  return made;
}

// An audit as the engine would hand it over, with the rules owned here.
struct SampleAudit {
  Rule kext = rule("kext-socket-filter", "A kernel extension filters sockets", Cause::socket_filter,
                   Effect::all_connections, Severity::high);
  Rule firewall = rule("application-firewall", "The Application Firewall is on", Cause::application_firewall,
                       Effect::all_connections, Severity::medium);
  Rule tunnel = rule("tunnel-interface", "A tunnel interface without a flow switch", Cause::tunnel,
                     Effect::some_connections, Severity::low);
  Rule limit = rule("fd-limit", "Descriptor limit of GUI apps", Cause::fd_limit, Effect::informational, Severity::info);
  AuditResult result;

  SampleAudit() {
    kext.explanation = "A socket filter sees every socket, so the kernel turns user-space networking off.";
    kext.fixes = {fix("app", "Raise the descriptor limit", "", false, false, false, "",
                      "Call setrlimit(RLIMIT_NOFILE) early; see `ulimit -n`."),
                  fix("mac", "Remove {@id}", "sudo kmutil unload -b {@id} && echo `done` | tee /tmp/x", true, true,
                      false, "The product stops filtering until its Network Extension version is installed.")};
    kext.references = {{"xnu bsd/kern/kpi_socketfilter.c", "https://github.com/apple-oss-distributions/xnu"},
                       {"A note without a link", ""}};
    firewall.fixes = {fix("mac", "Turn the firewall off", "sudo /usr/libexec/ApplicationFirewall/socketfilterfw --setglobalstate off",
                          true, false, true, "Conflicts with compliance baselines (CIS 2.2.1).")};
    tunnel.references = {{"Not a web link", "javascript:alert(1)"}, kext.references[0]};

    result.tool_version = "0.1.0";
    result.source = "the tree at /tmp/mac";
    result.host = {"macOS", "14.4.1", "23E224", "arm64"};
    result.verdict.path = result.verdict.predicted = NetworkPath::sockets;
    result.verdict.confidence = Confidence::high;
    result.verdict.summary = "Every Network.framework connection gets its own socket on this Mac.";
    result.verdict.causes = {0, 1, 99};  // 99 is out of range and must be skipped
    result.verdict.blind_spots = {"/Library/Preferences/com.apple.alf.plist"};

    Finding kext_finding;
    kext_finding.rule = &kext;
    kext_finding.confidence = Confidence::confirmed;
    kext_finding.subject = "at.obdev.nke.LittleSnitch";
    kext_finding.message = "Little Snitch's kext at.obdev.nke.LittleSnitch is loaded and filters sockets.";
    kext_finding.fixes = {fix("mac", "Remove at.obdev.nke.LittleSnitch",
                              "sudo kmutil unload -b at.obdev.nke.LittleSnitch && echo `done` | tee /tmp/x", true, true,
                              false, "The product stops filtering."),
                          fix("app", "Raise the descriptor limit", "", false, false, false, "",
                              "Call setrlimit(RLIMIT_NOFILE) early; see `ulimit -n`.")};
    kext_finding.evidence = {{"id", "at.obdev.nke.LittleSnitch"}, {"version", "5.7.1 (6412)"}, {"loaded", "true"},
                             {"note", kEscapeValue}, {"bytes", kBrokenUtf8}};
    kext_finding.evidence_element = "kext";
    kext_finding.source = "/Library/Extensions/Little Snitch.kext/Contents/Info.plist";

    Finding firewall_finding;
    firewall_finding.rule = &firewall;
    firewall_finding.confidence = Confidence::high;
    firewall_finding.subject = kTrickySubject;
    firewall_finding.message = "The firewall is on | with \"stealth\" mode <enabled>.\n# not a heading\n- not a list";
    firewall_finding.fixes = firewall.fixes;
    firewall_finding.evidence = {{"enabled", "true"}, {"mode", "a|b"}};
    firewall_finding.evidence_element = "application-firewall";
    firewall_finding.source = "/Library/Preferences/com.apple.alf.plist";

    Finding tunnel_finding;  // no source: about the Mac as a whole
    tunnel_finding.rule = &tunnel;
    tunnel_finding.confidence = Confidence::medium;
    tunnel_finding.subject = kBidi;
    tunnel_finding.message = "utun3 has no flow switch: connections over it use sockets.";
    tunnel_finding.evidence_element = "interface";

    Finding limit_finding;
    limit_finding.rule = &limit;
    limit_finding.confidence = Confidence::high;
    limit_finding.subject = "launchd";
    limit_finding.message = "GUI apps start with a limit of 256 descriptors.";
    limit_finding.fixes = {kext_finding.fixes[1]};  // the same app fix as the kext's

    result.findings = {kext_finding, firewall_finding, tunnel_finding, limit_finding};
    result.coverage = {{"os", "/System/Library/CoreServices/SystemVersion.plist", "read", ""},
                       {"firewall", "/Library/Preferences/com.apple.alf.plist", "missing", "not in the tree"},
                       {"kexts", "/Library/Extensions/Bad|Name.kext/Contents/Info.plist", "broken",
                        "line 5: <integer> 'x' | is not a number"}};
    result.rule_problems = {Error{ErrorKind::malformed, "/etc/nwaudit/rules/bad.xml", "line 3", "unknown element <rul>"}};
  }
  SampleAudit(const SampleAudit&) = delete;
  SampleAudit& operator=(const SampleAudit&) = delete;
};

}  // namespace

TEST_CASE("report: format names") {
  CHECK(nwaudit::report_format_from("text") == ReportFormat::text);
  CHECK(nwaudit::report_format_from("json") == ReportFormat::json);
  CHECK(nwaudit::report_format_from("markdown") == ReportFormat::markdown);
  CHECK(nwaudit::report_format_from("sarif") == ReportFormat::sarif);
  CHECK_FALSE(nwaudit::report_format_from("JSON"));
  CHECK_FALSE(nwaudit::report_format_from("md"));
  CHECK_FALSE(nwaudit::report_format_from(""));
  for (const ReportFormat format : {ReportFormat::text, ReportFormat::json, ReportFormat::markdown, ReportFormat::sarif}) {
    CHECK(nwaudit::report_format_from(nwaudit::to_string(format)) == format);
  }
}

TEST_CASE("report: display text makes control characters, bidi overrides and bad UTF-8 inert") {
  using nwaudit::report::displayable;
  const std::string replacement = "\xEF\xBF\xBD";
  CHECK(displayable(kEscapeValue) == "red" + replacement + "[31mtext" + replacement + "[0m");
  CHECK(displayable(kBrokenUtf8) == "bad" + replacement + "utf8");
  CHECK(displayable(kBidi) == "abc" + replacement + "txt.exe");
  CHECK(displayable("a\rb\tc\nd") == "a" + replacement + "b c\nd");
  CHECK(displayable("C1 \xC2\x9B here") == "C1 " + replacement + " here");
  CHECK(displayable("\xC0\xAF overlong") == replacement + replacement + " overlong");
  CHECK(displayable("caf\xC3\xA9 \xE2\x84\xA2 \xF0\x9F\x98\x80") == "caf\xC3\xA9 \xE2\x84\xA2 \xF0\x9F\x98\x80");
  CHECK(nwaudit::report::one_line("one \n\n  two\n") == "one two");
  CHECK(nwaudit::report::display_width("caf\xC3\xA9") == 4);
}

TEST_CASE("report: words wrap at the width and are never cut") {
  using nwaudit::report::wrap_words;
  CHECK(wrap_words("aa bb cc dd", 5) == std::vector<std::string>{"aa bb", "cc dd"});
  CHECK(wrap_words("short /a/very/long/path/that/does/not/fit end", 10) ==
        std::vector<std::string>{"short", "/a/very/long/path/that/does/not/fit", "end"});
  CHECK(wrap_words("one\n\ntwo", 80) == std::vector<std::string>{"one", "", "two"});
  CHECK(wrap_words("caf\xC3\xA9 caf\xC3\xA9", 9) == std::vector<std::string>{"caf\xC3\xA9 caf\xC3\xA9"});
}

TEST_CASE("report: Markdown escaping keeps untrusted text from becoming markup") {
  using namespace nwaudit::report;
  CHECK(markdown_text("a|b *c* _d_ <b> [x](y) `z` & ~s~ $m$ \\") ==
        "a\\|b \\*c\\* \\_d\\_ \\<b\\> \\[x\\](y) \\`z\\` & \\~s\\~ \\$m\\$ \\\\");
  CHECK(markdown_text("snake_case_name _lead trail_ &amp; &#39; &x; & y") ==
        "snake_case_name \\_lead trail\\_ \\&amp; \\&#39; \\&x; & y");
  CHECK(markdown_text("# h\n- l\n+ p\n12. n\n3) m\n    code\n===") == "\\# h\n\\- l\n\\+ p\n12\\. n\n3\\) m\ncode\n\\===");
  CHECK(markdown_text("mid-line # - + 1. stay") == "mid-line # - + 1. stay");
  CHECK(markdown_text("5.7.1 (6412)\n#hash\n-x\n1.5\n- - -\n--") == "5.7.1 (6412)\n#hash\n-x\n1.5\n\\- - -\n\\--");
  CHECK(markdown_inline("two\nlines") == "two lines");
  CHECK(markdown_cell("a|b\nc") == "a\\|b<br>c");
  CHECK(markdown_code("plain") == "`plain`");
  CHECK(markdown_code("a `b` c") == "``a `b` c``");
  CHECK(markdown_code("`x") == "`` `x ``");
  CHECK(markdown_code_cell("a|b") == "`a\\|b`");
  CHECK(markdown_fence("echo ```", "sh") == "````sh\necho ```\n````\n");
  CHECK(markdown_fence("ls\n", "sh") == "```sh\nls\n```\n");
  CHECK(markdown_link("Doc [1]", "https://example.com/a b(c)") == "[Doc \\[1\\]](https://example.com/a%20b%28c%29)");
  CHECK(markdown_link("Bad", "javascript:alert(1)") == "Bad (`javascript:alert(1)`)");
  CHECK(markdown_link("Plain", "") == "Plain");
}

TEST_CASE("report: fingerprints are stable, short and tell findings apart") {
  using nwaudit::report::finding_fingerprint;
  const std::string print = finding_fingerprint("kext-socket-filter", "at.obdev.nke.LittleSnitch");
  CHECK(print.size() == 16);
  CHECK(print.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(print == finding_fingerprint("kext-socket-filter", "at.obdev.nke.LittleSnitch"));
  CHECK(print != finding_fingerprint("kext-socket-filter", "at.obdev.nke.Other"));
  CHECK(finding_fingerprint("ab", "c") != finding_fingerprint("a", "bc"));
  // FNV-1a 64 of "a\0b", worked out independently, pins the algorithm across releases.
  CHECK(finding_fingerprint("a", "b") == "e5d29919042666b2");
}

TEST_CASE("report: text puts the verdict first, then findings by effect, what could not be read, the footer") {
  SampleAudit sample;
  const std::string text = render(sample.result, ReportFormat::text);
  CHECK(text.starts_with("Verdict: one socket per connection (high confidence)\n"));
  check_order(text, {"Every Network.framework connection gets its own socket",
                     "Decided by: kext-socket-filter (at.obdev.nke.LittleSnitch),",
                     "application-firewall (Caf\xC3\xA9 \"Filter\" | <b>bold</b> second line)",
                     "Could not read /Library/Preferences/com.apple.alf.plist, which could change",
                     "Mac: macOS 14.4.1 (23E224), arm64",
                     "Findings that send all connections through sockets (2)",
                     "[HIGH] kext-socket-filter: A kernel extension filters sockets",
                     "Subject: at.obdev.nke.LittleSnitch (confirmed confidence)",
                     "Little Snitch's kext",
                     "Evidence: <kext> id=at.obdev.nke.LittleSnitch version=\"5.7.1 (6412)\"", "loaded=true",
                     "Source: /Library/Extensions/Little Snitch.kext/Contents/Info.plist",
                     "[MEDIUM] application-firewall",
                     "Subject: Caf\xC3\xA9 \"Filter\" | <b>bold</b> second line (high confidence)",
                     "Findings that send some connections through sockets (1)",
                     "[LOW] tunnel-interface",
                     "For information (1)",
                     "[INFO] fd-limit",
                     "Could not read (2)",
                     "missing     /Library/Preferences/com.apple.alf.plist (firewall): not in the",
                     "broken      /Library/Extensions/Bad|Name.kext",
                     "Rule problems: files not loaded, rules skipped (1)",
                     "/etc/nwaudit/rules/bad.xml: line 3: unknown element <rul>",
                     "nwaudit 0.1.0 \xC2\xB7 the tree at /tmp/mac\n"});
  CHECK(text.ends_with("nwaudit 0.1.0 \xC2\xB7 the tree at /tmp/mac\n"));
  CHECK_FALSE(contains(text, "SystemVersion.plist"));  // read sources are not problems
}

TEST_CASE("report: the verdict names three blind spots and counts the rest") {
  SampleAudit sample;
  sample.result.verdict.blind_spots = {"/a", "/b", "/c", "/d", "/e"};
  const std::string text = render(sample.result, ReportFormat::text);
  check_order(text, {"Could not read /a,", "Could not read /b,", "Could not read /c,",
                     "Could not read 2 more sources that could change this, listed below.", "Mac: "});
  CHECK_FALSE(contains(text, "Could not read /d"));
  const std::string markdown = render(sample.result, ReportFormat::markdown);
  check_order(markdown, {"- Could not read /c, which could change this.\n",
                         "- Could not read 2 more sources that could change this, listed below.\n", "- **Mac:**"});
  // JSON keeps them all.
  CHECK(json::parse(render(sample.result, ReportFormat::json))["verdict"]["blind_spots"].size() == 5);
}

TEST_CASE("report: text separates fixes for the Mac from fixes for the app, with what each needs") {
  SampleAudit sample;
  const std::string text = render(sample.result, ReportFormat::text);
  check_order(text, {"[HIGH] kext-socket-filter", "Fixes on the Mac:",
                     "- Remove at.obdev.nke.LittleSnitch [needs admin, reboot]",
                     "Run: sudo kmutil unload -b at.obdev.nke.LittleSnitch && echo `done` | tee /tmp/x",
                     "Side effects: The product stops filtering.", "Fixes in the app:", "- Raise the descriptor limit",
                     "Call setrlimit(RLIMIT_NOFILE) early", "See: xnu bsd/kern/kpi_socketfilter.c",
                     "<https://github.com/apple-oss-distributions/xnu>",
                     "See: A note without a link", "[MEDIUM] application-firewall", "[needs admin, MDM]",
                     "Conflicts with compliance baselines"});
}

TEST_CASE("report: a fix or reference that findings share is spelled out once") {
  SampleAudit sample;
  const std::string text = render(sample.result, ReportFormat::text);
  check_order(text, {"[HIGH] kext-socket-filter", "- Raise the descriptor limit\n", "Call setrlimit",
                     "See: xnu bsd/kern/kpi_socketfilter.c", "[LOW] tunnel-interface",
                     "See: Not a web link <javascript:alert(1)>", "See also: 1 reference given above", "[INFO] fd-limit",
                     "- Raise the descriptor limit (as above)\n", "Could not read"});
  CHECK(text.find("Call setrlimit") == text.rfind("Call setrlimit"));

  const std::string markdown = render(sample.result, ReportFormat::markdown);
  check_order(markdown, {"#### Fixes in the app: Raise the descriptor limit", "### low: A tunnel interface",
                         "- 1 reference given above\n", "### info: Descriptor limit of GUI apps",
                         "**Also, as above:**\n\n- Fixes in the app: Raise the descriptor limit\n"});
  CHECK(markdown.find("Call setrlimit") == markdown.rfind("Call setrlimit"));

  // SARIF help is per rule, so nothing there is left out; a link must be a web link.
  const json rules = json::parse(render(sample.result, ReportFormat::sarif))["runs"][0]["tool"]["driver"]["rules"];
  CHECK(rules[2]["helpUri"] == "https://github.com/apple-oss-distributions/xnu");
  CHECK(contains(rules[2]["help"]["text"].get<std::string>(), "See: xnu bsd/kern/kpi_socketfilter.c"));
}

TEST_CASE("report: text has ANSI escapes only with colour, and never from the Mac's strings") {
  SampleAudit sample;
  const std::string plain = render(sample.result, ReportFormat::text);
  CHECK_FALSE(contains(plain, "\x1b"));
  CHECK_FALSE(contains(plain, "\xE2\x80\xAE"));  // the bidi override is gone too
  CHECK(contains(plain, "\xEF\xBF\xBD"));

  const std::string colored = render(sample.result, ReportFormat::text, true);
  CHECK(contains(colored, "\x1b[1;31mVerdict: one socket per connection (high confidence)\x1b[0m"));
  CHECK(contains(colored, "\x1b[31m[HIGH] \x1b[0m"));
  CHECK(contains(colored, "\x1b[33m[MEDIUM] \x1b[0m"));
  CHECK_FALSE(contains(colored, "\x1b[31mtext"));  // the evidence's own escape stays inert

  sample.result.verdict.path = NetworkPath::user_space;
  CHECK(contains(render(sample.result, ReportFormat::text, true), "\x1b[32mVerdict: user-space networking"));
}

TEST_CASE("report: text lines fit 80 columns unless one word or a command is longer") {
  SampleAudit sample;
  sample.result.verdict.summary = std::string(30, 'x') + " " + std::string(100, 'y') + " " +
                                  "and a long tail of ordinary words that must wrap somewhere sensible";
  const std::string text = render(sample.result, ReportFormat::text);
  CHECK(contains(text, std::string(100, 'y')));
  for (const std::string& line : lines_of(text)) {
    if (nwaudit::report::display_width(line) <= 80) continue;
    INFO(line);
    const bool one_word = line.find_first_not_of(' ') == line.find_last_of(' ') + 1 ||
                          line.find(' ', line.find_first_not_of(' ')) == std::string::npos;
    CHECK((one_word || contains(line, "Run: ")));
  }
}

TEST_CASE("report: JSON has the documented shape") {
  SampleAudit sample;
  const json report = json::parse(render(sample.result, ReportFormat::json));
  const nlohmann::ordered_json in_order = nlohmann::ordered_json::parse(render(sample.result, ReportFormat::json));
  std::vector<std::string> keys;
  for (const auto& item : in_order.items()) keys.push_back(item.key());
  CHECK(keys == std::vector<std::string>{"schema", "tool", "host", "source", "verdict", "findings", "coverage",
                                          "rule_problems"});
  CHECK(report["schema"] == "nwaudit-report/1");
  CHECK(report["tool"] == json{{"name", "nwaudit"}, {"version", "0.1.0"}});
  CHECK(report["host"] == json{{"product", "macOS"}, {"version", "14.4.1"}, {"build", "23E224"}, {"architecture", "arm64"}});
  CHECK(report["source"] == "the tree at /tmp/mac");
  CHECK(report["verdict"]["path"] == "sockets");
  CHECK(report["verdict"]["confidence"] == "high");
  CHECK(report["verdict"]["predicted"] == "sockets");
  CHECK(report["verdict"]["observed"] == false);
  CHECK(report["verdict"]["contradicted"] == false);
  CHECK(report["verdict"]["causes"] == json{"kext-socket-filter", "application-firewall"});
  CHECK(report["verdict"]["blind_spots"] == json{"/Library/Preferences/com.apple.alf.plist"});

  REQUIRE(report["findings"].size() == 4);
  const json& kext = report["findings"][0];
  CHECK(kext["rule"] == "kext-socket-filter");
  CHECK(kext["cause"] == "socket-filter");
  CHECK(kext["effect"] == "all-connections");
  CHECK(kext["severity"] == "high");
  CHECK(kext["confidence"] == "confirmed");
  CHECK(kext["evidence"]["version"] == "5.7.1 (6412)");
  CHECK(kext["evidence"]["note"] == kEscapeValue);  // JSON keeps the value; the escape is \u001b
  CHECK(kext["evidence_element"] == "kext");
  CHECK(kext["fixes"][0] == json{{"audience", "mac"},
                                 {"title", "Remove at.obdev.nke.LittleSnitch"},
                                 {"description", ""},
                                 {"command", "sudo kmutil unload -b at.obdev.nke.LittleSnitch && echo `done` | tee /tmp/x"},
                                 {"needs_admin", true},
                                 {"needs_reboot", true},
                                 {"needs_mdm", false},
                                 {"side_effects", "The product stops filtering."}});
  CHECK(kext["references"][1] == json{{"title", "A note without a link"}, {"url", ""}});
  CHECK(kext["source"] == "/Library/Extensions/Little Snitch.kext/Contents/Info.plist");
  CHECK(report["findings"][1]["subject"] == kTrickySubject);

  // Nothing is left out when empty: every finding has every key.
  for (const json& finding : report["findings"]) {
    for (const char* key : {"rule", "title", "cause", "effect", "severity", "confidence", "subject", "message",
                            "evidence", "evidence_element", "fixes", "references", "source"}) {
      INFO(key);
      CHECK(finding.contains(key));
    }
  }
  const json& tunnel = report["findings"][2];
  CHECK(tunnel["source"] == "");
  CHECK(tunnel["fixes"] == json::array());
  CHECK(report["findings"][3]["evidence"] == json::object());

  REQUIRE(report["coverage"].size() == 3);  // every entry, read or not
  CHECK(report["coverage"][1] == json{{"collector", "firewall"},
                                      {"path", "/Library/Preferences/com.apple.alf.plist"},
                                      {"status", "missing"},
                                      {"reason", "not in the tree"}});
  CHECK(report["rule_problems"][0] ==
        json{{"path", "/etc/nwaudit/rules/bad.xml"}, {"location", "line 3"}, {"reason", "unknown element <rul>"}});
}

TEST_CASE("report: JSON replaces bytes that are not UTF-8 instead of failing") {
  SampleAudit sample;
  const std::string text = render(sample.result, ReportFormat::json);
  const json report = json::parse(text);
  CHECK(report["findings"][0]["evidence"]["bytes"] == "bad\xEF\xBF\xBDutf8");
  CHECK(contains(text, "\\u001b[31m"));
}

TEST_CASE("report: an empty result still has every key") {
  AuditResult empty;
  const json report = json::parse(render(empty, ReportFormat::json));
  CHECK(report["verdict"] == json{{"path", "unknown"},
                                  {"confidence", "low"},
                                  {"summary", ""},
                                  {"causes", json::array()},
                                  {"blind_spots", json::array()},
                                  {"predicted", "unknown"},
                                  {"observed", false},
                                  {"decided_by", "configuration"},
                                  {"contradicted", false},
                                  {"contradiction", ""},
                                  {"sources_read", 0},
                                  {"sources_sought", 0}});
  CHECK(report["findings"] == json::array());
  CHECK(report["coverage"] == json::array());
  CHECK(report["rule_problems"] == json::array());
  CHECK(report["host"]["product"] == "");

  const std::string text = render(empty, ReportFormat::text);
  CHECK(contains(text, "Verdict: could not tell (low confidence)"));
  CHECK(contains(text, "Mac: an unknown Mac"));
  CHECK(contains(text, "No findings."));
  CHECK(contains(render(empty, ReportFormat::markdown), "No findings."));
  const json sarif = json::parse(render(empty, ReportFormat::sarif));
  CHECK(sarif["runs"][0]["results"] == json::array());
  CHECK(sarif["runs"][0]["tool"]["driver"]["rules"] == json::array());
}

TEST_CASE("report: a finding without a rule is shown under a stand-in rule") {
  AuditResult result;
  Finding orphan;
  orphan.subject = "something";
  result.findings.push_back(orphan);
  result.verdict.causes = {0};
  CHECK(contains(render(result, ReportFormat::text), "[INFO] unknown: Finding without a rule"));
  CHECK(json::parse(render(result, ReportFormat::json))["findings"][0]["rule"] == "unknown");
  const json sarif = json::parse(render(result, ReportFormat::sarif));
  CHECK(sarif["runs"][0]["results"][0]["ruleId"] == "unknown");
  CHECK(sarif["runs"][0]["results"][0]["message"]["text"] == "Finding without a rule");
}

TEST_CASE("report: Markdown pastes cleanly: verdict heading, table, a section per finding, collapsed problems") {
  SampleAudit sample;
  const std::string markdown = render(sample.result, ReportFormat::markdown);
  CHECK(markdown.starts_with("## Verdict: one socket per connection (high confidence)\n\n"));
  check_order(markdown, {"- **Decided by:** `kext-socket-filter` on at.obdev.nke.LittleSnitch, `application-firewall` on",
                         "- Could not read /Library/Preferences/com.apple.alf.plist, which could change this.",
                         "- **Mac:** macOS 14.4.1 (23E224), arm64",
                         "| Severity | Rule | Subject | Effect |\n|---|---|---|---|\n",
                         "| high | `kext-socket-filter` | at.obdev.nke.LittleSnitch | all connections |\n",
                         "| medium | `application-firewall` | Caf\xC3\xA9 \"Filter\" \\| \\<b\\>bold\\</b\\><br>second line | all connections |\n",
                         "| low | `tunnel-interface` |",
                         "| info | `fd-limit` | launchd | informational |\n",
                         "### high: A kernel extension filters sockets\n\n`kext-socket-filter` on **at.obdev.nke.LittleSnitch**",
                         "**Why:** A socket filter sees every socket",
                         "**Evidence:** `<kext>` from `/Library/Extensions/Little Snitch.kext/Contents/Info.plist`",
                         "| Attribute | Value |\n|---|---|\n| id | at.obdev.nke.LittleSnitch |\n",
                         "#### Fixes on the Mac: Remove at.obdev.nke.LittleSnitch\n\n_needs admin, reboot_\n\n",
                         "```sh\nsudo kmutil unload -b at.obdev.nke.LittleSnitch && echo `done` | tee /tmp/x\n```\n",
                         "**Side effects:** The product stops filtering.",
                         "#### Fixes in the app: Raise the descriptor limit",
                         "Call setrlimit(RLIMIT_NOFILE) early; see \\`ulimit -n\\`.",
                         "- [xnu bsd/kern/kpi_socketfilter.c](https://github.com/apple-oss-distributions/xnu)\n",
                         "- A note without a link\n",
                         "### medium: The Application Firewall is on",
                         "The firewall is on \\| with \"stealth\" mode \\<enabled\\>.\n\\# not a heading\n\\- not a list",
                         "| mode | a\\|b |",
                         "- Not a web link (`javascript:alert(1)`)",
                         "<details>\n<summary>Could not read 2 sources</summary>\n\n| Status | Path | Collector | Reason |",
                         "| broken | `/Library/Extensions/Bad\\|Name.kext/Contents/Info.plist` | kexts | line 5: \\<integer\\> 'x' \\| is not a number |",
                         "</details>",
                         "<summary>Rule problems (files not loaded, rules skipped): 1</summary>",
                         "- /etc/nwaudit/rules/bad.xml: line 3: unknown element \\<rul\\>",
                         "_nwaudit 0.1.0 \xC2\xB7 the tree at /tmp/mac_\n"});
  CHECK_FALSE(contains(markdown, "<b>"));
  CHECK_FALSE(contains(markdown, "\x1b"));
  CHECK_FALSE(contains(markdown, "[Not a web link]"));
  // Every table row has as many unescaped pipes as its header.
  for (const std::string& line : lines_of(markdown)) {
    if (!line.starts_with("| ")) continue;
    std::size_t pipes = 0;
    for (std::size_t i = 0; i < line.size(); ++i) pipes += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
    INFO(line);
    CHECK((pipes == 5 || pipes == 3));
  }
}

TEST_CASE("report: SARIF 2.1.0 that GitHub code scanning accepts") {
  SampleAudit sample;
  const json sarif = json::parse(render(sample.result, ReportFormat::sarif));
  CHECK(sarif["version"] == "2.1.0");
  CHECK(sarif["$schema"].get<std::string>().ends_with("sarif-schema-2.1.0.json"));
  REQUIRE(sarif["runs"].size() == 1);
  const json& run = sarif["runs"][0];
  const json& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "nwaudit");
  CHECK(driver["version"] == "0.1.0");
  CHECK(driver["informationUri"] == "https://github.com/nwaudit/nwaudit");
  CHECK(run["originalUriBaseIds"]["MACROOT"]["uri"] == "file:///");

  REQUIRE(driver["rules"].size() == 4);
  const json& kext_rule = driver["rules"][0];
  CHECK(kext_rule["id"] == "kext-socket-filter");
  CHECK(kext_rule["name"] == "KextSocketFilter");
  CHECK(kext_rule["shortDescription"]["text"] == "A kernel extension filters sockets");
  CHECK(kext_rule["fullDescription"]["text"] == sample.kext.explanation);
  CHECK(kext_rule["helpUri"] == "https://github.com/apple-oss-distributions/xnu");
  CHECK(kext_rule["defaultConfiguration"]["level"] == "error");
  CHECK(kext_rule["properties"] == json{{"cause", "socket-filter"}, {"effect", "all-connections"},
                                        {"tags", {"socket-filter", "all-connections"}}});
  // Rule-level help shows placeholders as <name>, not the first finding's values.
  const std::string help_text = kext_rule["help"]["text"];
  const std::string help_markdown = kext_rule["help"]["markdown"];
  CHECK(contains(help_text, "Remove <id> [needs admin, reboot]"));
  CHECK(contains(help_text, "Run: sudo kmutil unload -b <id>"));
  CHECK(contains(help_markdown, "```sh\nsudo kmutil unload -b <id> && echo `done` | tee /tmp/x\n```"));
  CHECK(contains(help_markdown, "[xnu bsd/kern/kpi_socketfilter.c](https://github.com/apple-oss-distributions/xnu)"));
  CHECK_FALSE(driver["rules"][3].contains("helpUri"));
  CHECK(driver["rules"][3]["help"]["text"] == "nwaudit knows no fix for this rule.");
  CHECK(driver["rules"][3]["fullDescription"]["text"] == "Descriptor limit of GUI apps");

  const json& results = run["results"];
  REQUIRE(results.size() == 4);
  std::set<std::string> fingerprints;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const json& result = results[i];
    INFO("result " << i);
    CHECK(result["ruleId"] == driver["rules"][result["ruleIndex"].get<std::size_t>()]["id"]);
    CHECK_FALSE(result["message"]["text"].get<std::string>().empty());
    REQUIRE(result["locations"].size() == 1);
    const json& physical = result["locations"][0]["physicalLocation"];
    CHECK_FALSE(physical["artifactLocation"]["uri"].get<std::string>().empty());
    CHECK(physical["artifactLocation"]["uriBaseId"] == "MACROOT");
    CHECK(physical["region"]["startLine"] == 1);
    fingerprints.insert(result["partialFingerprints"]["nwauditFinding/v1"].get<std::string>());
  }
  CHECK(fingerprints.size() == 4);
  CHECK(results[0]["level"] == "error");
  CHECK(results[1]["level"] == "warning");
  CHECK(results[2]["level"] == "warning");
  CHECK(results[3]["level"] == "note");
  CHECK(results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "Library/Extensions/Little%20Snitch.kext/Contents/Info.plist");
  CHECK(results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == ".");
  CHECK(results[0]["properties"] == json{{"confidence", "confirmed"}, {"subject", "at.obdev.nke.LittleSnitch"}});
  CHECK(results[0]["partialFingerprints"]["nwauditFinding/v1"] ==
        nwaudit::report::finding_fingerprint("kext-socket-filter", "at.obdev.nke.LittleSnitch"));

  const json& invocation = run["invocations"][0];
  CHECK(invocation["executionSuccessful"] == true);
  REQUIRE(invocation["toolExecutionNotifications"].size() == 2);
  CHECK(invocation["toolExecutionNotifications"][0]["level"] == "warning");
  CHECK(invocation["toolExecutionNotifications"][0]["message"]["text"] ==
        "missing: /Library/Preferences/com.apple.alf.plist (firewall): not in the tree");
  CHECK(invocation["toolExecutionNotifications"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "Library/Extensions/Bad%7CName.kext/Contents/Info.plist");
  CHECK(invocation["toolConfigurationNotifications"][0]["level"] == "error");
  CHECK(run["properties"]["verdict"]["path"] == "sockets");
}

TEST_CASE("report: SARIF lists a rule once however many findings it has") {
  SampleAudit sample;
  Finding second = sample.result.findings[0];
  second.subject = "com.example.other";
  sample.result.findings.insert(sample.result.findings.begin() + 1, second);
  const json run = json::parse(render(sample.result, ReportFormat::sarif))["runs"][0];
  CHECK(run["tool"]["driver"]["rules"].size() == 4);
  CHECK(run["results"][0]["ruleIndex"] == 0);
  CHECK(run["results"][1]["ruleIndex"] == 0);
  CHECK(run["results"][2]["ruleIndex"] == 1);
  CHECK(run["results"][0]["partialFingerprints"] != run["results"][1]["partialFingerprints"]);
}

TEST_CASE("report: the same result gives the same bytes") {
  for (const ReportFormat format : {ReportFormat::text, ReportFormat::json, ReportFormat::markdown, ReportFormat::sarif}) {
    SampleAudit first, second;
    INFO(nwaudit::to_string(format));
    CHECK(render(first.result, format) == render(second.result, format));
    CHECK(render(first.result, format).ends_with("\n"));
  }
}

// For tests/report_schemas_test.sh: with NWAUDIT_REPORT_SAMPLES set to a directory, writes
// the sample audit there as report.json and report.sarif (and .txt and .md, to look at);
// without it, does nothing.
TEST_CASE("report: write sample reports for schema validation") {
  const char* directory = std::getenv("NWAUDIT_REPORT_SAMPLES");
  if (directory == nullptr || *directory == '\0') return;
  SampleAudit sample;
  for (const auto& [name, format] : {std::pair{"report.json", ReportFormat::json}, std::pair{"report.sarif", ReportFormat::sarif},
                                     std::pair{"report.txt", ReportFormat::text}, std::pair{"report.md", ReportFormat::markdown}}) {
    std::ofstream file(std::filesystem::path(directory) / name, std::ios::binary);
    file << render(sample.result, format);
    file.close();
    REQUIRE(file);
  }
  AuditResult empty;
  std::ofstream(std::filesystem::path(directory) / "empty.json", std::ios::binary) << render(empty, ReportFormat::json);
  std::ofstream(std::filesystem::path(directory) / "empty.sarif", std::ios::binary) << render(empty, ReportFormat::sarif);
}
