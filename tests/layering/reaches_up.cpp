// Included from a layer below audit, this must not compile: the audit layer's headers are
// not on a lower layer's include path. tests/layering/CMakeLists.txt builds it both ways.
#include "nwaudit/audit/audit.h"

int nwaudit_layering_probe() { return 0; }
