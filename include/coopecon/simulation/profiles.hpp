#pragma once
// The built-in profiles of synthetic registries, kept as data files (data/simulation/*.json, format
// "coopecon-profile", version 1) compiled into the library and read through the strict JSON reader
// (docs/synthetic-data.md says what each reproduces exactly and what is invented):
//   ca_mau_2023   Cà Mau province on 2023-08-31, calibrated exactly to the Báo Cà Mau figures, with
//                 histories from 1997 to 2025;
//   vietnam_2022  Vietnam on 2022-12-31: the cooperatives of every region as the statistics office counted
//                 them, the unions, groups and members of the ministry's estimate;
//   world(N, E)   N cooperatives over the 63 provinces with about E events each, for benchmarks.

#include <coopecon/core/error.hpp>
#include <coopecon/export.hpp>
#include <coopecon/simulation/profile.hpp>

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace coopecon::simulation {

/// Reads a profile from JSON text (`file` names it in problems). Throws Error listing every problem with
/// file:line:column and field path.
COOPECON_EXPORT Profile read_profile(std::string_view text, std::string_view file);
/// Reads the profile file at `path`.
COOPECON_EXPORT Profile read_profile_file(const std::filesystem::path& path);
/// The profile as JSON text that read_profile reads back.
COOPECON_EXPORT std::string write_profile(const Profile& profile);

/// Cà Mau province on 2023-08-31 (Báo Cà Mau, 2023; domain reference §9): exactly 281 cooperatives (247 active,
/// 34 suspended) with 4,292 members, one union whose 6 official members are cooperatives and whose latest
/// closed year has 59 workers, and 987 cooperative groups with 14,560 members, seated in the 9 district-level
/// units of the time. Histories run from 1997 to 2025-12-31 (data/simulation/ca_mau_2023.json).
COOPECON_EXPORT Profile ca_mau_2023();

/// Vietnam on 2022-12-31: 29,378 cooperatives with the statistics office's regional totals exactly (7,957
/// northern midlands and mountains, 7,780 Red River delta, 6,167 north central and central coast, 3,420 Mekong
/// delta, 2,071 south east, 1,983 central highlands), 125 unions with 851 member cooperatives, 71,000 groups, and
/// 5,935,000 cooperative members (domain reference §9 rows 1–2; data/simulation/vietnam_2022.json).
COOPECON_EXPORT Profile vietnam_2022();

/// N cooperatives spread evenly over the 63 provinces of 2024, live on 2024-12-31, with about
/// `events_per_organization` events each (at least 7): for benchmarks of the registry at scale. The file
/// (data/simulation/world.json) holds 3,000,000 with about ten events each; other sizes scale its counts and
/// move its first registrations.
COOPECON_EXPORT Profile world(std::int64_t organizations = 3'000'000, double events_per_organization = 10);

/// The names the CLI and docs know the built-in profiles by.
inline constexpr std::array<std::string_view, 3> builtin_profiles{"ca_mau_2023", "vietnam_2022", "world"};

/// A built-in profile by name; `organizations` is the size of `world` (the others have fixed sizes).
COOPECON_EXPORT Profile builtin_profile(std::string_view name, std::optional<std::int64_t> organizations = std::nullopt);

}  // namespace coopecon::simulation
