#pragma once
// The registry file (format "coopecon-registry", version 1; docs/registry-format.md):
//
//   {"format": "coopecon-registry", "version": 1,
//    "info": {"title", "source", "synthetic", "as_of"},
//    "areas": [Area...], "crosswalk": [AreaSuccession...],     // beyond the embedded catalogue; optional
//    "organizations": [{"id", "registration_code", "name", "kind", "area", "sector",
//                       "members": [Member...], "events": [{"date", "type", ...payload keys}, ...]}, ...]}
//
// Reading reports every problem in the file at once (a syntax error alone stops it): JSON problems with their
// field paths, the area catalogue's and the registry's own checks (transition table, integrity rules) with the
// path of the organisation or event, all with file:line:column. Organisations with JSON problems are left out
// of the registry's checks, so that they are not judged on a half-read history. A Registry is returned only
// when there is no problem at all.
//
// Writing streams: organisations in registry order, events in their stored (date) order, so write → read →
// write gives the same bytes, and a registry of millions of organisations never exists as one JSON tree.

#include <coopecon/core/error.hpp>
#include <coopecon/json/json.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/framework_json.hpp>
#include <coopecon/model/area.hpp>
#include <coopecon/model/area_catalog.hpp>
#include <coopecon/model/area_catalog_json.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/model/member.hpp>
#include <coopecon/model/organization.hpp>
#include <coopecon/registry/registry.hpp>

#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace coopecon::io {

inline constexpr std::string_view registry_format = "coopecon-registry";
inline constexpr std::int64_t registry_version = 1;

}  // namespace coopecon::io

namespace coopecon::json {

/// An event is one object: "date", "type" (an EventType name) and exactly the keys of that type's payload.
template <>
struct Codec<Event> {
    static void read(Reader& r, const boost::json::value& v, Event& e) {
        static constexpr std::array<std::string_view, 2> common{"date", "type"};
        const auto* o = r.object(v);
        if (!o) return;
        r.member(*o, "date", e.date);
        EventType type{};
        if (!r.member(*o, "type", type)) return;  // without the type, the other keys cannot be judged
        boost::mp11::mp_with_index<std::variant_size_v<EventData>>(static_cast<std::size_t>(type), [&](auto I) {
            using Payload = std::variant_alternative_t<decltype(I)::value, EventData>;
            static constexpr auto names = member_names<Payload>();
            r.check_keys(*o, {common, names});
            Payload payload{};
            r.members(*o, payload);
            e.data = std::move(payload);
        });
    }

    static void write(Writer& w, const Event& e) {
        std::visit([&](const auto& payload) { write(w, e.date, payload); }, e.data);
    }

    /// Writes one event straight from a payload, as event logs replay them.
    template <class Payload>
    static void write(Writer& w, Date date, const Payload& payload) {
        w.begin_object();
        w.member("date", date);
        w.member("type", static_cast<EventType>(boost::mp11::mp_find<EventData, Payload>::value));
        w.members(payload);
        w.end_object();
    }
};

/// An organisation: the keys of Organization, then "members" and "events".
template <>
struct Codec<OrganizationRecord> {
    static void read(Reader& r, const boost::json::value& v, OrganizationRecord& record) {
        static constexpr auto identity = member_names<Organization>();
        static constexpr std::array<std::string_view, 2> lists{"members", "events"};
        const auto* o = r.object(v);
        if (!o) return;
        r.check_keys(*o, {identity, lists});
        r.members(*o, record.organization);
        r.member(*o, "members", record.members);
        r.member(*o, "events", record.events);
    }

    static void write(Writer& w, const OrganizationRecord& record) {
        w.begin_object();
        w.members(record.organization);
        w.member("members", record.members);
        w.member("events", record.events);
        w.end_object();
    }
};

}  // namespace coopecon::json

