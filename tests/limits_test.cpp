// One case per bound of nwaudit(1), LIMITS: past it, the file is a coverage entry (or an Error)
// that names it and says which bound, and the other facts are still collected.
#include <doctest/doctest.h>

#include <cstdint>

#include "nwaudit/base/limits.h"
#include "nwaudit/rules/evaluate.h"
#include "nwaudit/rules/knowledge.h"
#include "nwaudit/rules/rule_files.h"
#include "planted_mac.h"
#include "rules/condition_cost.h"

using namespace nwaudit;
using namespace nwaudit::test;

namespace {

const std::string kCorpus = std::string(NWAUDIT_FIXTURES) + "/../tests/hostile/";
const std::string kAlf = "/Library/Preferences/com.apple.alf.plist";
const std::string kInterfaces = "/Library/Preferences/SystemConfiguration/NetworkInterfaces.plist";

// The sample Mac, its facts before anything is planted, and checks against them.
struct Mac {
  PlantedMac tree;
  std::map<std::string, std::size_t> before = elements_by_source(*tree.collect());

  // Collects, and checks that only the elements from `spoiled` sources went.
  std::unique_ptr<Facts> collect(const std::vector<std::string>& spoiled) const {
    auto facts = tree.collect();
    check_still_collected(before, *facts, spoiled);
    return facts;
  }
  // A sparse file of `size` bytes: nothing is written, so it costs no disk.
  void sparse(const std::string& mac_path, std::uintmax_t size) const {
    tree.write(mac_path, "");
    std::filesystem::resize_file(tree.at(mac_path), size);
  }
  void plant_corpus(const std::string& mac_path, const std::string& corpus_file) const {
    tree.write(mac_path, slurp(kCorpus + corpus_file));
  }
  // A third-party kext whose executable is `binary`.
  void kext(const std::string& bundle, const std::string& binary = "") const {
    tree.write(bundle + "/Contents/Info.plist",
               "<plist><dict><key>CFBundleIdentifier</key><string>org.example.limits</string>"
               "<key>CFBundleExecutable</key><string>K</string></dict></plist>");
    if (!binary.empty()) tree.write(bundle + "/Contents/MacOS/K", binary);
  }
};

void put_u32(std::string& bytes, std::uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) bytes += static_cast<char>((value >> shift) & 0xFF);
}

// A 64-bit Mach-O with one LC_SYMTAB: one imported symbol, and a string table of `strings`
// bytes after it (left for the caller to extend, sparse).
std::string macho_with_symtab(std::uint32_t strings) {
  std::string bytes;
  for (std::uint32_t word : {0xFEEDFACFu, 0x01000007u, 3u, 0xBu, 1u, 24u, 0u, 0u}) put_u32(bytes, word);  // header
  for (std::uint32_t word : {2u, 24u, 56u, 1u, 72u, strings}) put_u32(bytes, word);  // LC_SYMTAB
  put_u32(bytes, 1);                                       // n_strx
  bytes += std::string("\x01\x00\x00\x00", 4);             // n_type N_EXT, n_sect, n_desc
  bytes += std::string(8, '\0');                           // n_value
  return bytes;
}

}  // namespace

TEST_CASE("limit: a property list over 16 MiB") {
  Mac mac;
  mac.sparse(kAlf, limits::kMaxPlistBytes + 1);
  auto facts = mac.collect({kAlf});
  CHECK(has_problem(*facts, kAlf, "too-large", "over the limit of 16777216"));
}

TEST_CASE("limit: property lists nested deeper than 128") {
  Mac mac;
  mac.plant_corpus(kAlf, "plist/xml/deep.plist");
  mac.plant_corpus(kInterfaces, "plist/binary/deep.plist");
  auto facts = mac.collect({kAlf, kInterfaces});
  CHECK(has_problem(*facts, kAlf, "too-large", "nested deeper than 128"));
  CHECK(has_problem(*facts, kInterfaces, "too-large", "nested deeper than 128"));
}

TEST_CASE("limit: a property list that expands to more than 1000000 values") {
  Mac mac;
  mac.plant_corpus(kAlf, "plist/binary/huge-count.plist");
  auto facts = mac.collect({kAlf});
  CHECK(has_problem(*facts, kAlf, "too-large", "more than 1000000 values"));
}

TEST_CASE("limit: 1000000 values over every configuration of a keyed archive, reported once") {
  Mac mac;
  const std::string path = "/Library/Preferences/com.apple.networkextension.plist";
  mac.plant_corpus(path, "keyed-archive/huge-count.plist");
  auto facts = mac.collect({path});
  CHECK(has_problem(*facts, path, "too-large", "more than 1000000 values"));
  CHECK(coverage_of(*facts, path).size() == 2);  // read, then the one too-large entry
}

