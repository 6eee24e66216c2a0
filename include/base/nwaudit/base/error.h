#pragma once

#include <cstddef>
#include <string>

namespace nwaudit {

// Why something on the audited Mac could not be read. Coverage reports group by this.
enum class ErrorKind {
  not_found,          // the path does not exist (inside the root)
  permission_denied,  // it exists but this process may not read it
  wrong_type,         // a directory where a file was expected, a FIFO, a device, ...
  too_large,          // over one of the documented limits
  link_loop,          // too many symbolic links while resolving
  malformed,          // read fine, but the content is not what the format says
  io,                 // any other operating-system error
};

struct Error {
  ErrorKind kind = ErrorKind::io;
  std::string path;      // the path on the Mac, e.g. /Library/Preferences/com.apple.alf.plist
  std::string location;  // a place other than a line: "byte offset 4096", "$top.root<2>"; empty when none
  std::string reason;    // what is wrong, in words
  std::size_t line = 0;  // the line in a text file, from 1; 0 when the place is not a line

  // "line 12", the location, or both ("line 12, byte offset 40"); empty when neither is known.
  std::string where() const;
  // "path: where: reason", leaving out empty parts.
  std::string describe() const;
};

const char* to_string(ErrorKind kind);

}  // namespace nwaudit
