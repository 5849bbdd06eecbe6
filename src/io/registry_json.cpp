// The registry file (registry_json.hpp): its events' and organisations' JSON codec (registry_codec.hpp), the
// reader that reports every problem of a file at once, and the streaming writer.

#include "io/extra_areas.hpp"
#include "io/registry_assembly.hpp"
#include "io/registry_codec.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/input_limits.hpp>
#include <coopecon/core/spelling.hpp>
#include <coopecon/core/text_file.hpp>
#include <coopecon/io/registry_json.hpp>
#include "json/input.hpp"
#include "json/json.hpp"
#include "json/stream.hpp"
#include <coopecon/model/area.hpp>
#include <coopecon/model/area_catalog.hpp>
#include <coopecon/model/area_catalog_json.hpp>
#include <coopecon/model/member.hpp>
#include <coopecon/model/organization.hpp>

#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <functional>
#include <iterator>
#include <optional>
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

constexpr std::array<std::string_view, 2> common_keys{"date", "type"};

/// Whether every key of `o` is one an event of this payload takes.
template <class Payload>
bool takes_every_key(const boost::json::object& o) {
    static constexpr auto names = member_names<Payload>();
    return std::all_of(o.begin(), o.end(), [](const auto& kv) {
        const std::string_view k(kv.key().data(), kv.key().size());
        return std::find(common_keys.begin(), common_keys.end(), k) != common_keys.end() ||
               std::find(names.begin(), names.end(), k) != names.end();
    });
}

/// The event type the writer probably meant when `type` does not take the keys given: another type that takes
/// them all and is spelt like it (member_joined with a count is members_joined).
std::optional<std::string_view> meant_type(const boost::json::object& o, EventType type) {
    std::vector<std::string_view> fitting;
    boost::mp11::mp_for_each<boost::mp11::mp_iota_c<std::variant_size_v<EventData>>>([&](auto I) {
        using Payload = std::variant_alternative_t<decltype(I)::value, EventData>;
        constexpr std::size_t index = decltype(I)::value;
        if (static_cast<std::size_t>(type) != index && takes_every_key<Payload>(o))
            fitting.push_back(enum_name(static_cast<EventType>(index)));
    });
    return closest_spelling(enum_name(type), fitting);
}

}  // namespace

