#pragma once

#include <span>

#include "nwaudit/facts/collectors.h"
#include "nwaudit/facts/facts.h"
#include "nwaudit/facts/facts_contract.h"
#include "nwaudit/facts/vendor_catalog.h"
#include "nwaudit/source/source.h"

namespace nwaudit::capture {
struct SysctlCapture;
}

namespace nwaudit::collector {

// What every collector is given.
struct Input {
  const Source& source;
  // The captured sysctl values, read once for the collectors that use them; nullptr when not captured.
  const capture::SysctlCapture* sysctl;
  const VendorCatalogWhenAsked& vendors;
  unsigned threads;  // how many may read the source at once (1 unless it reads concurrently)
};

// A collector as the registry knows it: its part of the facts contract (its writer is the
// collector's name, as coverage says it) and what runs it. Each collector defines one, as
// `extern const Registration NAME_collector{...};`, and collector_registry.cpp lists it.
struct Registration {
  contract::Part contract;
  void (*collect)(const Input& input, Facts& facts);
};

// Every collector, in the order they run, which is the order of their elements in the facts.
std::span<const Registration* const> registered_collectors();

// The parts of the contract the document itself writes (facts_document.cpp): the root
// element, and the coverage that every collector adds to through Facts.
extern const contract::Part document_contract;
extern const contract::Part coverage_contract;

}  // namespace nwaudit::collector
