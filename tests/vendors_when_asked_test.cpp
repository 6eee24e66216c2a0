#include <doctest/doctest.h>

#include <filesystem>
#include <future>
#include <optional>
#include <string>

#include "nwaudit/facts/collectors.h"
#include "nwaudit/rules/knowledge.h"
#include "nwaudit/source/rooted_source.h"
#include "test_support.h"

// `nwaudit audit` loads the rules on a thread of its own while the Mac is read, and the vendor
// annotations, the last step, wait for the vendor catalog: the facts must be those of a run that
// loads the rules first, byte for byte.

namespace {

std::string shipped_rules() { return std::string(NWAUDIT_FIXTURES) + "/../rules"; }

std::size_t top_level_elements(const nwaudit::Facts& facts) {
  std::size_t count = 0;
  for ([[maybe_unused]] pugi::xml_node child : facts.document().document_element().children()) ++count;
  return count;
}

}  // namespace

TEST_CASE("every fixture Mac gives the same facts with the rules loading on another thread") {
  for (const std::filesystem::path& mac : nwaudit::test::fixture_macs()) {
    CAPTURE(mac.string());
    auto source = nwaudit::RootedSource::open(mac.string());
    REQUIRE(source);

    const nwaudit::Knowledge first = nwaudit::load_knowledge({shipped_rules()});
    REQUIRE(first.problems.empty());
    nwaudit::Facts sequential("test", mac.string());
    nwaudit::collect_facts(**source, first.vendors, sequential, 2);

    std::future<nwaudit::Knowledge> loading =
        std::async(std::launch::async, [] { return nwaudit::load_knowledge({shipped_rules()}); });
    nwaudit::Facts overlapped("test", mac.string());
    std::optional<nwaudit::Knowledge> loaded;
    int asked = 0;
    std::size_t elements_when_asked = 0;
    const nwaudit::VendorCatalogWhenAsked vendors = [&]() -> const nwaudit::VendorCatalog& {
      ++asked;
      elements_when_asked = top_level_elements(overlapped);
      if (!loaded) loaded = loading.get();
      return loaded->vendors;
    };
    nwaudit::collect_facts(**source, vendors, overlapped, 2);

    CHECK(overlapped.to_xml() == sequential.to_xml());
    // Asked for once, when every element is there: only the annotations wait for it.
    CHECK(asked == 1);
    CHECK(elements_when_asked == top_level_elements(overlapped));
  }
}
