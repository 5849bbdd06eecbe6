#pragma once
// The built-in profiles of synthetic registries (docs/synthetic-data.md says what each reproduces exactly and
// what is invented):
//   ca_mau_2023   Cà Mau province on 2023-08-31, calibrated exactly to the Báo Cà Mau figures, with
//                 histories from 1997 to 2025;
//   vietnam_2022  Vietnam on 2022-12-31: the cooperatives of every region as the statistics office counted
//                 them, the unions, groups and members of the ministry's estimate;
//   world(N, E)   N cooperatives over the 63 provinces with about E events each, for benchmarks.

#include <coopecon/core/error.hpp>
#include <coopecon/model/area_catalog.hpp>
#include <coopecon/registry/registry.hpp>
#include <coopecon/simulation/profile.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coopecon::simulation {

namespace detail {

/// The provinces valid on `d`, each of weight 1, of one region (or all when `region` is empty).
inline std::vector<AreaWeight> provinces(const AreaCatalog& catalog, Date d, std::string_view region = {}) {
    std::vector<AreaWeight> out;
    for (const auto& a : catalog.areas())
        if (a.level == AreaLevel::province && a.valid_on(d) && (region.empty() || a.region == region))
            out.push_back({a.code, 1});
    return out;
}

}  // namespace detail

