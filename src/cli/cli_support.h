#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "options.h"
#include "nwaudit/audit/result.h"
#include "nwaudit/facts/collectors.h"
#include "nwaudit/facts/facts.h"
#include "nwaudit/rules/knowledge.h"
#include "nwaudit/source/source.h"

namespace nwaudit::cli {

// The Source for --root (a folder, or an archive of one), or the live system on a Mac;
// nullptr after printing why not, with the exit status in `status`.
std::unique_ptr<Source> open_source(const std::optional<std::string>& root, int& status);

// The Source for --sysdiagnose PATH: a folder or archive that holds a macOS sysdiagnose, at its top
// or in its one sysdiagnose_* folder; nullptr after printing why not. collect_facts (and so
// collect_mac_facts) reads it as the snapshot it stands for, as it does a sysdiagnose given to --root.
std::unique_ptr<Source> open_sysdiagnose(const std::string& path, int& status);

// --sysdiagnose when it is given, else --root (or the live system).
std::unique_ptr<Source> open_input_source(const InputOptions& input, int& status);

// The facts of the Mac the source reads; for an archive, its refused entries are in coverage too.
std::unique_ptr<Facts> collect_mac_facts(const Source& source, const Knowledge& knowledge, unsigned jobs = 0);
// The same, with the vendor catalog asked for only at the last step, the vendor annotations.
std::unique_ptr<Facts> collect_mac_facts(const Source& source, const VendorCatalogWhenAsked& vendors, unsigned jobs);

// How many threads read the Mac: `jobs` when given (--jobs), else the cores available, at most 8.
unsigned reading_threads(unsigned jobs);

// The shipped knowledge folder and the --rules folders, loaded; every problem printed to
// standard error. Rules named by --disable are taken out.
Knowledge load_knowledge_for(const InputOptions& options);

// The audit of these facts with the knowledge's rules, labelled with nwaudit's and the rules'
// versions, the knowledge's problems first among its rule problems. The caller names its source.
// The rules run on reading_threads(jobs) threads.
AuditResult audit_with(const pugi::xml_document& facts, const Knowledge& knowledge, unsigned jobs = 0);

// Writes text to the -o file or standard output; returns an exit status.
int emit(const std::string& text, const std::optional<std::string>& output);

// Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org).
bool use_color(const std::optional<std::string>& output);

// Prints "nwaudit: TEXT" to standard error.
void complain(const std::string& text);

// While one lives, what complain() says on the thread that made it is held instead of printed,
// so that it can follow what another thread has to say first. The end prints what is still held
// (to an enclosing one's hold, if any).
class HeldComplaints {
 public:
  HeldComplaints();
  ~HeldComplaints();
  HeldComplaints(const HeldComplaints&) = delete;
  HeldComplaints& operator=(const HeldComplaints&) = delete;
  // What was held, as complain() would have printed it, no longer held.
  std::string take();

 private:
  std::string held_;
  std::string* outer_;
};

// Writes complaints as HeldComplaints::take gave them to standard error, whatever this thread holds.
void print_complaints(const std::string& taken);

}  // namespace nwaudit::cli
