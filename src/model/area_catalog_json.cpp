#include "core/embedded_data.hpp"
#include "json/json.hpp"
#include <coopecon/model/area_catalog_json.hpp>

#include <coopecon/core/text_file.hpp>

#include <array>
#include <utility>
#include <vector>

namespace coopecon {

namespace {

struct Document {
    std::vector<Region> regions;
    std::vector<Area> areas;
    std::vector<AreaSuccession> crosswalk;
};

/// The lists of a file in the format, or Error with every problem located in `text`.
Document read_document(std::string_view text, std::string_view file) {
    static constexpr std::array<std::string_view, 8> keys{"format",  "version", "title", "sources", "licences",
                                                          "regions", "areas",   "crosswalk"};
    Problems problems;
    const auto root = json::parse(text, file, problems);
    json::Reader r(problems);
    std::string title;
    std::vector<std::string> sources;
    std::vector<SourceLicence> licences;
    Document d;
    if (const auto* o = r.object(root); o && json::check_format(r, *o, area_catalog_format, area_catalog_version)) {
        r.check_keys(*o, {keys});
        r.member(*o, "title", title);
        r.member(*o, "sources", sources);
        r.member(*o, "licences", licences);
        r.member(*o, "regions", d.regions);
        r.member(*o, "areas", d.areas);
        r.member(*o, "crosswalk", d.crosswalk);
    }
    json::throw_located(std::move(problems), text, file);
    return d;
}

/// `make()`, with the problems of the catalogue it builds located in `text`.
template <class Make>
AreaCatalog located(Make&& make, std::string_view text, std::string_view file) {
    try {
        return make();
    } catch (const Error& e) {
        json::throw_located(e.problems(), text, file);
        throw;
    }
}

}  // namespace

AreaCatalog read_area_catalog(std::string_view text, std::string_view file) {
    auto d = read_document(text, file);
    return located([&] { return AreaCatalog(std::move(d.regions), std::move(d.areas), std::move(d.crosswalk)); },
                   text, file);
}

AreaCatalog extend_area_catalog(const AreaCatalog& base, std::string_view text, std::string_view file) {
    auto d = read_document(text, file);
    if (!d.regions.empty())
        json::throw_located({Problem::at(ErrorCode::invalid_value,
                                         "an areas file adds areas and crosswalk entries, not regions: a unit takes "
                                         "its region from its province",
                                         "regions")},
                            text, file);
    return located([&] { return base.with(std::move(d.areas), std::move(d.crosswalk)); }, text, file);
}

AreaCatalog extend_area_catalog_file(const AreaCatalog& base, const std::filesystem::path& path) {
    return extend_area_catalog(base, read_text_file(path), path.string());
}

std::shared_ptr<const AreaCatalog> vietnam_areas() {
    static const std::shared_ptr<const AreaCatalog> catalog = [] {
        constexpr std::string_view name = "areas/vn-admin.json";
        const auto text = coopecon::detail::embedded_file(name);
        if (!text) throw Error(ErrorCode::io, "the embedded data file " + std::string(name) + " is missing");
        return std::make_shared<const AreaCatalog>(read_area_catalog(*text, "data/" + std::string(name)));
    }();
    return catalog;
}

}  // namespace coopecon