/// Cà Mau province on 2023-08-31 (Báo Cà Mau, 2023; domain reference §9): exactly 281 cooperatives (247 active,
/// 34 suspended) with 4,292 members, one union whose 6 official members are cooperatives and whose latest
/// closed year has 59 workers, and 987 cooperative groups with 14,560 members, seated in the 9 district-level
/// units of the time. Histories run from 1997 to 2025-12-31.
inline Profile ca_mau_2023() {
    using detail::ymd;
    Profile p;
    p.name = "ca_mau_2023";
    p.title = "Cà Mau province: cooperatives, union and cooperative groups, as of 2023-08-31 (synthetic)";
    p.source =
        "Báo Cà Mau (2023): 281 cooperatives (247 active, 34 suspended) with 4,292 members; 1 union of 6 "
        "cooperatives with 59 workers; 987 cooperative groups with 14,560 members. Those totals are exact on "
        "2023-08-31; the organisations, their histories and every other figure are synthetic.";
    p.as_of = ymd(2023, 8, 31);
    p.history_until = ymd(2025, 12, 31);

    // Weights of the district-level units: invented, larger for the city and the big shrimp-farming districts.
    const std::vector<AreaWeight> districts{{"D964", 16}, {"D966", 9}, {"D967", 12}, {"D968", 14}, {"D969", 11},
                                            {"D970", 14}, {"D971", 7}, {"D972", 8},  {"D973", 9}};

    Population coops;
    coops.kind = OrgKind::cooperative;
    coops.id_prefix = "cm-htx-";
    coops.seats = {{"Cà Mau", 281, districts}};
    coops.suspended = 34;
    coops.members = {3'968, 58, 266};  // 4,292 in all
    coops.min_official = 7;
    coops.below_minimum = 6;
    coops.households = 0.45;
    coops.with_associates = 0.12;
    coops.named = 8;
    coops.sectors = {
        {Sector::agriculture, 0.72, 1.0, 2'500'000'000},  {Sector::trade_services, 0.10, 0.8, 3'000'000'000},
        {Sector::transport, 0.06, 0.9, 2'000'000'000},    {Sector::industry_handicraft, 0.05, 0.8, 1'500'000'000},
        {Sector::construction, 0.04, 0.7, 4'000'000'000}, {Sector::environment, 0.02, 0.8, 1'200'000'000},
        {Sector::credit, 0.01, 5.0, 6'000'000'000}};
    coops.first_registration = ymd(1997, 1, 1);
    coops.registration_growth = 0.12;
    coops.terminated_before = 60;
    coops.registered_after = 90;
    coops.dissolved_after = 1;
    coops.revoked_after = 8;

    Population unions;
    unions.kind = OrgKind::union_of_cooperatives;
    unions.id_prefix = "cm-lhhtx-";
    unions.seats = {{"Cà Mau", 1, {{"D964", 1}}}};
    unions.members = {6, 0, 0};
    unions.min_official = 4;
    unions.workers = 59;
    unions.sectors = {{Sector::agriculture, 1, 1, 12'000'000'000}};
    unions.first_registration = ymd(2016, 1, 1);
    unions.registration_growth = 0;

    Population groups;
    groups.kind = OrgKind::cooperative_group;
    groups.id_prefix = "cm-tht-";
    groups.seats = {{"Cà Mau", 987, districts}};
    groups.members = {14'560, 0, 0};
    groups.min_official = 3;
    groups.households = 0.5;
    groups.sectors = {{Sector::agriculture, 0.93, 1, 0},
                      {Sector::trade_services, 0.03, 0.8, 0},
                      {Sector::industry_handicraft, 0.02, 0.8, 0},
                      {Sector::transport, 0.01, 0.7, 0},
                      {Sector::construction, 0.01, 0.7, 0}};
    groups.first_registration = ymd(2005, 1, 1);
    groups.registration_growth = 0.1;
    groups.terminated_before = 45;
    groups.registered_after = 80;
    groups.converted_after = 2;

    p.populations = {std::move(coops), std::move(unions), std::move(groups)};

    auto& r = p.records;
    r.assembly_years = 40;  // every year since registration
    r.financial_years = 5;  // 2018–2022
    r.report_years = 8;
    r.assessment_years = {2022, 2023, 2024};
    r.assessment_classes = {0.06, 0.34, 0.42, 0.18};  // Cà Mau's 2024 rating: 6.3 % good, 34.1 % fair
    r.certified = 0.12;
    r.ocop = 0.08;
    r.past_suspension = 0.12;
    r.suspension_after = 0.03;

    p.naming.places = {"Tân Thành",  "Tắc Vân",        "Lý Văn Lâm", "An Xuyên",     "Hòa Thành",   "Định Bình",
                       "Khánh An",   "Khánh Lâm",      "Khánh Hòa",  "Nguyễn Phích", "Khánh Thuận", "Trí Phải",
                       "Biển Bạch",  "Tân Lộc",        "Hồ Thị Kỷ",  "Tân Phú",      "Khánh Bình",  "Trần Hợi",
                       "Sông Đốc",   "Phong Lạc",      "Khánh Hải",  "Lợi An",       "Tân Hưng",    "Phú Hưng",
                       "Trần Thới",  "Lương Thế Trân", "Đông Thới",  "Tạ An Khương", "Tân Duyệt",   "Nguyễn Huân",
                       "Quách Phẩm", "Tân Thuận",      "Trần Phán",  "Hàm Rồng",     "Tam Giang",   "Lâm Hải",
                       "Đất Mới",    "Cái Đôi Vàm",    "Việt Thắng", "Rạch Chèo",    "Đất Mũi",     "Viên An",
                       "Tân Ân",     "Rạch Gốc"};
    p.naming.ocop_products = {"Tôm khô Cà Mau",    "Khô cá bổi",      "Mật ong rừng U Minh", "Ba khía muối Rạch Gốc",
                              "Cua Năm Căn",       "Mắm chua cá lóc", "Chả cá thác lác",     "Khô cá sặc rằn",
                              "Gạo hữu cơ Cà Mau", "Vọp Năm Căn",     "Bánh phồng tôm",      "Nước mắm cá cơm"};
    return p;
}

/// Vietnam on 2022-12-31: 29,378 cooperatives with the statistics office's regional totals exactly (7,957
/// northern midlands and mountains, 7,780 Red River delta, 6,167 north central and central coast, 3,420 Mekong
/// delta, 2,071 south east, 1,983 central highlands), 125 unions with 851 member cooperatives, 71,000 groups, and
/// 5,935,000 cooperative members (domain reference §9 rows 1–2). Provinces of a region are weighted equally.
inline Profile vietnam_2022() {
    using detail::ymd;
    const auto catalog = Registry().areas_ptr();  // Vietnam's areas, as the library embeds them
    Profile p;
    p.name = "vietnam_2022";
    p.title = "Vietnam: cooperatives, unions and cooperative groups, as of 2022-12-31 (synthetic)";
    p.source =
        "GSO Sách trắng HTX 2023 (cooperatives by region, 31/12/2022) and the Steering Committee's 2022 "
        "estimate (125 unions with 851 member cooperatives, 71,000 groups, 5,935,000 members): those totals "
        "are exact on 2022-12-31; organisations, provinces' shares and histories are synthetic.";
    p.as_of = ymd(2022, 12, 31);
    p.history_until = p.as_of;

    static constexpr std::array<std::pair<std::string_view, std::int32_t>, 6> regions{{
        {"northern_midlands_mountains", 7'957},
        {"red_river_delta", 7'780},
        {"north_central_central_coast", 6'167},
        {"mekong_delta", 3'420},
        {"southeast", 2'071},
        {"central_highlands", 1'983},
    }};
    Population coops;
    coops.kind = OrgKind::cooperative;
    coops.id_prefix = "vn-htx-";
    std::vector<AreaWeight> group_seats;  // groups follow the cooperatives' regional shares
    for (const auto& [region, count] : regions) {
        auto areas = detail::provinces(*catalog, p.as_of, region);
        for (const auto& a : areas) group_seats.push_back({a.area, count / static_cast<double>(areas.size())});
        coops.seats.push_back({std::string(region), count, std::move(areas)});
    }
    coops.suspended = 2'900;
    coops.members = {5'673'000, 12'000, 250'000};  // 5,935,000
    coops.min_official = 7;
    coops.below_minimum = 300;
    coops.households = 0.55;
    coops.with_associates = 0.08;
    coops.named = 20;
    coops.sectors = {
        {Sector::agriculture, 0.62, 1.0, 3'000'000'000},    {Sector::industry_handicraft, 0.06, 0.35, 3'000'000'000},
        {Sector::construction, 0.035, 0.25, 6'000'000'000}, {Sector::transport, 0.05, 0.3, 4'000'000'000},
        {Sector::trade_services, 0.10, 0.3, 3'000'000'000}, {Sector::credit, 0.04, 8.0, 10'000'000'000},
        {Sector::environment, 0.06, 0.6, 2'000'000'000},    {Sector::other, 0.035, 0.3, 2'000'000'000}};
    coops.first_registration = ymd(1997, 1, 1);
    coops.registration_growth = 0.04;
    coops.terminated_before = 3'000;

    Population unions;
    unions.kind = OrgKind::union_of_cooperatives;
    unions.id_prefix = "vn-lhhtx-";
    unions.seats = {{"Vietnam", 125, detail::provinces(*catalog, p.as_of)}};
    unions.members = {851, 0, 0};
    unions.min_official = 4;
    unions.sectors = {{Sector::agriculture, 0.6, 1, 15'000'000'000},
                      {Sector::trade_services, 0.2, 1, 20'000'000'000},
                      {Sector::transport, 0.1, 1, 20'000'000'000},
                      {Sector::industry_handicraft, 0.1, 1, 15'000'000'000}};
    unions.first_registration = ymd(2005, 1, 1);
    unions.registration_growth = 0.1;

    Population groups;
    groups.kind = OrgKind::cooperative_group;
    groups.id_prefix = "vn-tht-";
    groups.seats = {{"Vietnam", 71'000, std::move(group_seats)}};
    groups.members = {852'000, 0, 0};
    groups.min_official = 3;
    groups.households = 0.5;
    groups.sectors = {{Sector::agriculture, 0.85, 1, 0},
                      {Sector::trade_services, 0.06, 0.8, 0},
                      {Sector::industry_handicraft, 0.05, 0.8, 0},
                      {Sector::transport, 0.02, 0.7, 0},
                      {Sector::construction, 0.02, 0.7, 0}};
    groups.first_registration = ymd(2005, 1, 1);
    groups.registration_growth = 0.08;
    groups.terminated_before = 4'000;

    p.populations = {std::move(coops), std::move(unions), std::move(groups)};

    auto& r = p.records;  // about ten events per organisation
    r.assembly_years = 1.5;
    r.financial_years = 1.5;
    r.report_years = 1.5;
    r.assessment_years = {2021};
    r.member_change = 0.45;
    r.past_suspension = 0.08;
    r.certified = 0.1;
    r.ocop = 0.05;
    p.naming.ocop_products = {"Gạo thơm",   "Chè búp",      "Mật ong",      "Nước mắm",  "Miến dong",
                              "Cà phê hạt", "Bưởi da xanh", "Nấm linh chi", "Tương bần", "Chổi đót"};
    return p;
}

/// N cooperatives spread evenly over the 63 provinces of 2024, live on 2024-12-31, with about
/// `events_per_organization` events each (at least 7): for benchmarks of the registry at scale.
inline Profile world(std::int64_t organizations = 3'000'000, double events_per_organization = 10) {
    using detail::ymd;
    if (organizations < 1 || organizations > 50'000'000)
        throw Error(ErrorCode::invalid_value,
                    "world: organizations must be between 1 and 50,000,000, not " + std::to_string(organizations));
    if (!(events_per_organization >= 7 && events_per_organization <= 100))
        throw Error(ErrorCode::invalid_value, "world: events per organisation must be between 7 and 100");
    Profile p;
    p.name = "world";
    p.title = "Synthetic cooperatives for benchmarks (" + std::to_string(organizations) + ")";
    p.source = "synthetic: no published figure is reproduced";
    p.as_of = ymd(2024, 12, 31);
    p.history_until = p.as_of;

    const auto n = static_cast<std::int32_t>(organizations);
    Population coops;
    coops.kind = OrgKind::cooperative;
    coops.id_prefix = "w";
    coops.seats = {{"Vietnam", n, detail::provinces(Registry().areas(), p.as_of)}};
    coops.suspended = n / 10;
    coops.members = {static_cast<std::int64_t>(n) * 25, 0, static_cast<std::int64_t>(n) * 2};
    coops.min_official = 7;
    coops.households = 0.4;
    coops.with_associates = 0.1;
    coops.sectors = {{Sector::agriculture, 0.6, 1, 3'000'000'000},
                     {Sector::trade_services, 0.2, 0.5, 3'000'000'000},
                     {Sector::transport, 0.1, 0.5, 4'000'000'000},
                     {Sector::industry_handicraft, 0.1, 0.5, 3'000'000'000}};
    coops.first_registration = ymd(2010, 1, 1);
    coops.registration_growth = 0.05;
    p.populations = {std::move(coops)};

    // Registration, founders, member changes, suspensions and capital give about 6.2 events; each year of
    // records adds an assembly, a financial year and a report for most, 2.2 events on average (measured:
    // some are missing, and young cooperatives have fewer years).
    auto& r = p.records;
    r.member_change = 0.15;
    r.assembly_years = r.financial_years = r.report_years = (events_per_organization - 6.2) / 2.2;
    r.certified = 0.05;
    r.ocop = 0;
    return p;
}

/// The names the CLI and docs know the built-in profiles by.
inline constexpr std::array<std::string_view, 3> builtin_profiles{"ca_mau_2023", "vietnam_2022", "world"};

/// A built-in profile by name; `organizations` is the size of `world` (the others have fixed sizes).
inline Profile builtin_profile(std::string_view name, std::optional<std::int64_t> organizations = std::nullopt) {
    if (name == "world") return organizations ? world(*organizations) : world();
    if (organizations)
        throw Error(ErrorCode::usage, "only the world profile takes a number of organisations; " + std::string(name) +
                                          " has the size of its published figures");
    if (name == "ca_mau_2023") return ca_mau_2023();
    if (name == "vietnam_2022") return vietnam_2022();
    throw Error(ErrorCode::unknown_name, "unknown profile " + std::string(name) +
                                             "; the built-in profiles are ca_mau_2023, vietnam_2022, world");
}

}  // namespace coopecon::simulation
