#include "nwaudit/base/xml_file.h"

#include "nwaudit/base/xml_text_position.h"

namespace nwaudit {

Expected<XmlFile> XmlFile::parse(std::string path, std::string text) {
  XmlFile file(std::move(path), std::move(text));
  const pugi::xml_parse_result result = file.document_.load_buffer(file.text_.data(), file.text_.size());
  if (!result) {
    return Error{ErrorKind::malformed, file.path_, {}, std::string("not well-formed XML: ") + result.description(),
                 file.line_at(result.offset)};
  }
  return file;
}

std::size_t XmlFile::line_at(std::ptrdiff_t offset) const { return line_at_offset(text_, offset); }

Error XmlFile::error_at(pugi::xml_node node, std::string reason) const {
  return Error{ErrorKind::malformed, path_, {}, std::move(reason), line_of(node)};
}

}  // namespace nwaudit
