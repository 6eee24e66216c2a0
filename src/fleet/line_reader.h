#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "nwaudit/base/expected.h"

namespace nwaudit::fleet {

// Hands out the lines of a stream, one at a time, in a buffer that never holds more than one
// line of at most `max_line` bytes: a longer line is passed over and reported as too long.
class LineReader {
 public:
  // Reads up to `size` bytes into `into`; 0 at the end.
  using Read = std::function<Expected<std::size_t>(char* into, std::size_t size)>;

  LineReader(Read read, std::size_t max_line) : read_(std::move(read)), max_line_(max_line) {}

  struct Line {
    std::string_view text;  // without its line break; empty when too_long
    std::size_t number = 0;  // from 1
    bool too_long = false;
  };
  // The next line; false at the end of the stream. A read Error ends the stream.
  Expected<bool> next(Line& line);

 private:
  // Reads more after the bytes kept; false at the end of the stream.
  Expected<bool> fill();

  Read read_;
  std::size_t max_line_;
  std::string buffer_;
  std::size_t begin_ = 0;  // the unread bytes are [begin_, end_)
  std::size_t end_ = 0;
  std::size_t number_ = 0;
  bool ended_ = false;
};

}  // namespace nwaudit::fleet
