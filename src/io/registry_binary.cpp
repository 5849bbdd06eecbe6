#include <coopecon/io/registry_binary.hpp>

#include "io/extra_areas.hpp"
#include "json/source.hpp"

#include <coopecon/core/binary.hpp>
#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/model/area_catalog_json.hpp>
#include <coopecon/model/event.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <cstring>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace coopecon::io {

namespace {

constexpr std::array<char, 8> magic{'C', 'O', 'O', 'P', 'R', 'E', 'G', '\0'};

[[noreturn]] void not_a_registry(const std::string& why) {
    throw Error(ErrorCode::invalid_value, "not a coopecon registry in binary form: " + why);
}

template <class T>
struct is_optional_t : std::false_type {};
template <class T>
struct is_optional_t<std::optional<T>> : std::true_type {};
template <class T>
struct is_vector_t : std::false_type {};
template <class T>
struct is_vector_t<std::vector<T>> : std::true_type {};
template <class T>
struct is_variant_t : std::false_type {};
template <class... T>
struct is_variant_t<std::variant<T...>> : std::true_type {};

/// Whether every enumeration in `v` is one of its enumerators, every date lies in 0001–9999 and every string is
/// UTF-8: what the binary reader cannot tell by itself, and what the rest of the library takes for granted.
template <class T>
bool well_formed(const T& v) {
    if constexpr (std::is_same_v<T, std::string>) {
        return !json::find_invalid_utf8(v);
    } else if constexpr (std::is_enum_v<T>) {
        return !enum_name(v).empty();
    } else if constexpr (std::is_same_v<T, Date>) {
        return Date::min() <= v && v <= Date::max();
    } else if constexpr (is_optional_t<T>::value) {
        return !v || well_formed(*v);
    } else if constexpr (is_vector_t<T>::value) {
        for (const auto& e : v)
            if (!well_formed(e)) return false;
        return true;
    } else if constexpr (is_variant_t<T>::value) {
        return std::visit([](const auto& alternative) { return well_formed(alternative); }, v);
    } else if constexpr (std::is_same_v<T, OrganizationRecord>) {
        return well_formed(v.organization) && well_formed(v.members) && well_formed(v.events);
    } else if constexpr (std::is_same_v<T, Event>) {
        return well_formed(v.date) && well_formed(v.data);
    } else if constexpr (boost::describe::has_describe_members<T>::value) {
        bool ok = true;
        boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
            [&](auto m) { ok = ok && well_formed(v.*m.pointer); });
        return ok;
    } else {
        static_assert(std::is_integral_v<T>, "a new kind of value needs its check");
        return true;
    }
}

void write_event(BinaryWriter& w, const Event& e) {
    w.write(e.date);
    w.write(e.type());
    std::visit([&](const auto& payload) { w.write(payload); }, e.data);
}

/// The info and the identity as version 1 wrote them, before the days a history covers were recorded.
struct RegistryInfoV1 {
    std::string title;
    std::string source;
    bool synthetic = false;
    std::optional<Date> as_of;
};
BOOST_DESCRIBE_STRUCT(RegistryInfoV1, (), (title, source, synthetic, as_of))

struct OrganizationV1 {
    std::string id, registration_code, name;
    OrgKind kind = OrgKind::cooperative;
    std::string area;
    Sector sector = Sector::other;
};
BOOST_DESCRIBE_STRUCT(OrganizationV1, (), (id, registration_code, name, kind, area, sector))

RegistryInfo read_info(BinaryReader& r, std::uint32_t version) {
    if (version == registry_binary_version) return r.read<RegistryInfo>();
    auto v1 = r.read<RegistryInfoV1>();
    return {std::move(v1.title), std::move(v1.source), v1.synthetic, v1.as_of, std::nullopt};
}

Organization read_organization(BinaryReader& r, std::uint32_t version) {
    if (version == registry_binary_version) return r.read<Organization>();
    auto v1 = r.read<OrganizationV1>();
    return {std::move(v1.id), std::move(v1.registration_code), std::move(v1.name), v1.kind, std::move(v1.area),
            v1.sector, std::nullopt, std::nullopt};
}

Event read_event(BinaryReader& r) {
    Event e;
    e.date = r.read<Date>();
    const auto type = r.read<EventType>();
    if (static_cast<std::size_t>(type) >= std::variant_size_v<EventData>) not_a_registry("an unknown event type");
    boost::mp11::mp_with_index<std::variant_size_v<EventData>>(static_cast<std::size_t>(type), [&](auto I) {
        e.data.emplace<decltype(I)::value>(r.read<std::variant_alternative_t<decltype(I)::value, EventData>>());
    });
    return e;
}

}  // namespace

std::vector<std::byte> write_registry_binary(const Registry& registry) {
    std::vector<std::byte> out(magic.size());
    std::memcpy(out.data(), magic.data(), magic.size());
    BinaryWriter w(out);
    w.write(registry_binary_version);
    w.write(registry.info());
    const auto [areas, crosswalk] = detail::extra_areas(registry.areas());
    w.write(areas);
    w.write(crosswalk);
    w.write(static_cast<std::uint64_t>(registry.size()));
    for (OrgIndex i = 0; i < registry.size(); ++i) {
        w.write(registry.organization(i));
        w.write(std::vector<Member>(registry.members(i).begin(), registry.members(i).end()));
        const auto events = registry.log(i).decode();
        w.write(static_cast<std::uint32_t>(events.size()));
        for (const auto& e : events) write_event(w, e);
    }
    return out;
}

Registry read_registry_binary(std::span<const std::byte> bytes, std::shared_ptr<const law::Framework> law) {
    if (bytes.size() < magic.size() || std::memcmp(bytes.data(), magic.data(), magic.size()) != 0)
        not_a_registry("it does not begin with COOPREG");
    BinaryReader r(bytes.data() + magic.size(), bytes.size() - magic.size());
    const auto version = r.read<std::uint32_t>();
    if (version != registry_binary_version && version != 1)
        not_a_registry("version " + std::to_string(version) + "; this build reads versions 1 and " +
                       std::to_string(registry_binary_version));
    auto info = read_info(r, version);
    auto areas = r.read<std::vector<Area>>();
    auto crosswalk = r.read<std::vector<AreaSuccession>>();
    const auto count = r.read<std::uint64_t>();
    std::vector<OrganizationRecord> records;
    records.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(count, bytes.size())));  // a hostile count
    for (std::uint64_t i = 0; i < count; ++i) {
        OrganizationRecord record;
        record.organization = read_organization(r, version);
        record.members = r.read<std::vector<Member>>();
        const auto events = r.read<std::uint32_t>();
        for (std::uint32_t k = 0; k < events && !r.at_end(); ++k) record.events.push_back(read_event(r));
        if (record.events.size() != events) not_a_registry("it ends inside an organisation");
        records.push_back(std::move(record));
    }
    if (!r.at_end()) not_a_registry("bytes follow the last organisation");
    if (!well_formed(info) || !well_formed(areas) || !well_formed(crosswalk) || !well_formed(records))
        not_a_registry("a value out of range");

    auto catalog = vietnam_areas();
    if (!areas.empty() || !crosswalk.empty())
        catalog = std::make_shared<const AreaCatalog>(catalog->with(std::move(areas), std::move(crosswalk)));
    Registry registry(std::move(law), std::move(catalog));
    registry.info() = std::move(info);
    registry.reserve(records.size());
    registry.add(std::move(records));
    return registry;
}

}  // namespace coopecon::io
