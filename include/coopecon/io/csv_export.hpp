#pragma once
// A registry written as event rows with English headers (the built-in mapping events-en, docs/csv-import.md): one
// row per event, the organisation's identity on its registered row and a named member's on the row that admits
// them, so reading the file back gives the same organisations and events. The file has no place for the
// registry's info, for areas beyond the built-in catalogue, nor for a listed member who never joined.

#include <coopecon/export.hpp>
#include <coopecon/registry/registry.hpp>

#include <iosfwd>
#include <string>

namespace coopecon::io {

/// Writes every organisation's events as event rows, in registry order and each history in stored order.
COOPECON_EXPORT void write_event_rows(const Registry& registry, std::ostream& out);
COOPECON_EXPORT std::string write_event_rows(const Registry& registry);

}  // namespace coopecon::io