TEST_CASE("limit: 10000 entries of one list") {
  Mac mac;
  mac.plant_corpus(kInterfaces, "plist/binary/huge-list.plist");
  auto facts = mac.collect({kInterfaces});
  CHECK(has_problem(*facts, kInterfaces, "too-large", "10001 interfaces, over the limit of 10000"));
  CHECK(facts->document().select_nodes("/facts/network-interface").size() == limits::kMaxListEntries);
}

TEST_CASE("limit: 32 symbolic links while resolving a path") {
  Mac mac;
  const std::string real = "/Library/Preferences/real.plist";
  mac.tree.write(real, slurp(mac.tree.at(kAlf).string()));
  // linkN reaches real.plist through N links; the alf plist itself adds one.
  mac.tree.link("/Library/Preferences/link1", "real.plist");
  for (int i = 2; i <= limits::kMaxSymlinks; ++i) {
    mac.tree.link("/Library/Preferences/link" + std::to_string(i), "link" + std::to_string(i - 1));
  }
  SUBCASE("32 are followed") {
    mac.tree.link(kAlf, "link" + std::to_string(limits::kMaxSymlinks - 1));
    auto facts = mac.collect({});
    CHECK(coverage_of(*facts, kAlf).front().attribute("status").value() == std::string("read"));
  }
  SUBCASE("the 33rd is a link loop") {
    mac.tree.link(kAlf, "link" + std::to_string(limits::kMaxSymlinks));
    auto facts = mac.collect({kAlf});
    CHECK(has_problem(*facts, kAlf, "link-loop", "too many levels of symbolic links"));
  }
}

TEST_CASE("limit: 100000 entries in one directory") {
  Mac mac;
  const auto folder = mac.tree.at("/Library/Extensions");
  std::filesystem::create_directories(folder);
  for (std::size_t i = 0; i <= limits::kMaxDirectoryEntries; ++i) {
    std::filesystem::create_symlink("e", folder / std::to_string(i));  // the cheapest entry to make
  }
  auto facts = mac.collect({});
  CHECK(has_problem(*facts, "/Library/Extensions", "too-large", "more than 100000 entries"));
}

TEST_CASE("limit: 20000 kext bundles") {
  Mac mac;
  mac.kext("/Library/Extensions/Real.kext");
  for (std::size_t i = 0; i < limits::kMaxKexts; ++i) {
    mac.tree.link("/Library/Extensions/K" + std::to_string(i) + ".kext", "Real.kext");
  }
  // The limit counts every folder's bundles: Apple's, searched last, are not examined either.
  auto facts = mac.collect({"/System/Library/Extensions/"});
  // Real.kext sorts after every K*.kext, so it is the one over the limit.
  CHECK(has_problem(*facts, "/Library/Extensions/Real.kext", "too-large", "more than 20000 kext bundles"));
  CHECK(facts->document().select_nodes("/facts/kext[@location='library']").size() == limits::kMaxKexts);
}

TEST_CASE("limit: 8 folder levels below /Library/StagedExtensions") {
  Mac mac;
  std::string folder = "/Library/StagedExtensions";
  for (std::size_t level = 1; level < limits::kMaxStagedDepth; ++level) folder += "/d";
  mac.kext(folder + "/Deepest.kext");
  mac.kext(folder + "/d/TooDeep.kext");
  auto facts = mac.collect({});
  CHECK(facts->document().select_nodes("/facts/kext[@location='staged']").size() == 1);
  CHECK(has_problem(*facts, folder + "/d", "too-large", "more than 8 folder levels below /Library/StagedExtensions"));
}

TEST_CASE("limit: kexts 4 levels deep in PlugIns folders") {
  Mac mac;
  std::string bundle = "/Library/Extensions/A.kext";
  for (std::size_t level = 0; level <= limits::kMaxPlugInDepth; ++level) {
    mac.kext(bundle);
    bundle += "/Contents/PlugIns/A.kext";
  }
  auto facts = mac.collect({});
  CHECK(facts->document().select_nodes("/facts/kext[@location='library']").size() == limits::kMaxPlugInDepth);
  const std::string too_deep = bundle.substr(0, bundle.size() - std::string("/Contents/PlugIns/A.kext").size());
  CHECK(has_problem(*facts, too_deep, "too-large", "more than 4 levels of kexts in PlugIns folders"));
}

