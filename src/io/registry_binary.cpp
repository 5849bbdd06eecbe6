#include <coopecon/io/registry_binary.hpp>

#include "io/extra_areas.hpp"
#include "io/registry_assembly.hpp"
#include "json/source.hpp"

#include <coopecon/core/binary.hpp>
#include <coopecon/history/compact_encoding.hpp>
#include <coopecon/core/crc32.hpp>
#include <coopecon/core/text_file.hpp>
#include <coopecon/core/type_traits.hpp>
#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/model/area_catalog_json.hpp>
#include <coopecon/model/event.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <array>
#include <limits>
#include <cstring>
#include <ostream>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace coopecon::io {

namespace {

constexpr std::array<char, 8> magic{'C', 'O', 'O', 'P', 'R', 'E', 'G', '\0'};

/// A section of the file: a four-letter tag, the CRC-32 of its bytes, where they begin and how many there are.
struct Section {
    std::array<char, 4> tag{};
    std::uint32_t crc = 0;
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
};
constexpr std::size_t section_entry_size = 4 + 4 + 8 + 8;
constexpr std::array<char, 4> info_tag{'I', 'N', 'F', 'O'};           // info, areas, crosswalk
constexpr std::array<char, 4> organizations_tag{'O', 'R', 'G', 'S'};  // the organisations
constexpr std::uint32_t max_sections = 64;                            // a bound on a damaged count

std::string tag_text(const std::array<char, 4>& tag) {
    std::string out;
    for (const char c : tag) out += (c >= ' ' && c <= '~') ? c : '?';
    return out;
}

[[noreturn]] void not_a_registry(std::string_view file, const std::string& why) {
    Problem p = Problem::at(ErrorCode::invalid_value, "not a coopecon registry in binary form: " + why);
    p.file = std::string(file);
    throw Error(std::move(p));
}

/// `value` little-endian at `at` in `out`, for the header written after the sections it describes.
template <class T>
void put(std::vector<std::byte>& out, std::size_t at, T value) {
    std::memcpy(out.data() + at, &value, sizeof value);
}

/// Whether `s` is UTF-8: ids, codes and areas are ASCII, told so here without the full check's call.
bool is_utf8(std::string_view s) {
    for (const char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return !json::find_invalid_utf8(s);
    return true;
}

/// Whether every enumeration in `v` is one of its enumerators, every date lies in 0001–9999 and every string is
/// UTF-8: what the binary reader cannot tell by itself, and what the rest of the library takes for granted.
template <class T>
bool well_formed(const T& v) {
    if constexpr (std::is_same_v<T, std::string>) {
        return is_utf8(v);
    } else if constexpr (std::is_enum_v<T>) {
        return !enum_name(v).empty();
    } else if constexpr (std::is_same_v<T, Date>) {
        return Date::min() <= v && v <= Date::max();
    } else if constexpr (coopecon::detail::is_optional<T>::value) {
        return !v || well_formed(*v);
    } else if constexpr (coopecon::detail::is_vector<T>::value) {
        for (const auto& e : v)
            if (!well_formed(e)) return false;
        return true;
    } else if constexpr (coopecon::detail::is_variant<T>::value) {
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

/// The info and the identity as versions 1 and 2 wrote them, before the days a history covers were recorded.
struct RegistryInfoV2 {
    std::string title;
    std::string source;
    bool synthetic = false;
    std::optional<Date> as_of;
};
BOOST_DESCRIBE_STRUCT(RegistryInfoV2, (), (title, source, synthetic, as_of))

/// The info as versions 3 and 4 wrote it, before its title and source in Vietnamese.
struct RegistryInfoV4 {
    std::string title;
    std::string source;
    bool synthetic = false;
    std::optional<Date> as_of;
    std::optional<Date> history_from;
};
BOOST_DESCRIBE_STRUCT(RegistryInfoV4, (), (title, source, synthetic, as_of, history_from))

struct OrganizationV2 {
    std::string id, registration_code, name;
    OrgKind kind = OrgKind::cooperative;
    std::string area;
    Sector sector = Sector::other;
};
BOOST_DESCRIBE_STRUCT(OrganizationV2, (), (id, registration_code, name, kind, area, sector))

constexpr std::uint32_t first_version_with_coverage = 3;
constexpr std::uint32_t first_version_encoded = 4;
constexpr std::uint32_t first_version_with_vietnamese_info = 5;

RegistryInfo read_info(BinaryReader& r, std::uint32_t version) {
    if (version >= first_version_with_vietnamese_info) return r.read<RegistryInfo>();
    if (version >= first_version_with_coverage) {
        auto old = r.read<RegistryInfoV4>();
        return {std::move(old.title), std::move(old.source), old.synthetic, old.as_of, old.history_from, std::nullopt,
                std::nullopt};
    }
    auto old = r.read<RegistryInfoV2>();
    return {std::move(old.title), std::move(old.source), old.synthetic, old.as_of, std::nullopt, std::nullopt,
            std::nullopt};
}

Organization read_organization(BinaryReader& r, std::uint32_t version) {
    if (version >= first_version_with_coverage) return r.read<Organization>();
    auto old = r.read<OrganizationV2>();
    return {std::move(old.id), std::move(old.registration_code), std::move(old.name), old.kind,
            std::move(old.area), old.sector, std::nullopt, std::nullopt};
}

Event read_event(BinaryReader& r, std::string_view file) {
    Event e;
    e.date = r.read<Date>();
    const auto type = r.read<EventType>();
    if (static_cast<std::size_t>(type) >= std::variant_size_v<EventData>) not_a_registry(file, "an unknown event type");
    boost::mp11::mp_with_index<std::variant_size_v<EventData>>(static_cast<std::size_t>(type), [&](auto I) {
        e.data.emplace<decltype(I)::value>(r.read<std::variant_alternative_t<decltype(I)::value, EventData>>());
    });
    return e;
}

}  // namespace

std::vector<std::byte> write_registry_binary(const Registry& registry) {
    const std::array<std::array<char, 4>, 2> tags{info_tag, organizations_tag};
    const std::size_t table = magic.size() + 8, header_end = table + tags.size() * section_entry_size + 4;
    std::vector<std::byte> out(header_end);
    std::memcpy(out.data(), magic.data(), magic.size());
    put(out, magic.size(), registry_binary_version);
    put(out, magic.size() + 4, static_cast<std::uint32_t>(tags.size()));
    BinaryWriter w(out);
    std::array<std::size_t, 3> bounds{header_end, 0, 0};
    w.write(registry.info());
    const auto [areas, crosswalk] = detail::extra_areas(registry.areas());
    w.write(areas);
    w.write(crosswalk);
    bounds[1] = out.size();
    w.write(static_cast<std::uint64_t>(registry.size()));
    std::size_t room = out.size();  // the histories, and about what an identity takes
    for (OrgIndex i = 0; i < registry.size(); ++i) room += registry.log(i).bytes() + 64;
    out.reserve(room);
    CompactWriter c(out);
    for (OrgIndex i = 0; i < registry.size(); ++i) {
        c.write(registry.organization(i));
        const auto members = registry.members(i);
        c.varint(members.size());
        for (const auto& m : members) c.write(m);
        const auto log = registry.log(i);
        c.varint(log.size());
        c.varint(log.bytes());
        out.insert(out.end(), log.encoded().begin(), log.encoded().end());
    }
    bounds[2] = out.size();
    for (std::size_t k = 0; k < tags.size(); ++k) {
        const std::size_t entry = table + k * section_entry_size;
        std::memcpy(out.data() + entry, tags[k].data(), 4);
        put(out, entry + 4, crc32(std::span(out).subspan(bounds[k], bounds[k + 1] - bounds[k])));
        put(out, entry + 8, static_cast<std::uint64_t>(bounds[k]));
        put(out, entry + 16, static_cast<std::uint64_t>(bounds[k + 1] - bounds[k]));
    }
    put(out, header_end - 4, crc32(std::span(out).first(header_end - 4)));
    return out;
}

namespace {

/// The sections of `bytes`, checked: the header's own checksum, every section inside the file, the sections one
/// after the other from the end of the header to the end of the file, and every section's checksum.
std::vector<Section> checked_sections(std::span<const std::byte> bytes, std::string_view file) {
    if (bytes.size() < magic.size() || std::memcmp(bytes.data(), magic.data(), magic.size()) != 0)
        not_a_registry(file, "it does not begin with COOPREG");
    auto truncated = [&] { not_a_registry(file, "the file is truncated: it ends inside the header"); };
    if (bytes.size() < magic.size() + 8) truncated();
    BinaryReader header(bytes.data() + magic.size(), bytes.size() - magic.size());
    if (const auto version = header.read<std::uint32_t>(); version < 2 || version > registry_binary_version)
        not_a_registry(file, "version " + std::to_string(version) + "; this build reads versions 1 to " +
                                 std::to_string(registry_binary_version));
    const auto count = header.read<std::uint32_t>();
    if (count > max_sections) not_a_registry(file, "the header is damaged (" + std::to_string(count) + " sections)");
    const std::size_t header_size = magic.size() + 8 + count * section_entry_size;
    if (bytes.size() < header_size + 4) truncated();
    std::vector<Section> sections(count);
    for (auto& s : sections) {
        const auto tag = header.read<std::uint32_t>();
        std::memcpy(s.tag.data(), &tag, 4);
        s.crc = header.read<std::uint32_t>();
        s.offset = header.read<std::uint64_t>();
        s.length = header.read<std::uint64_t>();
    }
    if (header.read<std::uint32_t>() != crc32(bytes.first(header_size)))
        not_a_registry(file, "the header is damaged (its CRC-32 does not match)");
    std::uint64_t next = header_size + 4;
    for (const auto& s : sections) {
        if (s.offset != next || s.length > bytes.size() - next)
            not_a_registry(file, "the file is truncated: section " + tag_text(s.tag) + " runs to byte " +
                                     std::to_string(s.offset + s.length) + " of a file of " +
                                     std::to_string(bytes.size()) + " bytes");
        if (crc32(bytes.subspan(s.offset, s.length)) != s.crc)
            not_a_registry(file, "section " + tag_text(s.tag) + " is damaged (its CRC-32 does not match)");
        next = s.offset + s.length;
    }
    if (next != bytes.size()) not_a_registry(file, std::to_string(bytes.size() - next) + " bytes follow the last section");
    return sections;
}

/// The section tagged `tag`, as a reader that must reach its end.
BinaryReader section_reader(std::span<const std::byte> bytes, const std::vector<Section>& sections,
                            const std::array<char, 4>& tag, std::string_view file) {
    for (const auto& s : sections)
        if (s.tag == tag) return BinaryReader(bytes.data() + s.offset, static_cast<std::size_t>(s.length));
    not_a_registry(file, "it has no " + tag_text(tag) + " section");
}

/// The length of the section tagged `tag` (section_reader has found it).
std::uint64_t section_length(const std::vector<Section>& sections, const std::array<char, 4>& tag) {
    for (const auto& s : sections)
        if (s.tag == tag) return s.length;
    return 0;
}

}  // namespace

Registry read_registry_binary(std::span<const std::byte> bytes, std::shared_ptr<const law::Framework> law,
                              std::string_view file) {
    RegistryInfo info;
    std::vector<Area> areas;
    std::vector<AreaSuccession> crosswalk;
    std::vector<OrganizationRecord> records;  // versions 1 to 3
    std::optional<Registry> registry;
    Problems problems;  // of the organisations, version 4 on
    auto make_registry = [&] {
        if (!well_formed(info) || !well_formed(areas) || !well_formed(crosswalk))
            not_a_registry(file, "a value out of range");
        try {
            registry.emplace(
                detail::registry_with_areas(law, std::move(info), std::move(areas), std::move(crosswalk)));
        } catch (const Error& e) {
            throw Error(detail::in_file(e.problems(), file));  // areas the catalogue refuses, passed on below
        }
    };
    // Version 4 on: the organisations in the compact encoding, each history's bytes as they lie in the file. They
    // are added a part at a time, so that memory holds one part of them besides the registry.
    auto decode_encoded = [&](std::span<const std::byte> section) {
        BinaryReader head(section.data(), section.size());
        const auto count = head.read<std::uint64_t>();
        CompactReader c(head.position(), section.data() + section.size());
        make_registry();
        registry->reserve(static_cast<std::size_t>(std::min<std::uint64_t>(count, section.size())));  // a hostile count
        constexpr std::size_t part_size = std::size_t{1} << 14;
        std::vector<EncodedRecord> part(static_cast<std::size_t>(std::min<std::uint64_t>(count, part_size)));
        Registry::Parts parts;
        for (std::uint64_t first = 0; first < count;) {
            const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(count - first, part_size));
            for (std::size_t i = 0; i < n; ++i) {
                auto& r = part[i];
                r.record.organization = c.read<Organization>();
                r.record.members = c.read<std::vector<Member>>();
                const auto events = c.varint();
                if (events > std::numeric_limits<std::uint32_t>::max()) not_a_registry(file, "a damaged event count");
                r.count = static_cast<std::uint32_t>(events);
                r.events = c.take(c.varint());
                // The events' strings and enumerations are checked with the rest of what a replay relies on, in
                // the one decoding of each history (Registry::add_encoded_part, history/replayable.hpp).
                if (!well_formed(r.record.organization) || !well_formed(r.record.members))
                    not_a_registry(file, "a value out of range");
            }
            registry->add_encoded_part(std::span(part).first(n), static_cast<std::size_t>(first), parts, problems);
            first += n;
        }
        if (!c.at_end()) not_a_registry(file, "bytes follow the last organisation");
        registry->finish_parts(parts, problems);
    };
    auto decode_info = [&](BinaryReader& r, std::uint32_t version) {
        info = read_info(r, version);
        areas = r.read<std::vector<Area>>();
        crosswalk = r.read<std::vector<AreaSuccession>>();
    };
    // What the INFO and ORGS sections hold up to version 3; version 1 held the same, one after the other, without
    // sections.
    auto decode = [&](BinaryReader& r, BinaryReader& o, std::uint32_t version) {
        decode_info(r, version);
        if (&r != &o && !r.at_end()) not_a_registry(file, "bytes follow the areas in section INFO");
        const auto count = o.read<std::uint64_t>();
        records.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(count, bytes.size())));  // a hostile count
        for (std::uint64_t i = 0; i < count; ++i) {
            OrganizationRecord record;
            record.organization = read_organization(o, version);
            record.members = o.read<std::vector<Member>>();
            const auto events = o.read<std::uint32_t>();
            for (std::uint32_t k = 0; k < events && !o.at_end(); ++k) record.events.push_back(read_event(o, file));
            if (record.events.size() != events) not_a_registry(file, "it ends inside an organisation");
            records.push_back(std::move(record));
        }
        if (!o.at_end()) not_a_registry(file, "bytes follow the last organisation");
        if (!well_formed(records)) not_a_registry(file, "a value out of range");
        make_registry();
    };
    try {
        if (is_registry_binary(bytes) && bytes.size() >= magic.size() + 4 &&
            std::to_integer<int>(bytes[magic.size()]) == 1 && bytes[magic.size() + 1] == std::byte{0} &&
            bytes[magic.size() + 2] == std::byte{0} && bytes[magic.size() + 3] == std::byte{0}) {
            // Version 1, which pickles kept from before the checksums hold: decoded with every check but those.
            BinaryReader r(bytes.data() + magic.size() + 4, bytes.size() - magic.size() - 4);
            decode(r, r, 1);
        } else {
            const auto sections = checked_sections(bytes, file);
            // The checksums match, so what follows fails only for bytes written wrongly, not damaged on the way.
            auto r = section_reader(bytes, sections, info_tag, file);
            auto o = section_reader(bytes, sections, organizations_tag, file);
            std::uint32_t version = 0;
            std::memcpy(&version, bytes.data() + magic.size(), sizeof version);
            if (version >= first_version_encoded) {
                decode_info(r, version);
                if (!r.at_end()) not_a_registry(file, "bytes follow the areas in section INFO");
                decode_encoded({o.position(), static_cast<std::size_t>(section_length(sections, organizations_tag))});
            } else {
                decode(r, o, version);
            }
        }
    } catch (const Error& e) {
        const auto& message = e.problems().front().message;
        if (message.starts_with("not a coopecon") || !e.problems().front().file.empty()) throw;
        if (message.starts_with("encoded events")) not_a_registry(file, message);
        not_a_registry(file, "it ends early");
    }
    if (!problems.empty()) throw Error(detail::in_file(std::move(problems), file));
    if (!records.empty()) {
        try {
            registry->add(std::move(records));
        } catch (const Error& e) {
            throw Error(detail::in_file(e.problems(), file));
        }
    }
    return std::move(*registry);
}

bool is_registry_binary(std::span<const std::byte> first_bytes) noexcept {
    return first_bytes.size() >= magic.size() && std::memcmp(first_bytes.data(), magic.data(), magic.size()) == 0;
}

Registry read_registry_binary_file(const std::filesystem::path& path, std::shared_ptr<const law::Framework> law) {
    const std::string bytes = read_text_file(path);
    return read_registry_binary(std::as_bytes(std::span(bytes)), std::move(law), path.string());
}

void write_registry_binary_file(const Registry& registry, const std::filesystem::path& path) {
    const auto bytes = write_registry_binary(registry);
    write_file_atomically(path, [&](std::ostream& out) {
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    });
}

}  // namespace coopecon::io
