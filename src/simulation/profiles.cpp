// The built-in profiles: data files embedded in the library, read through the strict JSON layer.

#include "json_real.hpp"

#include "core/embedded_data.hpp"
#include <coopecon/core/text_file.hpp>
#include <coopecon/simulation/profiles.hpp>

#include <array>
#include <cmath>

namespace coopecon::simulation {

namespace {

constexpr std::string_view profile_format = "coopecon-profile";
constexpr std::int64_t profile_version = 1;

Profile embedded(std::string_view name) {
    const std::string path = "simulation/" + std::string(name) + ".json";
    const auto text = coopecon::detail::embedded_file(path);
    if (!text) throw Error(ErrorCode::io, "the embedded data file " + path + " is missing");
    return read_profile(*text, "data/" + path);
}

}  // namespace

Profile read_profile(std::string_view text, std::string_view file) {
    static constexpr auto names = json::member_names<Profile>();
    static constexpr std::array<std::string_view, 2> head{"format", "version"};
    Problems problems;
    const auto root = json::parse(text, file, problems);
    json::Reader r(problems);
    Profile p;
    if (const auto* o = r.object(root); o && json::check_format(r, *o, profile_format, profile_version)) {
        r.check_keys(*o, {head, names});
        r.members(*o, p);
    }
    json::throw_located(std::move(problems), text, file);
    return p;
}

Profile read_profile_file(const std::filesystem::path& path) {
    const std::string text = read_text_file(path);
    return read_profile(text, path.string());
}

std::string write_profile(const Profile& profile) {
    std::string out;
    json::Writer w(out);
    w.begin_object();
    w.member("format", std::string(profile_format));
    w.member("version", profile_version);
    w.members(profile);
    w.end_object();
    w.finish();
    return json::finish_reals(std::move(out));
}

Profile ca_mau_2023() {
    static const Profile p = embedded("ca_mau_2023");
    return p;
}

Profile vietnam_2022() {
    static const Profile p = embedded("vietnam_2022");
    return p;
}

Profile world(std::int64_t organizations, double events_per_organization) {
    if (organizations < 1 || organizations > 50'000'000)
        throw Error(ErrorCode::invalid_value,
                    "world: organizations must be between 1 and 50,000,000, not " + std::to_string(organizations));
    if (!(events_per_organization >= 7 && events_per_organization <= 100))
        throw Error(ErrorCode::invalid_value, "world: events per organisation must be between 7 and 100");
    static const Profile base = embedded("world");
    Profile p = base;
    const auto n = static_cast<std::int32_t>(organizations);
    p.title = "Synthetic cooperatives for benchmarks (" + std::to_string(organizations) + ")";
    p.title_vi = "Hợp tác xã giả lập để đo hiệu năng (" + std::to_string(organizations) + ")";
    auto& coops = p.populations.at(0);
    coops.seats.at(0).organizations = n;
    coops.suspended = n / 10;
    coops.members = {static_cast<std::int64_t>(n) * 25, 0, static_cast<std::int64_t>(n) * 2};
    // Registration, founders, member changes, suspensions and capital give about 5.8 events, and each year of
    // history about 1.3 more on average (measured: an assembly, a financial year and a report for most, fewer for
    // the young and the suspended). Records are kept every year, so more events mean earlier first
    // registrations: ten events need about 3.4 years (the least the generator allows).
    const double years = std::max(3.4, (events_per_organization - 5.8) / 1.31);
    coops.first_registration = p.as_of.plus_months(-static_cast<int>(std::lround(years * 12)));
    return p;
}

Profile builtin_profile(std::string_view name, std::optional<std::int64_t> organizations) {
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
