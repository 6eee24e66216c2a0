// The facts contract (facts_contract.h) against what the collectors write on every fixture
// Mac, and against nwaudit-facts(5).
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "facts_support.h"
#include "nwaudit/facts/facts_contract.h"

using namespace nwaudit;
using nwaudit::test::FixtureFacts;

namespace {

// One line each, so that a failed check shows them.
std::string lines(const std::vector<std::string>& texts) {
  std::string joined;
  for (const std::string& text : texts) joined += text + "\n";
  return joined;
}

// Element paths, each with the names of its attributes.
using Names = std::map<std::string, std::set<std::string>>;

void add_written(pugi::xml_node node, Names& written) {
  std::set<std::string>& attributes = written[element_path(node)];
  for (pugi::xml_attribute attribute : node.attributes()) attributes.insert(attribute.name());
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element) add_written(child, written);
  }
}

Names declared_names() {
  Names declared;
  for (const DeclaredElement& element : facts_contract().elements()) {
    std::set<std::string>& attributes = declared[std::string(element.path)];
    for (const DeclaredAttribute& attribute : element.attributes) {
      attributes.insert(std::string(attribute.declaration->name));
    }
  }
  return declared;
}

std::vector<std::filesystem::path> fixture_macs() {
  std::vector<std::filesystem::path> macs;
  for (const auto& mac : std::filesystem::directory_iterator(test::fixture_path("macs"))) {
    if (mac.is_directory()) macs.push_back(mac.path());  // beside each Mac is its NAME.expected verdict
  }
  std::sort(macs.begin(), macs.end());
  REQUIRE_FALSE(macs.empty());
  return macs;
}

// What the manual documents: each ".SS /facts/..." of ELEMENTS is an element, and each
// ".TP" in its section is one of its attributes, ".B NAME" then a line that starts with its type.
struct Documented {
  Names names;
  std::map<std::string, std::string> types;  // "path/@name" -> the first word of its description
};

Documented documented_in_manual() {
  std::istringstream manual(test::slurp(std::string(NWAUDIT_FIXTURES) + "/../man/nwaudit-facts.5"));
  Documented documented;
  std::string element;
  for (std::string line; std::getline(manual, line);) {
    if (line.rfind(".SH", 0) == 0) element.clear();
    if (line.rfind(".SS /facts", 0) == 0) {
      element = line.substr(4);
      CHECK_MESSAGE(documented.names.count(element) == 0, "documented twice: " << element);
      documented.names[element];
    } else if (!element.empty() && line == ".TP") {
      std::string name;
      std::string description;
      std::getline(manual, name);
      std::getline(manual, description);
      REQUIRE_MESSAGE(name.rfind(".B ", 0) == 0, "in " << element << ", .TP is followed by " << name);
      name = name.substr(3);
      documented.names[element].insert(name);
      documented.types[element + "/@" + name] = description.substr(0, description.find_first_of(" :,"));
    }
  }
  return documented;
}

}  // namespace

TEST_CASE("facts contract: the declarations hold together") {
  CHECK(lines(facts_contract().declaration_problems()) == "");
  CHECK(facts_contract().element("/facts") != nullptr);
  const DeclaredElement* kext = facts_contract().element("/facts/kext");
  REQUIRE(kext != nullptr);
  CHECK(kext->parent == "/facts");
  CHECK(kext->writer == "kexts");
  REQUIRE(kext->attribute("vendor") != nullptr);
  CHECK(kext->attribute("vendor")->writer == "vendors");
  CHECK(kext->attribute("loaded")->declaration->type == contract::Type::enumeration);
}

TEST_CASE("facts contract: every fixture Mac's facts keep to it") {
  for (const auto& mac : fixture_macs()) {
    CAPTURE(mac.filename().string());
    FixtureFacts facts(mac);
    CHECK(lines(facts.facts().contract_breaches()) == "");
    CHECK(lines(contract_problems(facts.facts().document().document_element())) == "");
  }
}

