#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>

#include "nwaudit/plist/parse.h"
#include "nwaudit/plist/value.h"

namespace nwaudit::plist {

// Converts one value element, the text of a selected entry, as the full reader would where it
// stands: inside `held_by` containers, with `keys` selecting its entries when it is a
// dictionary; nullopt when it cannot.
using EntryParser =
    std::function<std::optional<Value>(std::string_view element, std::size_t held_by, KeySelection keys)>;

// The selected entries of an XML plist's top-level dictionary, found by scanning the text
// instead of building a document: most of a kext's Info.plist is IOKitPersonalities, which
// nwaudit skips. Only for the common shape (UTF-8 or ASCII, no NUL or CR, a <plist> holding a
// <dict> or a bare <dict>, keys of plain text, up to 1 MiB). nullopt for anything else or
// anything not well-formed: the caller then parses the file in full, which gives the same
// value or says precisely what is wrong. Plain <string> values are taken as they are, and
// the dictionaries whose entries a nested selection picks are scanned the same way; other
// selected values go through `parse_entry`.
std::optional<Value> scan_selected_entries(std::string_view text, KeySelection keys, const EntryParser& parse_entry);

// The full reader: the whole document built by pugixml, then the selected entries converted.
Expected<Value> read_xml_document(std::string_view bytes, std::string_view name, KeySelection keys);

}  // namespace nwaudit::plist
