#pragma once

#include "nwaudit/audit/result.h"

namespace nwaudit::report {

// What --brief shows, in every format: the verdict, its causes (most decisive first), each
// with only its first fix, the Mac's fixes before the app's, and only the sources that could
// not be read. The verdict's cause indexes point into the shorter list.
AuditResult brief_result(const AuditResult& result);

// The first fix meant for the app among the causes' full fixes, if any: said once in a brief.
const Fix* first_app_fix(const AuditResult& result);

}  // namespace nwaudit::report
