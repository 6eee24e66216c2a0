// A rule or vendor file, loaded as a --rules folder's file is, its rules then run over the facts
// of the sample Mac fixtures/macs/sonoma.
#include <string>

#include "audit_and_report.h"
#include "fuzz_input.h"
#include "nwaudit/rules/knowledge.h"
#include "sample_facts.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const nwaudit::Knowledge knowledge =
      nwaudit::load_knowledge_text("/fuzz/rules/fuzz.xml", std::string(nwaudit::fuzz::bytes_of(data, size)));
  knowledge.vendors.find("com.objective-see.lulu.extension", "VBG97UB4TA");
  nwaudit::fuzz::audit_and_report(nwaudit::fuzz::sample_facts(), knowledge.rules);
  return 0;
}
