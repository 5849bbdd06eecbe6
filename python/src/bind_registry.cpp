// Registry: organisations and their event logs, with the Vietnamese law and areas unless loaded otherwise.
//
// Python values go in as the JSON format's shapes (from_python.hpp) and come out the same way (to_python.hpp).
// Every call that reaches the registry releases the GIL and takes the registry's lock (shared_registry.hpp);
// converting to and from Python objects happens before and after, with the GIL.

#include "bindings.hpp"
#include "date_caster.hpp"
#include "framework_handle.hpp"
#include "from_python.hpp"
#include "named_snapshot.hpp"
#include "shared_registry.hpp"
#include "to_python.hpp"

#include "io/registry_codec.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include "json/read.hpp"
#include <coopecon/io/registry_binary.hpp>
#include <coopecon/io/registry_file.hpp>
#include <coopecon/io/registry_json.hpp>
#include <coopecon/law/framework_json.hpp>
#include <coopecon/model/area_catalog_json.hpp>
#include <coopecon/registry/registry.hpp>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace coopecon::python {

namespace {

constexpr int registry_pickle_version = 2;       // the binary form
constexpr int registry_text_pickle_version = 1;  // the registry file's text

/// The framework a registry is built on: the one given, or Vietnam's.
std::shared_ptr<const law::Framework> law_of(const std::optional<FrameworkHandle>& framework) {
    return framework ? framework->law : law::vietnam();
}

std::unique_ptr<SharedRegistry> new_registry(const std::optional<FrameworkHandle>& framework) {
    return std::make_unique<SharedRegistry>(Registry(law_of(framework), vietnam_areas()));
}

std::unique_ptr<SharedRegistry> registry_loads(std::string text, std::string file_name,
                                               const std::optional<FrameworkHandle>& framework) {
    auto law = law_of(framework);
    py::gil_scoped_release release;
    return std::make_unique<SharedRegistry>(io::read_registry(text, file_name, std::move(law)));
}

std::unique_ptr<SharedRegistry> registry_load(std::filesystem::path path,
                                              const std::optional<FrameworkHandle>& framework) {
    auto law = law_of(framework);
    py::gil_scoped_release release;
    return std::make_unique<SharedRegistry>(io::load_registry_file(path, std::move(law)));
}

std::string dumps(const SharedRegistry& registry) {
    return registry.read([](const Registry& r) { return io::write_registry(r); });
}

/// An organisation as organization() gives it, with `kind` the current kind and `kind_at_registration` the one
/// registered, becomes a record of the file's form: `kind` is the kind registered. The current kind is then what
/// its events make it, which the caller's `kind` must match (a converted group with a conversion event).
py::object as_record(const py::handle& item) {
    if (!py::isinstance<py::dict>(item) || !item.cast<py::dict>().contains("kind_at_registration"))
        return py::reinterpret_borrow<py::object>(item);
    py::dict record = item.cast<py::dict>().attr("copy")();
    const py::object registered = record.attr("pop")("kind_at_registration");
    const py::object current = record.contains("kind") ? py::object(record["kind"]) : registered;
    bool converted = false;
    if (record.contains("events") && py::isinstance<py::list>(record["events"]))
        for (const auto& e : record["events"].cast<py::list>())
            if (py::isinstance<py::dict>(e) && e.cast<py::dict>().contains("type") &&
                py::str(e["type"]).cast<std::string>() == enum_name(EventType::converted_to_cooperative))
                converted = true;
    const bool same = current.equal(registered);
    const bool conversion = registered.equal(py::str(enum_name(OrgKind::cooperative_group))) &&
                            current.equal(py::str(enum_name(OrgKind::cooperative)));
    if (!(same && !converted) && !(conversion && converted))
        throw Error(ErrorCode::invalid_value,
                    "organization " + py::str(record.contains("id") ? py::object(record["id"]) : py::str("?")).cast<std::string>() +
                        ": kind " + py::str(current).cast<std::string>() + " is not what its events make of kind_at_registration " +
                        py::str(registered).cast<std::string>());
    record["kind"] = registered;
    return record;
}

void add(SharedRegistry& registry, py::object organizations) {
    if (py::isinstance<py::dict>(organizations)) organizations = py::make_tuple(organizations);
    if (py::isinstance<py::list>(organizations) || py::isinstance<py::tuple>(organizations)) {
        py::list records;
        for (const auto& item : organizations) records.append(as_record(item));
        organizations = std::move(records);
    }
    Problems conversion;
    const auto value = to_json_value(organizations, "organizations", conversion);
    registry.write([&](Registry& r) {
        Problems reading;
        json::Reader reader(reading);
        std::vector<OrganizationRecord> records;
        {
            auto scope = reader.key("organizations");
            reader.read(value, records);
        }
        throw_if_any(merge_problems(std::move(conversion), std::move(reading)));
        r.add(std::move(records));
    });
}

void append(SharedRegistry& registry, const std::string& organization, py::handle event) {
    auto e = from_python<Event>(event);
    registry.write([&](Registry& r) { r.append(organization, std::move(e)); });
}

/// Entries are (organization id, event) pairs; problems name the entry as [k], as the registry's own do.
void append_many(SharedRegistry& registry, py::handle entries) {
    if (!py::isinstance<py::list>(entries) && !py::isinstance<py::tuple>(entries))
        throw Error(ErrorCode::wrong_type,
                    "expected a list of (organization id, event) pairs, got " + type_name(entries));
    const auto list = py::reinterpret_borrow<py::sequence>(entries);
    Problems conversion;
    std::vector<std::string> organizations(list.size());
    std::vector<boost::json::value> events(list.size());
    for (std::size_t k = 0; k < list.size(); ++k) {
        const py::object entry = list[k];
        const std::string where = "[" + std::to_string(k) + "]";
        const bool pair = (py::isinstance<py::tuple>(entry) || py::isinstance<py::list>(entry)) && py::len(entry) == 2;
        if (!pair) {
            conversion.push_back(Problem::at(ErrorCode::wrong_type,
                                             "expected an (organization id, event) pair, got " + type_name(entry), where));
            continue;
        }
        const py::object id = entry[py::int_(0)];
        if (!py::isinstance<py::str>(id)) {
            conversion.push_back(Problem::at(ErrorCode::wrong_type,
                                             "expected the organization id as a str, got " + type_name(id), where));
            continue;
        }
        organizations[k] = id.cast<std::string>();
        events[k] = to_json_value(entry[py::int_(1)], where, conversion);
    }
    registry.write([&](Registry& r) {
        Problems reading;
        json::Reader reader(reading);
        std::vector<Append> batch(events.size());
        for (std::size_t k = 0; k < events.size(); ++k) {
            auto scope = reader.index(k);
            batch[k].organization = std::move(organizations[k]);
            reader.read(events[k], batch[k].event);
        }
        throw_if_any(merge_problems(std::move(conversion), std::move(reading)));
        r.append(std::move(batch));
    });
}

void add_member(SharedRegistry& registry, const std::string& organization, py::handle member) {
    auto m = from_python<Member>(member);
    registry.write([&](Registry& r) { r.add_member(organization, std::move(m)); });
}

py::object optional_date(const std::optional<Date>& d) { return d ? date_to_python(*d) : py::none(); }

template <class E, std::size_t N>
py::dict counts_by(const std::array<std::int32_t, N>& counts) {
    static_assert(N == enum_count<E>);
    py::dict out;
    for (const E e : enum_values<E>()) out[py::str(std::string(enum_name(e)))] = counts[static_cast<std::size_t>(e)];
    return out;
}

py::dict state_to_python(const OrgState& s, Date as_of) {
    const auto& m = s.members;
    py::dict members;
    members["total"] = m.total();
    members["by_kind"] = counts_by<MemberKind>(m.by_kind);
    members["by_type"] = counts_by<MemberType>(m.by_type);
    members["foreign_official"] = m.foreign_official;
    members["capital_official"] = m.capital_official;
    members["capital_associates"] = m.capital_associates;
    members["capital_foreign"] = m.capital_foreign;

    // Before its registration an organisation has no status: the defaults of OrgState would read as facts.
    py::dict out;
    out["as_of"] = date_to_python(as_of);
    out["registered"] = s.registered;
    out["kind"] = to_python(s.kind);
    out["status"] = s.registered ? to_python(s.status) : py::none();
    out["status_since"] = s.registered ? date_to_python(s.status_since) : py::none();
    out["registered_on"] = s.registered ? date_to_python(s.registered_on) : py::none();
    out["suspended_until"] = optional_date(s.suspended_until);
    out["reorganization"] = to_python(s.reorganization);
    out["members"] = std::move(members);
    out["latest_financials"] = to_python(s.latest_financials);
    // The figures OrgState keeps as they are (the `stored` rows of model/state_fields.hpp).
#define COOPECON_DETAIL_STORED(name, type, role, source, ...) \
    COOPECON_STATE_FIELD_IS(source, stored)(out[#name] = to_python(s.name);)
    COOPECON_STATE_FIELDS(COOPECON_DETAIL_STORED)
#undef COOPECON_DETAIL_STORED
    static_assert(std::tuple_size_v<decltype(s.certified_until)> == enum_count<Certification>);
    py::dict certified_until;  // only the certifications ever obtained
    for (const Certification c : enum_values<Certification>())
        if (const Date until = s.certified_until[static_cast<std::size_t>(c)]; until != Date::min())
            certified_until[py::str(std::string(enum_name(c)))] = date_to_python(until);
    out["certified_until"] = std::move(certified_until);
    if (const auto& a = s.latest_assessment) {
        py::dict assessment;
        assessment["year"] = a->year;
        assessment["scheme"] = to_python(a->scheme);
        assessment["points"] = a->points;
        out["latest_assessment"] = std::move(assessment);
    } else {
        out["latest_assessment"] = py::none();
    }
    out["last_sanction_year"] = s.last_sanction_year;
    py::dict ocop;  // stars → rated products
    for (std::size_t stars = 1; stars <= s.ocop_products_by_stars.size(); ++stars)
        ocop[py::int_(stars)] = s.ocop_products_by_stars[stars - 1];
    out["ocop_products_by_stars"] = std::move(ocop);
    return out;
}

/// The identity with `kind` the kind it has after its recorded events (a converted group is a cooperative) and
/// `kind_at_registration` the kind it was registered as (Organization::kind, a registry file's `kind`).
py::dict organization_to_python(const Organization& o, OrgKind current, const std::vector<Member>& members) {
    py::dict out;
    add_members(out, o);
    out["kind"] = to_python(current);
    out["kind_at_registration"] = to_python(o.kind);
    out["members"] = to_python(members);
    return out;
}

/// (version, registry text), and the framework's text when it is not Vietnam's embedded one.
/// Pickles are (version, data[, framework text]): version 2 holds the binary form (io/registry_binary.hpp),
/// version 1 the registry file's text, which is still read.
py::tuple registry_get_state(const SharedRegistry& registry) {
    auto [bytes, law] = registry.read([](const Registry& r) { return std::pair(io::write_registry_binary(r), r.law_ptr()); });
    py::bytes data(reinterpret_cast<const char*>(bytes.data()), static_cast<py::ssize_t>(bytes.size()));
    if (law == law::vietnam()) return py::make_tuple(registry_pickle_version, data);
    return py::make_tuple(registry_pickle_version, data, law::write_framework(*law));
}

std::unique_ptr<SharedRegistry> registry_set_state(const py::tuple& state) {
    const bool text = state.size() >= 2 && py::isinstance<py::str>(state[1]);
    const bool binary = state.size() >= 2 && py::isinstance<py::bytes>(state[1]);
    if ((state.size() != 2 && state.size() != 3) || !py::isinstance<py::int_>(state[0]) || !(text || binary) ||
        (state.size() == 3 && !py::isinstance<py::str>(state[2])))
        throw Error(ErrorCode::invalid_value,
                    "cannot unpickle a coopecon Registry: expected a tuple (version, data[, framework text])");
    const auto version = state[0].cast<int>();
    if (!(version == registry_pickle_version && binary) && !(version == registry_text_pickle_version && text))
        throw Error(ErrorCode::invalid_value, "cannot unpickle a coopecon Registry: unknown pickle version " +
                                                  std::to_string(version) + "; this build reads versions " +
                                                  std::to_string(registry_text_pickle_version) + " and " +
                                                  std::to_string(registry_pickle_version));
    std::optional<FrameworkHandle> framework;
    if (state.size() == 3)
        framework = FrameworkHandle{std::make_shared<const law::Framework>(
            law::read_framework(state[2].cast<std::string>(), "<pickle>"))};
    if (text) return registry_loads(state[1].cast<std::string>(), "<pickle>", framework);
    char* data = nullptr;
    Py_ssize_t size = 0;
    if (PyBytes_AsStringAndSize(state[1].ptr(), &data, &size) != 0) throw py::error_already_set();
    auto law = law_of(framework);
    py::gil_scoped_release release;  // the bytes object stays alive in `state`
    return std::make_unique<SharedRegistry>(io::read_registry_binary(
        std::span(reinterpret_cast<const std::byte*>(data), static_cast<std::size_t>(size)), std::move(law)));
}

}  // namespace

void bind_registry(py::module_& m) {
    py::class_<SharedRegistry>(m, "Registry", "Organisations and their event logs under Vietnam's law and areas.")
        .def(py::init(&new_registry), py::arg("framework") = py::none())
        .def_static("load", &registry_load, py::arg("path"), py::arg("framework") = py::none(),
                    "Reads a registry file (format coopecon-registry).")
        .def_static("loads", &registry_loads, py::arg("text"), py::arg("file_name") = "<string>",
                    py::arg("framework") = py::none(),
                    "Reads a registry file's text; `file_name` names it in errors.")
        .def_property_readonly("framework", [](const SharedRegistry& self) {
            return FrameworkHandle{self.read([](const Registry& r) { return r.law_ptr(); })};
        }, "The legal framework the registry's histories are judged under.")
        .def("save", [](const SharedRegistry& self, const std::filesystem::path& path) {
                 self.read([&](const Registry& r) { io::write_registry_file(r, path); });
             },
             py::arg("path"), "Writes the registry file, replacing any file at `path` only once it is complete.")
        .def("dumps", &dumps, "The registry file's text.")
        .def("add", &add, py::arg("organizations"),
             "Adds an organisation (a dict) or a list of them, all or none.")
        .def("append", &append, py::arg("organization"), py::arg("event"), "Appends one event to an organisation.")
        .def("append_many", &append_many, py::arg("entries"),
             "Appends (organization id, event) pairs, all or none.")
        .def("add_member", &add_member, py::arg("organization"), py::arg("member"),
             "Adds a named member to an organisation's member list.")
        .def_property_readonly(
            "data_as_of", [](const SharedRegistry& self) { return self.read([](const Registry& r) { return r.data_as_of(); }); },
            "The date the data run to: info.as_of, else the latest event's date.")
        .def("state_at",
             [](const SharedRegistry& self, const std::string& organization, Date date) {
                 const auto state = self.read([&](const Registry& r) { return r.state_at(organization, date); });
                 return state_to_python(state, date);
             },
             py::arg("organization"), py::arg("date"), "The state of an organisation at the end of `date`.")
        .def("events",
             [](const SharedRegistry& self, const std::string& organization) {
                 const auto events = self.read([&](const Registry& r) { return r.events(r.index_of(organization)); });
                 return to_python(events);
             },
             py::arg("organization"), "An organisation's events in date order.")
        .def("organization",
             [](const SharedRegistry& self, const std::string& organization) {
                 struct Found {
                     Organization organization;
                     OrgKind current;
                     std::vector<Member> members;
                 };
                 const auto found = self.read([&](const Registry& r) {
                     const auto i = r.index_of(organization);
                     const auto list = r.members(i);
                     return Found{r.organization(i), r.state_at(i, r.log(i).last_date()).kind,
                                  std::vector<Member>(list.begin(), list.end())};
                 });
                 return organization_to_python(found.organization, found.current, found.members);
             },
             py::arg("organization"), "An organisation's identity and member list.")
        .def("ids",
             [](const SharedRegistry& self) {
                 return self.read([](const Registry& r) {
                     std::vector<std::string> ids;
                     ids.reserve(r.size());
                     for (OrgIndex i = 0; i < r.size(); ++i) ids.push_back(r.organization(i).id);
                     return ids;
                 });
             },
             "Organisation ids in registry order (the row order of snapshots).")
        .def("__len__", [](const SharedRegistry& self) { return self.read([](const Registry& r) { return r.size(); }); })
        .def("__contains__",
             [](const SharedRegistry& self, const std::string& organization) {
                 return self.read([&](const Registry& r) { return r.find(organization).has_value(); });
             },
             py::arg("organization"))
        .def_property_readonly("event_count", [](const SharedRegistry& self) {
            return self.read([](const Registry& r) { return r.event_count(); });
        })
        .def_property(
            "info",
            [](const SharedRegistry& self) { return to_python(self.read([](const Registry& r) { return r.info(); })); },
            [](SharedRegistry& self, py::handle info) {
                auto value = from_python<RegistryInfo>(info);
                self.write([&](Registry& r) { r.info() = std::move(value); });
            },
            "Title, source, whether synthetic, and the date the data describe.")
        .def("snapshot", &named_snapshot, py::arg("date"), py::arg("threads") = py::none(),
             "Every organisation's state at the end of `date`.")
        .def("snapshots", &named_snapshots, py::arg("dates"), py::arg("threads") = py::none(),
             "Snapshots at strictly increasing dates, from one replay of each history.")
        .def(py::pickle(&registry_get_state, &registry_set_state));
}

}  // namespace coopecon::python
