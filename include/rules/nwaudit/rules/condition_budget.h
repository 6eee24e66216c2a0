#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nwaudit {

// A rule's condition runs only when a bound on what it costs on the facts at hand is within
// limits::kMaxConditionSteps (nwaudit-rules(5), COST OF A CONDITION). These judge a condition
// before any facts are known, when its rule is loaded or linted.

// Why the condition is over the budget even on the facts of an empty Mac, so that its rule
// would never run; nothing when it is not. The loader refuses such a rule.
std::optional<std::string> condition_never_runs(std::string_view condition);

// Why large facts may make an audit skip the condition: nwaudit cannot bound it, or its bound
// grows faster than the square of the facts' size (a scan of the whole document inside a
// predicate inside another). Nothing when neither. `rules lint` prints it as a warning.
std::optional<std::string> condition_cost_warning(std::string_view condition);

}  // namespace nwaudit
