#pragma once

#include <filesystem>
#include <vector>

#include "nwaudit/error.h"
#include "nwaudit/facts/vendor_catalog.h"

namespace nwaudit {

// Everything nwaudit loads from knowledge files.
struct Knowledge {
  VendorCatalog vendors;
  std::vector<Error> problems;  // each names the file and, where it can, the line
};

// Loads every *.xml file in the directories, in order (later files override earlier ones):
// a <vendors> file goes into the vendor catalog; a file that cannot be read or parsed, or
// whose root element is not one nwaudit knows, is a problem and is skipped.
Knowledge load_knowledge(const std::vector<std::filesystem::path>& directories);

}  // namespace nwaudit
