#include <coopecon/io/registry_additions.hpp>

#include "io/registry_codec.hpp"
#include "json/json.hpp"

#include <coopecon/core/text_file.hpp>
#include <coopecon/io/registry_file.hpp>

#include <array>

namespace coopecon::io {

namespace {

/// `o` without its "organization" key, and that key read: what a member or an event of an events file is.
boost::json::value without_organization(json::Reader& r, const boost::json::object& o, std::string& organization) {
    r.member(o, "organization", organization);
    boost::json::object rest = o;
    rest.erase("organization");
    return rest;
}

}  // namespace

RegistryAdditions read_events(std::string_view text, std::string_view file) {
    static constexpr std::array<std::string_view, 5> keys{"format", "version", "organizations", "members", "events"};
    static constexpr auto member_keys = json::member_names<Member>();
    static constexpr std::array<std::string_view, 1> organization_key{"organization"};
    Problems problems;
    const auto root = json::parse(text, file, problems);
    json::Reader r(problems);
    RegistryAdditions out;
    const auto* o = r.object(root);
    if (o && json::check_format(r, *o, events_format, events_version)) {
        r.check_keys(*o, {keys});
        auto read_list = [&](std::string_view list, auto&& read_one) {
            auto scope = r.key(list);
            const auto* value = o->if_contains(list);
            const auto* a = value ? r.array(*value) : nullptr;
            for (std::size_t k = 0; a && k < a->size(); ++k) {
                auto at = r.index(k);
                if (const auto* element = r.object((*a)[k])) read_one(*element);
            }
        };
        read_list("organizations", [&](const boost::json::object& element) {
            OrganizationRecord record;
            if (r.read(boost::json::value(element), record)) out.organizations.push_back(std::move(record));
        });
        read_list("members", [&](const boost::json::object& element) {
            std::string organization;
            Member m;
            r.check_keys(element, {organization_key, member_keys});
            const auto rest = without_organization(r, element, organization);
            if (r.read(rest, m)) out.members.emplace_back(std::move(organization), std::move(m));
        });
        read_list("events", [&](const boost::json::object& element) {
            Append a;
            const auto rest = without_organization(r, element, a.organization);
            if (r.read(rest, a.event)) out.events.push_back(std::move(a));
        });
    }
    json::throw_located(std::move(problems), text, file);
    return out;
}

RegistryAdditions read_registry_additions_file(const std::filesystem::path& path,
                                               std::shared_ptr<const law::Framework> law) {
    if (registry_form_of_file(path) == RegistryForm::json) {
        const std::string text = read_text_file(path);
        if (text.find(events_format) != std::string::npos) {
            // A format key naming the events file decides; any other text is read as a registry file.
            Problems ignored;
            const auto root = json::parse(text, path.string(), ignored);
            const auto* o = root.if_object();
            const auto* format = o ? o->if_contains("format") : nullptr;
            if (format && format->is_string() && std::string_view(format->get_string()) == events_format)
                return read_events(text, path.string());
        }
    }
    const auto registry = load_registry_file(path, std::move(law));
    RegistryAdditions out;
    out.organizations.reserve(registry.size());
    for (OrgIndex i = 0; i < registry.size(); ++i)
        out.organizations.push_back({registry.organization(i),
                                     {registry.members(i).begin(), registry.members(i).end()},
                                     registry.events(i)});
    return out;
}

}  // namespace coopecon::io
