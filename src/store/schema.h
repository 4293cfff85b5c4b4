// store/schema.h — versioned migrations of the Kopsehat database (both backends). Depends on store/db.h.
#pragma once

#include <cstdint>

#include "store/db.h"

namespace kopsehat::store {

// The schema version this binary writes.
int LatestSchemaVersion();

// Brings the database up to LatestSchemaVersion(), each migration in its own transaction. Refuses (kOther) a
// database whose version is newer than this binary's. `now` is recorded as applied_at. *version_out (optional) is
// the version afterwards. `up_to` (tests of a migration on an existing database) stops after that version; 0: the
// latest.
DbError Migrate(Connection* db, int64_t now, int* version_out = nullptr, int up_to = 0);

}  // namespace kopsehat::store
