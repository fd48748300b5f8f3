// The system zlib (apt: zlib1g-dev): inflating the parts of .xlsx and .docx files.
#include <zlib.h>
