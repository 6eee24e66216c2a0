#include <algorithm>
#include <cmath>
#include <limits>
#include <locale>
#include <sstream>
#include <pugixml.hpp>

#include "nwaudit/base/limits.h"
#include "nwaudit/plist/parse.h"
#include "base64.h"
#include "iso8601.h"
#include "key_selection.h"
#include "xml_plist_scan.h"
#include "nwaudit/base/integer_text.h"
#include "nwaudit/base/xml_text_position.h"

namespace nwaudit::plist {
namespace {

std::optional<double> parse_real(std::string_view text) {
  text = trim_xml_space(text);
  double sign = 1;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    sign = text.front() == '-' ? -1 : 1;
    text.remove_prefix(1);
  }
  if (text == "infinity" || text == "inf") return sign * std::numeric_limits<double>::infinity();
  if (text == "nan") return std::numeric_limits<double>::quiet_NaN();
  // A stream in the classic locale, not std::from_chars: Apple's libc++ has no floating-point
  // from_chars before macOS 13.3, and nwaudit must run on 10.15.
  std::istringstream stream{std::string(text)};
  stream.imbue(std::locale::classic());
  double value = 0;
  stream >> std::noskipws >> value;
  if (text.empty() || stream.fail() || stream.peek() != std::char_traits<char>::eof()) return std::nullopt;
  return sign * value;
}

class XmlPlistReader {
 public:
  // `held_by`: 0 when the text is a whole file; else it is one value element of a file, inside
  // that many containers there.
  XmlPlistReader(std::string_view bytes, std::string_view name, KeySelection keys, std::size_t held_by = 0)
      : bytes_(bytes), name_(name), keys_(keys), held_by_(held_by) {}

  Expected<Value> read() {
    pugi::xml_document document;
    const pugi::xml_parse_result result = document.load_buffer(
        bytes_.data(), bytes_.size(), pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_auto);
    if (!result) return failure(result.offset, std::string("not well-formed XML: ") + result.description());
    pugi::xml_node top = document.document_element();
    if (held_by_ > 0) return convert(top, held_by_, keys_);
    if (std::string_view(top.name()) == "plist") {
      pugi::xml_node value = element_from(top.first_child());
      if (!value) return failure(top, "<plist> holds no value");
      if (element_from(value.next_sibling())) return failure(top, "<plist> holds more than one value");
      return convert(value, 0, keys_);
    }
    return convert(top, 0, keys_);  // a bare <dict> or other value, as some tools write
  }

 private:
  static pugi::xml_node element_from(pugi::xml_node node) {
    while (node && node.type() != pugi::node_element) node = node.next_sibling();
    return node;
  }

  Error failure(std::ptrdiff_t offset, std::string reason) const {
    return Error{ErrorKind::malformed, std::string(name_), {}, std::move(reason), line_at_offset(bytes_, offset)};
  }
  Error failure(pugi::xml_node node, std::string reason) const { return failure(node.offset_debug(), std::move(reason)); }

