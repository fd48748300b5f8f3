// PostgreSQL's own client library (apt: libpq-dev; pkg-config libpq).
#include <libpq-fe.h>
