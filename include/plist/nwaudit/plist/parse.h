#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "nwaudit/base/expected.h"
#include "nwaudit/plist/value.h"
#include "nwaudit/source/source.h"

namespace nwaudit::plist {

// The keys a reader uses, when the top level is a dictionary: `top` of its entries, and
// `nested` of the entries of every dictionary that is the value of one of them (a loaded-kext
// list wants every bundle, but only its version). Only these entries are converted; the others
// are left out, their values checked no further than well-formed XML or a sound binary layout.
// Empty: every entry.
struct KeySelection {
  std::span<const std::string_view> top;
  std::span<const std::string_view> nested;

  constexpr KeySelection() = default;
  // The top-level keys alone; implicit, so that an array of keys is a selection.
  constexpr KeySelection(std::span<const std::string_view> top_keys) : top(top_keys) {}
  template <std::size_t N>
  constexpr KeySelection(const std::string_view (&top_keys)[N]) : top(top_keys) {}
  constexpr KeySelection(std::span<const std::string_view> top_keys, std::span<const std::string_view> nested_keys)
      : top(top_keys), nested(nested_keys) {}

  bool selects_all() const { return top.empty() && nested.empty(); }
  // What applies to a selected entry's value: `nested` becomes its own top level.
  KeySelection for_values() const { return KeySelection(nested, {}); }
};

// Parses a property list held in memory, XML or binary by its first bytes. `name` (the
// Mac path) is carried into every Error, with a line for XML and a byte offset for binary.
// Limits: limits::kMaxNestingDepth, limits::kMaxPlistValues.
Expected<Value> parse(std::string_view bytes, std::string_view name, KeySelection keys = {});
Expected<Value> parse_xml(std::string_view bytes, std::string_view name, KeySelection keys = {});
Expected<Value> parse_binary(std::string_view bytes, std::string_view name, KeySelection keys = {});

// Reads a property list through the source, refusing files over limits::kMaxPlistBytes.
Expected<Value> read(const Source& source, std::string_view path, KeySelection keys = {});

}  // namespace nwaudit::plist
