// Declarations only: see include/libfuzzer_driver.h.
#include "libfuzzer_driver.h"