  // The character content of a leaf element; nullopt when it holds elements.
  static std::optional<std::string> text_of(pugi::xml_node node) {
    std::string text;
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        text += child.value();
      } else if (child.type() == pugi::node_element) {
        return std::nullopt;
      }
    }
    return text;
  }

  // Checks that a container holds only elements (and white space); returns them.
  Expected<std::vector<pugi::xml_node>> children_of(pugi::xml_node node) const {
    std::vector<pugi::xml_node> children;
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
      if (child.type() == pugi::node_element) {
        children.push_back(child);
      } else if ((child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) &&
                 !trim_xml_space(child.value()).empty()) {
        return failure(child, std::string("text inside <") + node.name() + ">");
      }
    }
    return children;
  }

  // `keys` selects the entries of `node` when it is a dictionary.
  Expected<Value> convert(pugi::xml_node node, std::size_t depth, KeySelection keys) {
    if (++values_ > limits::kMaxPlistValues) {
      Error error = failure(node, "more than " + std::to_string(limits::kMaxPlistValues) + " values");
      error.kind = ErrorKind::too_large;
      return error;
    }
    const std::string_view element = node.name();
    if (element == "dict" || element == "array") return convert_container(node, element == "dict", depth + 1, keys);
    if (element == "true" || element == "false") {
      if (node.first_child()) return failure(node, std::string("<").append(element).append("/> must be empty"));
      return Value(element == "true");
    }
    std::optional<std::string> text = text_of(node);
    if (!text) return failure(node, std::string("<").append(element).append("> holds an element"));
    if (element == "string") return Value(std::move(*text));
    if (element == "integer") {
      if (auto value = parse_integer_text(trim_xml_space(*text))) return Value(*value);
      return failure(node, "<integer> '" + std::string(trim_xml_space(*text)) + "' is not a 64-bit integer");
    }
    if (element == "real") {
      if (auto value = parse_real(*text)) return Value(*value);
      return failure(node, "<real> '" + std::string(trim_xml_space(*text)) + "' is not a number");
    }
    if (element == "date") {
      if (auto value = parse_iso8601(trim_xml_space(*text))) return Value(*value);
      return failure(node, "<date> '" + std::string(trim_xml_space(*text)) + "' is not an ISO 8601 UTC date");
    }
    if (element == "data") {
      if (auto value = decode_base64(*text)) return Value(std::move(*value));
      return failure(node, "<data> is not valid base64");
    }
    if (element == "key") return failure(node, "<key> outside a <dict>");
    return failure(node, "unknown element <" + std::string(element) + ">");
  }

  Expected<Value> convert_container(pugi::xml_node node, bool is_dictionary, std::size_t depth, KeySelection keys) {
    if (depth > limits::kMaxNestingDepth) {
      Error error = failure(node, "nested deeper than " + std::to_string(limits::kMaxNestingDepth) + " containers");
      error.kind = ErrorKind::too_large;
      return error;
    }
    auto children = children_of(node);
    if (!children) return std::move(children).error();
    if (!is_dictionary) {
      Array items;
      items.reserve(children->size());
      for (pugi::xml_node child : *children) {
        auto item = convert(child, depth, {});
        if (!item) return item;
        items.push_back(std::move(*item));
      }
      return Value(std::move(items));
    }
    Dictionary entries;
    for (std::size_t i = 0; i < children->size(); i += 2) {
      pugi::xml_node key_node = (*children)[i];
      if (std::string_view(key_node.name()) != "key") {
        return failure(key_node, std::string("<dict> expects a <key>, found <") + key_node.name() + ">");
      }
      std::optional<std::string> key = text_of(key_node);
      if (!key) return failure(key_node, "<key> holds an element");
      if (i + 1 == children->size()) return failure(key_node, "<key>" + *key + "</key> has no value");
      if (!is_selected(keys.top, *key)) continue;
      auto item = convert((*children)[i + 1], depth, keys.for_values());
      if (!item) return item;
      entries.insert_or_assign(std::move(*key), std::move(*item));
    }
    // CoreFoundation writes a keyed archive's UID as <dict><key>CF$UID</key><integer>N</integer></dict>.
    if (entries.size() == 1 && entries.begin()->first == "CF$UID") {
      if (auto index = entries.begin()->second.integer(); index && *index >= 0) {
        return Value(Uid{static_cast<std::uint64_t>(*index)});
      }
    }
    return Value(std::move(entries));
  }

  std::string_view bytes_;
  std::string_view name_;
  KeySelection keys_;
  std::size_t held_by_;
  std::size_t values_ = 0;
};

}  // namespace

Expected<Value> read_xml_document(std::string_view bytes, std::string_view name, KeySelection keys) {
  return XmlPlistReader(bytes, name, keys).read();
}

Expected<Value> parse_xml(std::string_view bytes, std::string_view name, KeySelection keys) {
  const EntryParser parse_entry = [name](std::string_view element, std::size_t held_by,
                                         KeySelection entry_keys) -> std::optional<Value> {
    auto value = XmlPlistReader(element, name, entry_keys, held_by).read();
    if (!value) return std::nullopt;
    return std::move(*value);
  };
  if (auto scanned = scan_selected_entries(bytes, keys, parse_entry)) return std::move(*scanned);
  return read_xml_document(bytes, name, keys);
}

}  // namespace nwaudit::plist
