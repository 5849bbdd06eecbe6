// The registry file (registry_json.hpp): its events' and organisations' JSON codec (registry_codec.hpp), the
// reader that reports every problem of a file at once, and the streaming writer.

#include "io/extra_areas.hpp"
#include "io/registry_codec.hpp"

#include <coopecon/core/text_file.hpp>
#include <coopecon/io/registry_json.hpp>
#include "json/json.hpp"
#include <coopecon/model/area.hpp>
#include <coopecon/model/area_catalog.hpp>
#include <coopecon/model/area_catalog_json.hpp>
#include <coopecon/model/member.hpp>
#include <coopecon/model/organization.hpp>

#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace coopecon::json {

namespace {

/// Writes one event straight from a payload, as event logs replay them.
template <class Payload>
void write_event(Writer& w, Date date, const Payload& payload) {
    w.begin_object();
    w.member("date", date);
    w.member("type", static_cast<EventType>(boost::mp11::mp_find<EventData, Payload>::value));
    w.members(payload);
    w.end_object();
}

}  // namespace

void Codec<Event>::read(Reader& r, const boost::json::value& v, Event& e) {
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

void Codec<Event>::write(Writer& w, const Event& e) {
    std::visit([&](const auto& payload) { write_event(w, e.date, payload); }, e.data);
}

void Codec<OrganizationRecord>::read(Reader& r, const boost::json::value& v, OrganizationRecord& record) {
    static constexpr auto identity = member_names<Organization>();
    static constexpr std::array<std::string_view, 2> lists{"members", "events"};
    const auto* o = r.object(v);
    if (!o) return;
    r.check_keys(*o, {identity, lists});
    r.members(*o, record.organization);
    r.member(*o, "members", record.members);
    r.member(*o, "events", record.events);
}

void Codec<OrganizationRecord>::write(Writer& w, const OrganizationRecord& record) {
    w.begin_object();
    w.members(record.organization);
    w.member("members", record.members);
    w.member("events", record.events);
    w.end_object();
}

}  // namespace coopecon::json

namespace coopecon::io {

namespace {

/// Writes `registry` through `w`: the areas and crosswalk entries beyond the embedded catalogue, then every
/// organisation in registry order with its events in stored order.
void write_registry(json::Writer& w, const Registry& registry) {
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
                log.replay_until(Date::max(), [&](Date d, const auto& payload) { json::write_event(w, d, payload); });
                w.end_array();
            }
            w.end_object();
        }
        w.end_array();
    }
    w.end_object();
}

}  // namespace

Registry read_registry(std::string_view text, std::string_view file, std::shared_ptr<const law::Framework> law) {
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
        try {
            catalog = std::make_shared<const AreaCatalog>(catalog->with(std::move(areas), std::move(crosswalk)));
        } catch (const Error& e) {
            usable = false;  // organisations could not be judged against a broken catalogue
            for (const auto& p : e.problems()) problems.push_back(p);
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
                p.path = json::renumbered(p.path, "organizations", [&](std::size_t k) { return file_index.at(k); });
                problems.push_back(std::move(p));
            }
        }
    }
    json::throw_located(std::move(problems), text, file);
    return registry;
}

Registry read_registry_file(const std::filesystem::path& path, std::shared_ptr<const law::Framework> law) {
    const std::string text = read_text_file(path);
    return read_registry(text, path.string(), std::move(law));
}

void write_registry(const Registry& registry, std::ostream& out) {
    json::Writer w(out);
    write_registry(w, registry);
    w.finish();
}

std::string write_registry(const Registry& registry) {
    std::string out;
    json::Writer w(out);
    write_registry(w, registry);
    w.finish();
    return out;
}

void write_registry_file(const Registry& registry, const std::filesystem::path& path) {
    write_file_atomically(path, [&](std::ostream& out) { write_registry(registry, out); });
}

}  // namespace coopecon::io