TEST_CASE("facts contract: every element and attribute it declares is written on some fixture Mac") {
  Names written;
  for (const auto& mac : fixture_macs()) {
    FixtureFacts facts(mac);
    add_written(facts.facts().document().document_element(), written);
  }
  // Named references, not a structured binding: the doctest macros below capture them in a
  // lambda, which clang before 16 refuses for a binding.
  for (const auto& entry : declared_names()) {
    const auto& path = entry.first;
    const auto& attributes = entry.second;
    CAPTURE(path);
    REQUIRE_MESSAGE(written.count(path) == 1, "no fixture Mac has " << path);
    for (const std::string& attribute : attributes) {
      CHECK_MESSAGE(written[path].count(attribute) == 1, "no fixture Mac has " << path << "/@" << attribute);
    }
  }
}

TEST_CASE("facts contract: what it does not declare is a problem") {
  pugi::xml_document document;
  document.load_string(R"(<facts schema="1" tool="t" source="s" colour="red">
      <kext id="x" loaded="maybe" installed="true"/><kext apple="yes"/><gizmo/>
      <kernel socket-flows="12"><api-stats layout="four"/></kernel><coverage/></facts>)");
  CHECK(lines(contract_problems(document.document_element())) ==
        "/facts/@colour is not declared\n"
        "/facts/kext/@loaded: 'maybe' is not one of its values\n"
        "/facts/kext/@apple: 'yes' is not true or false\n"
        "/facts/gizmo is not declared\n"
        "/facts/kernel/api-stats/@layout: 'four' is not a decimal integer\n");
}

#ifdef NDEBUG  // a debug build stops at the first write the contract does not allow
TEST_CASE("facts contract: a collector's write it does not declare is recorded") {
  Facts facts("test", "none");
  FactElement kext = facts.add("kext");
  kext.set("id", "org.example.x");
  kext.set("colour", "red");
  kext.set("apple", "yes");
  kext.add_child("gizmo").set("size", 3);
  facts.add("widget");
  CHECK(lines(facts.contract_breaches()) ==
        "/facts/kext/@colour is not declared\n"
        "/facts/kext/@apple: 'yes' is not true or false\n"
        "/facts/kext/gizmo is not declared\n"
        "/facts/widget is not declared\n");
  // The write is still made: what the contract says decides the tests, not the output.
  CHECK(std::string(facts.document().child("facts").child("kext").attribute("colour").value()) == "red");
}
#endif

TEST_CASE("facts contract: nwaudit-facts(5) documents exactly what it declares, with each type") {
  const Documented documented = documented_in_manual();
  const Names declared = declared_names();
  // Named references, not a structured binding: the doctest macros below capture them in a
  // lambda, which clang before 16 refuses for a binding.
  for (const auto& entry : declared) {
    const auto& path = entry.first;
    const auto& attributes = entry.second;
    CAPTURE(path);
    REQUIRE_MESSAGE(documented.names.count(path) == 1, "the manual has no .SS " << path);
    const std::set<std::string>& in_manual = documented.names.at(path);
    for (const std::string& attribute : attributes) {
      CHECK_MESSAGE(in_manual.count(attribute) == 1, "the manual does not document " << path << "/@" << attribute);
    }
    for (const std::string& attribute : in_manual) {
      CHECK_MESSAGE(attributes.count(attribute) == 1,
                    "the manual documents " << path << "/@" << attribute << ", which the contract does not declare");
    }
  }
  // A named reference, not a structured binding: the doctest macro below captures it in a
  // lambda, which clang before 16 refuses for a binding.
  for (const auto& entry : documented.names) {
    const auto& path = entry.first;
    CHECK_MESSAGE(declared.count(path) == 1,
                  "the manual documents " << path << ", which the contract does not declare");
  }
  for (const DeclaredElement& element : facts_contract().elements()) {
    for (const DeclaredAttribute& attribute : element.attributes) {
      const std::string key = std::string(element.path) + "/@" + std::string(attribute.declaration->name);
      CAPTURE(key);
      if (documented.types.count(key) == 0) continue;  // reported above
      CHECK(documented.types.at(key) == std::string(contract::to_string(attribute.declaration->type)));
    }
  }
}
