#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "nwaudit/source/source.h"

namespace nwaudit {

// Where a sysdiagnose is in a source: "" when the source's "/" is one (a folder or archive
// whose top holds network-info/ and no System/ tree, with sw_vers.txt or network-info/ifconfig.txt),
// "/sysdiagnose_..." when "/" holds one such folder and nothing else but hidden files; nothing
// when it is not a sysdiagnose.
std::optional<std::string> find_sysdiagnose(const Source& source);

// A sysdiagnose seen as a Mac snapshot (nwaudit-facts(5), SNAPSHOT LAYOUT): the captures the
// collectors read under /.nwaudit/ are the sysdiagnose's files of the same commands
// (network-info/ifconfig.txt for ifconfig-v.txt, network-info/pf.txt or pf for pfctl-all.txt,
// ...), and its copies of a few preference files stand for the Mac's. What a sysdiagnose never
// holds (kernel extension bundles, the system extensions database, the Application Firewall's
// settings, and the preference files it has no copy of) is an Error (wrong_type) that says so,
// never "not found", so that it is a blind spot of the audit rather than taken for absent.
// Every other path is the sysdiagnose's own. It reads through `inner`, which must outlive it.
class SysdiagnoseSource final : public Source {
 public:
  // `top` as find_sysdiagnose returns it.
  SysdiagnoseSource(const Source& inner, std::string top) : inner_(inner), top_(std::move(top)) {}

  Expected<std::unique_ptr<RandomAccessFile>> open_file(std::string_view path) const override;
  Expected<std::vector<DirectoryEntry>> list_directory(std::string_view path) const override;
  Expected<FileStatus> status(std::string_view path) const override;
  Expected<std::string> read_link(std::string_view path) const override;
  std::string description() const override;
  bool reads_concurrently() const override { return inner_.reads_concurrently(); }

 private:
  // The sysdiagnose's path for a Mac path, or the Error that says why there is none.
  Expected<std::string> resolve(std::string_view path) const;

  const Source& inner_;
  std::string top_;
};

}  // namespace nwaudit
