#include "nwaudit/fleet/report_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string_view>

#include "line_reader.h"
#include "nwaudit/base/unique_fd.h"
#include "nwaudit/source/archive_members.h"

namespace nwaudit::fleet {
namespace {

namespace fs = std::filesystem;

bool ends_with(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

bool is_report_name(std::string_view name) {
  return ends_with(name, ".json") || ends_with(name, ".ndjson") || ends_with(name, ".jsonl");
}

bool is_archive_name(std::string_view name) {
  return ends_with(name, ".tar") || ends_with(name, ".tar.gz") || ends_with(name, ".tgz") || ends_with(name, ".zip");
}

// An archive member that holds reports: not a bundle's manifest.
bool is_report_member(std::string_view name) {
  const std::string_view base = name.substr(name.rfind('/') + 1);
  return is_report_name(base) && base != "manifest.json";
}

// gzip, zip or tar, by their first bytes.
bool looks_like_archive(std::string_view head) {
  if (head.size() >= 2 && head[0] == '\x1f' && head[1] == '\x8b') return true;
  if (head.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return true;
  return head.size() >= 262 && head.substr(257, 5) == "ustar";
}

Error io_error(const std::string& path, int number, const std::string& what) {
  return Error{number == ENOENT ? ErrorKind::not_found : number == EACCES ? ErrorKind::permission_denied : ErrorKind::io,
               path, {}, what + ": " + std::strerror(number)};
}

// Reads one stream of reports (a file or an archive member): one report, or one per line.
class StreamReader {
 public:
  StreamReader(FleetTally& tally, std::string where) : tally_(tally), where_(std::move(where)) {}

  void read(LineReader& lines) {
    LineReader::Line line;
    bool first = true;
    for (;;) {
      auto more = lines.next(line);
      if (!more) return tally_.skip(with_place(std::move(more).error(), line.number + 1));
      if (!*more) return;
      const bool blank = !line.too_long && line.text.find_first_not_of(" \t") == std::string_view::npos;
      if (blank) continue;
      if (first && !line.too_long && line.text == "{") return read_document(lines);
      first = false;
      if (line.too_long) {
        tally_.skip(Error{ErrorKind::too_large, where_, {}, "the line is longer than " + std::to_string(kMaxReportBytes) + " bytes", line.number});
        continue;
      }
      add(line.text, line.number, where_ + ": line " + std::to_string(line.number));
    }
  }

 private:
  // The rest of a report whose first line was "{".
  void read_document(LineReader& lines) {
    document_ = "{\n";
    LineReader::Line line;
    for (;;) {
      auto more = lines.next(line);
      if (!more) return tally_.skip(with_place(std::move(more).error(), 0));
      if (!*more) break;
      if (line.too_long || document_.size() + line.text.size() + 1 > kMaxReportBytes) {
        return tally_.skip(Error{ErrorKind::too_large, where_, {}, "the report is larger than " + std::to_string(kMaxReportBytes) + " bytes"});
      }
      document_.append(line.text);
      document_ += '\n';
    }
    add(document_, 0, where_);
  }

  void add(std::string_view text, std::size_t line, const std::string& name) {
    if (auto read = read_mac_report(text, report_); !read) return tally_.skip(with_place(std::move(read).error(), line));
    tally_.add(report_, name);
  }

  Error with_place(Error error, std::size_t line) const {
    error.path = where_;
    error.line = line;
    if (line != 0) {  // the parser counts lines within the line: say the column only
      error.location.clear();
      if (auto at = error.reason.find("at line 1, column"); at != std::string::npos) error.reason.erase(at + 3, 8);
    }
    return error;
  }

  FleetTally& tally_;
  std::string where_;
  MacReport report_;
  std::string document_;
};

void add_memory_reports(const std::string& bytes, const std::string& where, FleetTally& tally) {
  std::size_t offset = 0;
  LineReader lines(
      [&](char* into, std::size_t size) -> Expected<std::size_t> {
        const std::size_t count = std::min(size, bytes.size() - offset);
        std::memcpy(into, bytes.data() + offset, count);
        offset += count;
        return count;
      },
      kMaxReportBytes);
  StreamReader(tally, where).read(lines);
}

void add_archive_reports(const std::string& path, FleetTally& tally) {
  auto read = for_each_archive_member(
      path, ArchiveLimits{}, is_report_member, [&](std::string_view member, Expected<std::string> bytes) {
        const std::string where = path + ": " + std::string(member);
        if (!bytes) {
          Error error = std::move(bytes).error();
          error.path = where;
          return tally.skip(std::move(error));
        }
        add_memory_reports(*bytes, where, tally);
      });
  if (!read) tally.skip(std::move(read).error());
}

// A file named on its own, or found in a folder: an archive or a file of reports.
void add_file_reports(const std::string& path, FleetTally& tally) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.valid()) return tally.skip(io_error(path, errno, "cannot open it"));
  char head[512];
  const ssize_t count = ::pread(fd.get(), head, sizeof head, 0);
  if (count < 0) return tally.skip(io_error(path, errno, "cannot read it"));
  if (looks_like_archive(std::string_view(head, static_cast<std::size_t>(count)))) {
    return add_archive_reports(path, tally);
  }
  LineReader lines(
      [&](char* into, std::size_t size) -> Expected<std::size_t> {
        const ssize_t got = ::read(fd.get(), into, size);
        if (got < 0) return io_error(path, errno, "cannot read it");
        return static_cast<std::size_t>(got);
      },
      kMaxReportBytes);
  StreamReader(tally, path).read(lines);
}

void add_folder_reports(const std::string& path, FleetTally& tally) {
  std::error_code error;
  fs::recursive_directory_iterator walk(path, fs::directory_options::skip_permission_denied, error);
  for (; !error && walk != fs::recursive_directory_iterator(); walk.increment(error)) {
    const fs::directory_entry& entry = *walk;
    const std::string name = entry.path().filename().string();
    if (!is_report_name(name) && !is_archive_name(name)) continue;
    std::error_code type_error;
    if (!entry.is_regular_file(type_error)) continue;
    add_file_reports(entry.path().string(), tally);
  }
  if (error) tally.skip(Error{ErrorKind::io, path, {}, "the folder could not be walked to the end: " + error.message()});
}

}  // namespace

Expected<void> add_reports(const std::string& path, FleetTally& tally) {
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error) return io_error(path, error.value(), "cannot read it");
  if (fs::is_directory(status)) {
    add_folder_reports(path, tally);
  } else {
    add_file_reports(path, tally);
  }
  return {};
}

}  // namespace nwaudit::fleet