namespace coopecon::io {

namespace detail {

/// `path` with the index after `list` ("organizations[7]…") replaced by renumber(index), or unchanged.
template <class Renumber>
std::string renumber(const std::string& path, std::string_view list, Renumber&& renumber_index) {
    if (path.compare(0, list.size(), list) != 0 || path.size() <= list.size() || path[list.size()] != '[')
        return path;
    const auto close = path.find(']', list.size());
    if (close == std::string::npos) return path;
    std::size_t index = 0;
    for (std::size_t k = list.size() + 1; k < close; ++k) {
        if (path[k] < '0' || path[k] > '9') return path;
        index = index * 10 + static_cast<std::size_t>(path[k] - '0');
    }
    return std::string(list) + "[" + std::to_string(renumber_index(index)) + path.substr(close);
}

/// The areas and crosswalk entries of `catalog` that the embedded catalogue does not have.
inline std::pair<std::vector<Area>, std::vector<AreaSuccession>> extra_areas(const AreaCatalog& catalog) {
    const auto base = vietnam_areas();
    std::pair<std::vector<Area>, std::vector<AreaSuccession>> extra;
    if (&catalog == base.get()) return extra;
    for (const auto& a : catalog.areas())
        if (!base->find(a.code)) extra.first.push_back(a);
    for (const auto& c : catalog.crosswalk()) {
        const auto& known = base->crosswalk();
        if (std::none_of(known.begin(), known.end(), [&](const AreaSuccession& k) {
                return k.from == c.from && k.to == c.to && k.on == c.on;
            }))
            extra.second.push_back(c);
    }
    return extra;
}

}  // namespace detail

/// Reads a registry file's text (named `file` in problems) against the legal framework `law`. The areas are the
/// embedded catalogue (vietnam_areas()) plus the file's own `areas` and `crosswalk`. Throws Error listing every
/// problem; nothing is returned, and nothing half-loaded exists, unless the whole file is valid.
inline Registry read_registry(std::string_view text, std::string_view file,
                              std::shared_ptr<const law::Framework> law = law::vietnam()) {
    using detail::renumber;
    static constexpr std::array<std::string_view, 6> keys{"format", "version", "info",
                                                          "areas",  "crosswalk", "organizations"};
    Problems problems;
    const auto root = json::parse(text, file, problems);
    json::Reader r(problems);
    RegistryInfo info;
    std::vector<Area> areas;
    std::vector<AreaSuccession> crosswalk;
    std::vector<OrganizationRecord> records;  // the organisations read without a problem
    std::vector<std::size_t> file_index;      // of each of `records` in the file's list
    std::vector<std::string> left_out;        // ids of the organisations with problems

    const auto* o = r.object(root);
    bool usable = o && json::check_format(r, *o, registry_format, registry_version);
    if (usable) {
        r.check_keys(*o, {keys});
        r.member(*o, "info", info);
        usable = r.member(*o, "areas", areas);
        usable = r.member(*o, "crosswalk", crosswalk) && usable;
        auto scope = r.key("organizations");
        if (const auto* list = o->if_contains("organizations")) {
            if (const auto* a = r.array(*list)) {
                records.reserve(a->size());
                for (std::size_t i = 0; i < a->size(); ++i) {
                    auto element = r.index(i);
                    OrganizationRecord record;
                    if (r.read((*a)[i], record)) {
                        records.push_back(std::move(record));
                        file_index.push_back(i);
                    } else if (!record.organization.id.empty()) {
                        left_out.push_back(record.organization.id);
                    }
                }
            }
        }
    }

    auto catalog = vietnam_areas();
    if (usable && (!areas.empty() || !crosswalk.empty())) {
        const std::size_t base_areas = catalog->size(), base_crosswalk = catalog->crosswalk().size();
        try {
            catalog = std::make_shared<const AreaCatalog>(catalog->with(std::move(areas), std::move(crosswalk)));
        } catch (const Error& e) {
            usable = false;  // organisations could not be judged against a broken catalogue
            for (auto p : e.problems()) {
                p.path = renumber(p.path, "areas", [&](std::size_t k) { return k - base_areas; });
                p.path = renumber(p.path, "crosswalk", [&](std::size_t k) { return k - base_crosswalk; });
                problems.push_back(std::move(p));
            }
        }
    }

    Registry registry(std::move(law), std::move(catalog));
    registry.info() = std::move(info);
    if (usable && !records.empty()) {
        try {
            registry.add(std::move(records));
        } catch (const Error& e) {
            for (auto p : e.problems()) {
                // A reference to an organisation that was left out is not a problem of its own.
                const bool to_left_out = p.code == ErrorCode::unknown_name &&
                                         std::any_of(left_out.begin(), left_out.end(), [&](const std::string& id) {
                                             return p.message == "no organization with id " + id;
                                         });
                if (to_left_out) continue;
                p.path = renumber(p.path, "organizations", [&](std::size_t k) { return file_index.at(k); });
                problems.push_back(std::move(p));
            }
        }
    }
    json::throw_located(std::move(problems), text, file);
    return registry;
}

/// Reads the registry file at `path` (see read_registry).
inline Registry read_registry_file(const std::filesystem::path& path,
                                   std::shared_ptr<const law::Framework> law = law::vietnam()) {
    const std::string text = read_text_file(path);
    return read_registry(text, path.string(), std::move(law));
}

/// Writes `registry` through `w`: the areas and crosswalk entries beyond the embedded catalogue, then every
/// organisation in registry order with its events in stored order.
inline void write_registry(json::Writer& w, const Registry& registry) {
    w.begin_object();
    w.member("format", registry_format);
    w.member("version", registry_version);
    w.member("info", registry.info());
    const auto [areas, crosswalk] = detail::extra_areas(registry.areas());
    w.member("areas", areas);
    w.member("crosswalk", crosswalk);
    if (registry.size() > 0) {
        w.key("organizations");
        w.begin_array();
        for (OrgIndex i = 0; i < registry.size(); ++i) {
            w.begin_object();
            w.members(registry.organization(i));
            if (const auto members = registry.members(i); !members.empty()) {
                w.key("members");
                w.begin_array();
                for (const auto& m : members) w.value(m);
                w.end_array();
            }
            if (const auto& log = registry.log(i); !log.empty()) {
                w.key("events");
                w.begin_array();
                log.replay_until(Date::max(), [&](Date d, const auto& payload) { json::Codec<Event>::write(w, d, payload); });
                w.end_array();
            }
            w.end_object();
        }
        w.end_array();
    }
    w.end_object();
}

/// Writes `registry` to `out`, streaming.
inline void write_registry(const Registry& registry, std::ostream& out) {
    json::Writer w(out);
    write_registry(w, registry);
    w.finish();
}

/// The registry file's text.
inline std::string write_registry(const Registry& registry) {
    std::string out;
    json::Writer w(out);
    write_registry(w, registry);
    w.finish();
    return out;
}

/// Writes the registry file at `path`; on failure the previous file, if any, is left as it was.
inline void write_registry_file(const Registry& registry, const std::filesystem::path& path) {
    write_file_atomically(path, [&](std::ostream& out) { write_registry(registry, out); });
}

}  // namespace coopecon::io
