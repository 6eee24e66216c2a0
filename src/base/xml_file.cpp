#include "nwaudit/base/xml_file.h"

#include "nwaudit/base/xml_text_position.h"

namespace nwaudit {

XmlFile::XmlFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  const pugi::xml_parse_result result = document_.load_buffer(text_.data(), text_.size());
  well_formed_ = static_cast<bool>(result);
  if (!well_formed_) {
    parse_error_ = Error{ErrorKind::malformed, path_, "line " + std::to_string(line_at(result.offset)),
                         std::string("not well-formed XML: ") + result.description()};
  }
}

std::size_t XmlFile::line_at(std::ptrdiff_t offset) const { return line_at_offset(text_, offset); }

Error XmlFile::error_at(pugi::xml_node node, std::string reason) const {
  return Error{ErrorKind::malformed, path_, "line " + std::to_string(line_of(node)), std::move(reason)};
}

}  // namespace nwaudit
