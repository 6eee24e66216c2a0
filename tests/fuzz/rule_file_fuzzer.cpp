// A rule or vendor file, loaded as a --rules folder's file is, its rules then run over the facts
// of the sample Mac fixtures/macs/sonoma.
#include <cstdlib>
#include <memory>
#include <string>

#include "audit_and_report.h"
#include "fuzz_input.h"
#include "nwaudit/facts/collectors.h"
#include "nwaudit/rules/knowledge.h"
#include "nwaudit/source/rooted_source.h"

namespace {

const pugi::xml_document& sample_facts() {
  static const std::unique_ptr<nwaudit::Facts> facts = [] {
    auto source = nwaudit::RootedSource::open(NWAUDIT_FIXTURES "/macs/sonoma");
    if (!source) std::abort();
    auto collected = std::make_unique<nwaudit::Facts>("fuzz", (*source)->description());
    nwaudit::collect_facts(**source, nwaudit::VendorCatalog{}, *collected);
    return collected;
  }();
  return facts->document();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const nwaudit::Knowledge knowledge =
      nwaudit::load_knowledge_text("/fuzz/rules/fuzz.xml", std::string(nwaudit::fuzz::bytes_of(data, size)));
  knowledge.vendors.find("com.objective-see.lulu.extension", "VBG97UB4TA");
  nwaudit::fuzz::audit_and_report(sample_facts(), knowledge.rules);
  return 0;
}
