#pragma once

#include <string>
#include <string_view>

namespace nwaudit::report {

// 64-bit FNV-1a of the rule id and the subject (a NUL between them, so "ab"+"c" and "a"+"bc"
// differ), as 16 lower-case hex digits. The same finding on another day or another Mac gives
// the same value; baselines and SARIF partialFingerprints rely on that.
std::string finding_fingerprint(std::string_view rule_id, std::string_view subject);

}  // namespace nwaudit::report
