#pragma once

// nwaudit's exit status; documented in nwaudit(1), EXIT STATUS.
namespace nwaudit::exit_code {

inline constexpr int kOk = 0;
inline constexpr int kFindings = 1;        // findings at or above --fail-on
inline constexpr int kDiffer = 1;          // nwaudit diff: the verdicts or their causes differ
inline constexpr int kIncomplete = 2;      // a source that could change the verdict was unreadable
inline constexpr int kRuleError = 3;       // a rule file could not be loaded, or a rule was skipped
inline constexpr int kUsage = 64;          // bad command line (sysexits EX_USAGE)
inline constexpr int kInputError = 66;     // the root, facts file or named input cannot be read (EX_NOINPUT)
inline constexpr int kInternal = 70;       // a bug in nwaudit (EX_SOFTWARE)

}  // namespace nwaudit::exit_code
