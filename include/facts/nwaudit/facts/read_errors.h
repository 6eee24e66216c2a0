#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nwaudit/base/expected.h"
#include "nwaudit/facts/facts.h"
#include "nwaudit/source/source.h"

// What a Mac would not let the maker of a snapshot read, kept in the snapshot as
// /.nwaudit/read-errors.plist (nwaudit-facts(5)) and answered again when the snapshot is read,
// so that a file that was unreadable on the Mac is not taken for a missing one.
namespace nwaudit {

// The Source calls a collector makes.
enum class SourceCall { open_file, list_directory, status, read_link };
const char* to_string(SourceCall call);

// One failure: the call, the path it asked for and the Error it got. Without a call, a failure
// the source reported without being asked (an archive's refused entry), which goes into
// coverage under `collector` when no collector read the path.
struct ReadError {
  std::optional<SourceCall> call;
  std::string path;
  std::string collector;
  Error error;
};

// The capture's name under /.nwaudit/.
inline constexpr std::string_view kReadErrorsCapture = "read-errors.plist";

// The failures as the XML property list the capture holds.
std::string read_errors_plist(const std::vector<ReadError>& errors);
// The failures a capture lists; an Error naming `path` when it is not such a list.
Expected<std::vector<ReadError>> parse_read_errors(std::string_view bytes, std::string_view path);

// A Source that answers each call a snapshot's read-errors.plist lists with the Error it records
// and passes every other call to `inner`. The capture itself is hidden: it is not a file of the Mac.
class ReadErrorReplay final : public Source {
 public:
  explicit ReadErrorReplay(const Source& inner);

  Expected<std::unique_ptr<RandomAccessFile>> open_file(std::string_view path) const override;
  Expected<std::vector<DirectoryEntry>> list_directory(std::string_view path) const override;
  Expected<FileStatus> status(std::string_view path) const override;
  Expected<std::string> read_link(std::string_view path) const override;
  std::string description() const override;
  bool reads_concurrently() const override { return inner_.reads_concurrently(); }

  // Why the capture could not be used, when it is there and cannot.
  const std::optional<Error>& problem() const { return problem_; }
  // The failures it lists without a call.
  const std::vector<ReadError>& unasked() const { return unasked_; }

 private:
  const Error* recorded(SourceCall call, std::string_view path) const;

  const Source& inner_;
  std::map<std::pair<SourceCall, std::string>, Error> recorded_;
  std::vector<ReadError> unasked_;
  std::optional<Error> problem_;
};

// Adds each error to coverage under its collector unless an entry already names its path
// (a collector that asked for the path has recorded it already).
void record_unasked_errors(Facts& facts, const std::vector<ReadError>& errors);

}  // namespace nwaudit
