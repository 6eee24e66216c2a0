#pragma once

#include <cstdlib>
#include <memory>
#include <pugixml.hpp>

#include "nwaudit/facts/collectors.h"
#include "nwaudit/source/rooted_source.h"

namespace nwaudit::fuzz {

// The facts of the sample Mac fixtures/macs/sonoma, collected once.
inline const pugi::xml_document& sample_facts() {
  static const std::unique_ptr<Facts> facts = [] {
    auto source = RootedSource::open(NWAUDIT_FIXTURES "/macs/sonoma");
    if (!source) std::abort();
    auto collected = std::make_unique<Facts>("fuzz", (*source)->description());
    collect_facts(**source, VendorCatalog{}, *collected);
    return collected;
  }();
  return facts->document();
}

}  // namespace nwaudit::fuzz
