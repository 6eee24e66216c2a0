#include "line_reader.h"

#include <algorithm>
#include <cstring>

namespace nwaudit::fleet {
namespace {

constexpr std::size_t kChunkBytes = 256u << 10;

}  // namespace

Expected<bool> LineReader::fill() {
  if (ended_) return false;
  if (begin_ != 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (buffer_.size() - end_ < kChunkBytes) buffer_.resize(end_ + kChunkBytes);
  auto count = read_(buffer_.data() + end_, buffer_.size() - end_);
  if (!count) {
    ended_ = true;
    return std::move(count).error();
  }
  if (*count == 0) ended_ = true;
  end_ += *count;
  return *count != 0;
}

Expected<bool> LineReader::next(Line& line) {
  bool too_long = false;
  std::size_t scanned = begin_;
  for (;;) {
    const char* start = buffer_.data() + scanned;
    const void* newline = scanned < end_ ? std::memchr(start, '\n', end_ - scanned) : nullptr;
    if (newline != nullptr || (ended_ && begin_ < end_)) {
      const std::size_t stop = newline != nullptr ? static_cast<std::size_t>(static_cast<const char*>(newline) - buffer_.data()) : end_;
      std::size_t length = stop - begin_;
      if (length > 0 && buffer_[begin_ + length - 1] == '\r') --length;
      line.number = ++number_;
      line.too_long = too_long || length > max_line_;
      line.text = line.too_long ? std::string_view() : std::string_view(buffer_.data() + begin_, length);
      begin_ = newline != nullptr ? stop + 1 : end_;
      return true;
    }
    if (ended_) return false;
    if (end_ - begin_ > max_line_) {  // pass over the line's bytes so far, keep looking for its end
      too_long = true;
      begin_ = end_;
    }
    scanned = end_ - begin_;
    auto more = fill();
    if (!more) return std::move(more).error();
    scanned += begin_;
  }
}

}  // namespace nwaudit::fleet