TEST_CASE("limit: Mach-O counts and sizes, checked before anything is read") {
  struct Case {
    const char* corpus;
    const char* reason;
  };
  for (const Case& bound : {Case{"macho/too-many-architectures", "over the limit of 16"},
                            Case{"macho/too-many-load-commands", "over the limit of 4096"},
                            Case{"macho/load-commands-too-large", "bytes of load commands, over the limit of 1048576"},
                            Case{"macho/too-many-symbols", "symbols, over the limit of 1000000"},
                            Case{"macho/imported-names-too-large", "past the limit of 16777216 bytes"}}) {
    INFO(bound.corpus);
    Mac mac;
    mac.kext("/Library/Extensions/K.kext", slurp(kCorpus + bound.corpus));
    auto facts = mac.collect({});
    CHECK(has_problem(*facts, "/Library/Extensions/K.kext/Contents/MacOS/K", "too-large", bound.reason));
  }
}

TEST_CASE("limit: 64 MiB of symbol and string tables in one Mach-O slice") {
  Mac mac;
  const std::uint32_t strings = static_cast<std::uint32_t>(limits::kMaxSymbolTableBytes);  // plus the nlist: over
  mac.kext("/Library/Extensions/K.kext", macho_with_symtab(strings));
  std::filesystem::resize_file(mac.tree.at("/Library/Extensions/K.kext/Contents/MacOS/K"), 72 + std::uintmax_t{strings});
  auto facts = mac.collect({});
  CHECK(has_problem(*facts, "/Library/Extensions/K.kext/Contents/MacOS/K", "too-large", "over the limit of 67108864"));
}

TEST_CASE("limit: 256 MiB read from one Mac in one audit") {
  Mac mac;
  // Five kexts name one executable whose string table takes 60 MiB: four fit, the fifth does not.
  const std::uint32_t strings = 60u << 20;
  mac.tree.write("/Library/Shared/K", macho_with_symtab(strings));
  std::filesystem::resize_file(mac.tree.at("/Library/Shared/K"), 72 + std::uintmax_t{strings});
  for (int i = 0; i < 5; ++i) {
    const std::string bundle = "/Library/Extensions/K" + std::to_string(i) + ".kext";
    mac.kext(bundle);
    mac.tree.link(bundle + "/Contents/MacOS/K", "/Library/Shared/K");
  }
  auto facts = mac.collect({});
  CHECK(facts->document().select_nodes("/facts/kext[@scanned='true']").size() == 4);
  CHECK(has_problem(*facts, "/Library/Extensions/K4.kext/Contents/MacOS/K", "too-large",
                    "the limit of 268435456 bytes read from one Mac"));
}

TEST_CASE("limit: a captured command output over 8 MiB") {
  Mac mac;
  const std::string path = "/.nwaudit/ifconfig-v.txt";
  mac.sparse(path, (8u << 20) + 1);
  auto facts = mac.collect({path});
  CHECK(has_problem(*facts, path, "too-large", "over the limit of 8388608"));
}

TEST_CASE("limit: a captured command output over 100000 lines") {
  Mac mac;
  const std::string path = "/.nwaudit/sysctl.txt";
  mac.plant_corpus(path, "captures/over-line-limit.txt");
  auto facts = mac.collect({path});
  CHECK(has_problem(*facts, path, "too-large", "100001 lines, over the limit of 100000"));
}

TEST_CASE("limit: 100 problems listed under one coverage entry") {
  Mac mac;
  const std::string path = "/.nwaudit/pfctl-anchors.txt";
  std::string junk;
  for (int i = 0; i < 150; ++i) junk += "not an anchor path!\n";
  mac.tree.write(path, junk);
  auto facts = mac.collect({path});
  const auto entries = coverage_of(*facts, path);
  REQUIRE(entries.size() == 1);
  const auto problems = entries.front().select_nodes("problem");
  REQUIRE(problems.size() == limits::kMaxProblemsPerSource + 1);
  CHECK(std::string(problems[limits::kMaxProblemsPerSource].node().attribute("reason").value()).find("not listed") !=
        std::string::npos);
}

TEST_CASE("limit: 64 anchor files loaded from pf.conf") {
  Mac mac;
  mac.plant_corpus("/etc/pf.conf", "captures/pf-conf/too-many-anchor-files.txt");
  auto facts = mac.collect({"/etc/pf.conf", "/etc/pf.anchors/"});
  CHECK(has_problem(*facts, "/etc/pf.conf", "too-large", "loads more than 64 anchor files"));
  CHECK(coverage_of(*facts, "/etc/pf.anchors/a63").size() == 1);
  CHECK(coverage_of(*facts, "/etc/pf.anchors/a64").empty());
}

