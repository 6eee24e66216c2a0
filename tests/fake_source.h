#pragma once

#include <map>
#include <memory>
#include <string>

#include "nwaudit/source/source.h"

namespace nwaudit::test {

// A Source that passes everything to another one, except the paths it was told to fail:
// permission denied and the like, which a test running as root cannot make real.
class FailingSource final : public Source {
 public:
  explicit FailingSource(std::unique_ptr<Source> inner) : inner_(std::move(inner)) {}

  void fail(const std::string& path, ErrorKind kind, std::string reason) {
    failures_[path] = Error{kind, path, {}, std::move(reason)};
  }

  Expected<std::unique_ptr<RandomAccessFile>> open_file(std::string_view path) const override {
    if (auto failure = find(path)) return *failure;
    return inner_->open_file(path);
  }
  Expected<std::vector<DirectoryEntry>> list_directory(std::string_view path) const override {
    if (auto failure = find(path)) return *failure;
    return inner_->list_directory(path);
  }
  Expected<FileStatus> status(std::string_view path) const override { return inner_->status(path); }
  Expected<std::string> read_link(std::string_view path) const override { return inner_->read_link(path); }
  std::string description() const override { return inner_->description(); }

 private:
  std::optional<Error> find(std::string_view path) const {
    auto found = failures_.find(std::string(path));
    if (found == failures_.end()) return std::nullopt;
    return found->second;
  }
  std::unique_ptr<Source> inner_;
  std::map<std::string, Error> failures_;
};

}  // namespace nwaudit::test