void Codec<Event>::read(Reader& r, const boost::json::value& v, Event& e) {
    const auto* o = r.object(v);
    if (!o) return;
    r.member(*o, "date", e.date);
    EventType type{};
    if (!r.member(*o, "type", type)) return;  // without the type, the other keys cannot be judged
    boost::mp11::mp_with_index<std::variant_size_v<EventData>>(static_cast<std::size_t>(type), [&](auto I) {
        using Payload = std::variant_alternative_t<decltype(I)::value, EventData>;
        static constexpr auto names = member_names<Payload>();
        if (!takes_every_key<Payload>(*o)) {
            if (const auto meant = meant_type(*o, type)) {
                auto scope = r.key("type");
                r.problem(ErrorCode::unknown_field,
                          json::in_quotes(enum_name(type)) + " does not take the keys given, " + std::string(*meant) +
                              " takes them all; did you mean " + std::string(*meant) + "?");
                return;
            }
        }
        r.check_keys(*o, {common_keys, names});
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

namespace {

/// The areas and crosswalk entries a file gives beyond the embedded catalogue, as read.
struct GivenCatalogue {
    std::vector<Area> areas;
    std::vector<AreaSuccession> crosswalk;
    std::optional<bool> areas_ok, crosswalk_ok;  // given, and read without a problem
};

/// The registry file's reader: the root's members as they come, the organisations one at a time, added to the
/// registry a part at a time (json/stream.hpp). It reports exactly what reading the whole document at once
/// reported: the same problems, in the same order once sorted by place.
///
/// The organisations are judged against the catalogue the file has given when they begin: the embedded one and
/// the areas and crosswalk before them (files written by the library give those first, or none). A file that
/// gives areas or a crosswalk after its organisations is read a second time, with that catalogue known from the
/// start (`known`): holding every organisation until the end instead would take several times the registry's
/// memory.
class RegistryStream final : public json::StreamSink {
public:
    RegistryStream(std::shared_ptr<const law::Framework> law, const InputLimits& limits,
                   const GivenCatalogue* known = nullptr)
        : law_(std::move(law)), limits_(limits), known_(known) {}

    bool key(std::string_view k) override {
        static constexpr std::array<std::string_view, 6> keys{"format",    "version",      "info", "areas",
                                                              "crosswalk", "organizations"};
        json::Reader(key_problems_).check_key(k, {keys});
        if (k == "organizations" && !organizations_begun_) {
            organizations_begun_ = true;
            start_registry();
        }
        return true;
    }

    bool member(std::string_view k, boost::json::value v) override {
        if (k == "format" || k == "version") {
            head_[k] = std::move(v);
        } else if (k == "info") {
            json::Reader r(info_problems_);
            auto scope = r.key("info");
            info_ = RegistryInfo{};
            r.read(v, info_);
            info_given_ = true;
        } else if (k == "areas" || k == "crosswalk") {
            json::Reader r(area_problems_);
            auto scope = r.key(k);
            const bool ok = k == "areas" ? r.read(v, given_.areas) : r.read(v, given_.crosswalk);
            (k == "areas" ? given_.areas_ok : given_.crosswalk_ok) = ok;
            if (organizations_begun_ && !known_) catalogue_late();
        } else if (k == "organizations") {
            json::Reader r(organization_problems_);
            auto scope = r.key("organizations");
            r.array(v);  // not an array: the elements never came
        }
        return true;
    }

    bool element(std::size_t index, boost::json::value v) override {
        if (read_again_) return true;
        json::Reader r(organization_problems_);
        auto list = r.key("organizations");
        auto element = r.index(index);
        OrganizationRecord record;
        if (!r.read(v, record)) {
            if (!record.organization.id.empty()) left_out_.push_back(record.organization.id);
            return true;
        }
        events_ += record.events.size();
        if (events_ > limits_.max_events) {
            auto p = Problem::at(ErrorCode::invalid_value,
                                 "more than " + std::to_string(limits_.max_events) +
                                     " events in the file (the limit; COOPECON_MAX_EVENTS raises it)",
                                 r.path());
            p.organization = record.organization.id;
            limit_problems_.push_back(std::move(p));
            return false;
        }
        if (catalogue_failed_) return true;  // nothing is judged against a catalogue with problems
        part_.push_back(std::move(record));
        part_index_.push_back(index);
        if (part_.size() == part_size && registry_) add_part();
        trim(organization_problems_);
        return true;
    }

    bool root(boost::json::value v) override {
        json::Reader r(head_problems_);
        r.object(v);
        root_is_object_ = false;
        return true;
    }

    /// The registry, or the problems of the file in the order the whole-document reader gave them (not yet
    /// located).
    std::variant<Registry, Problems> finish(bool duplicate_keys, std::string_view text, std::string_view file) {
        Problems problems;
        if (duplicate_keys) json::add_duplicate_problems(text, file, problems);
        if (!limit_problems_.empty()) return append(std::move(problems), std::move(limit_problems_));
        if (!root_is_object_) return append(std::move(problems), std::move(head_problems_));
        json::Reader r(head_problems_);
        if (!json::check_format(r, head_, registry_format, registry_version))
            return append(std::move(problems), std::move(head_problems_));
        // Members the file does not have: the whole-document reader asked for "info" (required) and read the rest
        // as empty.
        if (!info_given_) {
            json::Reader missing(info_problems_);
            boost::json::object none;
            missing.member(none, "info", info_);
        }
        if (!organizations_begun_) start_registry();  // the file has no organisations
        if (registry_ && !part_.empty()) add_part();
        for (auto* list : {&key_problems_, &info_problems_, &area_problems_, &organization_problems_,
                           &catalogue_problems_})
            problems = append(std::move(problems), std::move(*list));
        if (registry_) {
            for (auto& id : left_out_) parts_.refused.insert(std::move(id));
            registry_->finish_parts(parts_, registry_problems_);
            problems = append(std::move(problems), std::move(registry_problems_));
        }
        if (!problems.empty()) return problems;
        registry_->info() = std::move(info_);
        return std::move(*registry_);
    }

    std::size_t problems_not_kept() const noexcept { return not_kept_; }

    /// Whether the file gave areas or a crosswalk after its organisations, which must then be read again with
    /// catalogue() known from the start.
    bool read_again() const noexcept { return read_again_; }
    const GivenCatalogue& catalogue() const noexcept { return given_; }

private:
    static constexpr std::size_t part_size = 4096;

    static Problems append(Problems to, Problems from) {
        if (to.empty()) return from;
        to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
        return to;
    }

    /// The registry the organisations are added to, with the catalogue known (or given so far); when that
    /// catalogue has problems, the organisations are not judged against it.
    void start_registry() {
        const auto& c = known_ ? *known_ : given_;
        if (!c.areas_ok.value_or(true) || !c.crosswalk_ok.value_or(true)) {
            catalogue_failed_ = true;
            return;
        }
        try {
            registry_.emplace(io::detail::registry_with_areas(law_, RegistryInfo{}, c.areas, c.crosswalk));
        } catch (const Error& e) {
            catalogue_failed_ = true;
            catalogue_problems_ = e.problems();
        }
    }

    /// Areas or a crosswalk after the organisations: the organisations judged without them are dropped, and the
    /// rest of the file is read only for its catalogue.
    void catalogue_late() {
        read_again_ = true;
        registry_.reset();
        part_ = {};
        part_index_ = {};
    }

    void add_part() {
        registry_->add_part(std::move(part_), part_index_, parts_, registry_problems_);
        part_.clear();
        part_index_.clear();
        trim(registry_problems_);
    }

    /// Keeps the first problems of a list that arrives in file order, counting the others: a file with a
    /// problem in every organisation is still refused in bounded memory.
    void trim(Problems& problems) {
        if (problems.size() <= limits_.max_problems) return;
        not_kept_ += problems.size() - limits_.max_problems;
        problems.resize(limits_.max_problems);
    }

    std::shared_ptr<const law::Framework> law_;
    InputLimits limits_;
    bool root_is_object_ = true;
    boost::json::object head_;  // "format" and "version"
    RegistryInfo info_;
    bool info_given_ = false;
    const GivenCatalogue* known_;  // the catalogue of a first reading, on the second
    GivenCatalogue given_;
    bool organizations_begun_ = false;
    bool read_again_ = false;
    bool catalogue_failed_ = false;
    std::optional<Registry> registry_;
    Registry::Parts parts_;
    std::vector<OrganizationRecord> part_;
    std::vector<std::size_t> part_index_;  // of each of part_ in the file's list
    std::vector<std::string> left_out_;    // ids of the organisations with problems of their own
    std::size_t events_ = 0;
    std::size_t not_kept_ = 0;  // problems beyond those kept
    Problems head_problems_, key_problems_, info_problems_, area_problems_, organization_problems_,
        catalogue_problems_, registry_problems_, limit_problems_;
};

Registry read_registry_text(std::string_view text, std::string_view file, std::shared_ptr<const law::Framework> law,
                            const InputLimits& limits, const std::function<void(std::size_t)>& parsed) {
    json::StreamOptions options;
    options.split = "organizations";
    options.limits = limits;
    options.parsed = parsed;
    auto read = [&](RegistryStream& reader) {
        const auto streamed = json::stream(text, file, reader, options);
        if (reader.read_again()) return std::variant<Registry, Problems>(Problems{});
        return reader.finish(streamed.duplicate_keys, text, file);
    };
    RegistryStream first(law, limits);
    auto result = read(first);
    std::optional<RegistryStream> second;
    if (first.read_again()) result = read(second.emplace(std::move(law), limits, &first.catalogue()));
    if (auto* registry = std::get_if<Registry>(&result)) return std::move(*registry);
    auto& problems = std::get<Problems>(result);
    json::locate_problems(problems, text, file);
    keep_first_problems(problems, limits.max_problems, (second ? *second : first).problems_not_kept(), file);
    throw Error(std::move(problems));
}

}  // namespace

Registry read_registry(std::string_view text, std::string_view file, std::shared_ptr<const law::Framework> law,
                       const InputLimits& limits) {
    return read_registry_text(text, file, std::move(law), limits, {});
}

Registry read_registry_file(const std::filesystem::path& path, std::shared_ptr<const law::Framework> law,
                            const InputLimits& limits) {
    json::InputText input(path, limits.max_input_bytes);
    return read_registry_text(input.text(), path.string(), std::move(law), limits,
                              [&input](std::size_t offset) { input.given_back(offset); });
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
