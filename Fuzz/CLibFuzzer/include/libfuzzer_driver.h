#ifndef CASEAUDIT_LIBFUZZER_DRIVER_H
#define CASEAUDIT_LIBFUZZER_DRIVER_H
#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver, in the toolchain's libclang_rt.fuzzer (linked by -sanitize=fuzzer).
// SwiftPM names an executable's entry point itself, so the harness calls the driver from it
// rather than taking libFuzzer's own main.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
