#pragma once
// What an append to a kept registry brings (registry_sqlite.hpp): new organisations with their whole histories,
// named members added to the lists of organisations already there, and their new events. They come from a file:
// either a registry in any form (registry_file.hpp), whose organisations are new, or an events file (format
// coopecon-events, docs/registry-format.md) of members and events for organisations already registered:
//
//   {"format": "coopecon-events", "version": 1,
//    "members": [{"organization": "CM-HTX-0002", "id": "M10", "name": "…", "type": "individual",
//                 "foreign_investor": false}],
//    "events": [{"organization": "CM-HTX-0002", "date": "2025-03-01", "type": "assembly_held", "kind": "annual"}]}

#include <coopecon/export.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/framework_json.hpp>  // law::vietnam(), the default framework
#include <coopecon/model/member.hpp>
#include <coopecon/registry/registry.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coopecon::io {

inline constexpr std::string_view events_format = "coopecon-events";
inline constexpr std::int64_t events_version = 1;

struct RegistryAdditions {
    std::vector<OrganizationRecord> organizations;
    std::vector<std::pair<std::string, Member>> members;  // organisation id, member
    std::vector<Append> events;
};

/// The additions the file at `path` holds: an events file's members and events, or the organisations of a
/// registry in any form (checked on their own, as that form's reader checks them, under `law`). Throws Error.
COOPECON_EXPORT RegistryAdditions read_registry_additions_file(const std::filesystem::path& path,
                                                               std::shared_ptr<const law::Framework> law = law::vietnam());

/// An events file's additions from its text; `file` names it in problems. Only the form is checked here (keys,
/// types, dates, names); whether the law allows the events is for the registry they are appended to.
COOPECON_EXPORT RegistryAdditions read_events(std::string_view text, std::string_view file);

}  // namespace coopecon::io