TEST_CASE("limit: a knowledge file or facts document over 4 MiB") {
  TempDir folder;
  for (const auto& file : std::filesystem::directory_iterator(std::string(NWAUDIT_FIXTURES) + "/../rules")) {
    std::filesystem::copy(file.path(), folder.path() / file.path().filename());
  }
  folder.write("huge.xml", "");
  std::filesystem::resize_file(folder.path() / "huge.xml", (4u << 20) + 1);
  const Knowledge knowledge = load_knowledge({folder.path()});
  REQUIRE(knowledge.problems.size() == 1);
  CHECK(knowledge.problems[0].path == (folder.path() / "huge.xml").string());
  CHECK(knowledge.problems[0].kind == ErrorKind::too_large);
  CHECK_FALSE(knowledge.rules.empty());
  CHECK(read_rule_file(folder.path() / "huge.xml").error().reason == "4194305 bytes, over the limit of 4194304");
}

TEST_CASE("limit: 32 fixes one rule offers, written out and shared ones together") {
  auto rule_with = [](std::size_t references) {
    std::string fixes;
    for (std::size_t n = 0; n < references; ++n) fixes += "<fix ref=\"NWA-FIX-APP-RAISE-FD-LIMIT\"/>";
    return "<rules><rule id=\"X\" cause=\"other\" effect=\"informational\" severity=\"info\" confidence=\"low\">"
           "<title>t</title><when>/facts</when><message>m</message>" + fixes +
           "<fix audience=\"app\"><title>mine</title></fix></rule></rules>";
  };
  const std::filesystem::path shipped = std::string(NWAUDIT_FIXTURES) + "/../rules";
  TempDir folder;
  folder.write("mine.xml", rule_with(31));
  CHECK(load_knowledge({folder.path()}, {shipped}).rules.at(0).fixes.size() == 32);
  folder.write("mine.xml", rule_with(32));
  const Knowledge over = load_knowledge({folder.path()}, {shipped});
  REQUIRE(over.problems.size() == 1);
  CHECK(over.problems[0].describe() == (folder.path() / "mine.xml").string() + ": line 1: more than 32 fixes");
  CHECK(over.rules.empty());
}

TEST_CASE("limit: a rule condition nested deeper than pugixml allows") {
  TempDir folder;
  folder.write("deep.xml", slurp(kCorpus + "rules/deep-condition.xml"));
  const Knowledge knowledge = load_knowledge({folder.path()});
  REQUIRE(knowledge.problems.size() == 1);
  CHECK(knowledge.problems[0].describe().find("does not compile") != std::string::npos);
}

TEST_CASE("limit: a rule condition that could cost more than 10000000 steps on the facts") {
  // Each predicate scans the whole of the sample Mac's facts once per element: the condition
  // with the most predicates within the budget runs, one more is skipped, and the other rules
  // run either way.
  Mac mac;
  const auto facts = mac.collect({});
  const DocumentShape shape = DocumentShape::of(facts->document());
  auto condition = [](std::size_t predicates) {
    std::string text = "//*";
    for (std::size_t n = 0; n < predicates; ++n) text += "[count(//@*) != 0.5]";
    return text;
  };
  std::size_t within = 0;
  while (cost_bound(*parse_condition(condition(within + 1)), shape) <= double(limits::kMaxConditionSteps)) ++within;
  for (std::size_t predicates : {within, within + 1}) {
    INFO(predicates << " predicates");
    const Knowledge knowledge = load_knowledge_text(
        "/rules/costly.xml", "<rules><rule id=\"X.LIMIT\" cause=\"other\" effect=\"informational\" severity=\"info\" "
                             "confidence=\"low\"><title>t</title><when>" + condition(predicates) +
                                 "</when><message>m</message></rule><rule id=\"X.OS\" cause=\"other\" "
                                 "effect=\"informational\" severity=\"info\" confidence=\"low\"><title>t</title>"
                                 "<when>/facts/os</when><message>m</message></rule></rules>");
    REQUIRE(knowledge.problems.empty());
    const auto [findings, skipped] = evaluate_rules(knowledge.rules, facts->document());
    CHECK(findings.back().rule->id == "X.OS");
    if (predicates == within) {
      CHECK(skipped.empty());
      CHECK(findings.size() > 1);
    } else {
      REQUIRE(skipped.size() == 1);
      CHECK(skipped[0].describe().find("rule X.LIMIT was skipped") != std::string::npos);
      CHECK(skipped[0].describe().find("over the budget of 10000000 steps") != std::string::npos);
      CHECK(findings.size() == 1);
    }
  }
}
