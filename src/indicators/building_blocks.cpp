#include <coopecon/indicators/building_blocks.hpp>

#include <string>

namespace coopecon::indicators {

namespace {

template <class E>
std::string set_names(std::uint32_t set) {
    std::string out = "{";
    for (auto v : enum_values<E>()) {
        if (!(set & (1u << static_cast<unsigned>(v)))) continue;
        if (out.size() > 1) out += ", ";
        out += enum_name(v);
    }
    return out + "}";
}

}  // namespace

Filter operator&(Filter a, const Filter& b) {
    a.all.insert(a.all.end(), b.all.begin(), b.all.end());
    return a;
}

Filter test(Test t, std::uint32_t set) { return Filter{{Condition{t, set}}}; }

Filter registered() { return test(Test::registered); }
Filter existing() { return test(Test::existing); }
Filter of_kind(std::initializer_list<OrgKind> kinds) { return test(Test::kind, bits(kinds)); }
Filter of_kind(OrgKind kind) { return of_kind({kind}); }
Filter with_status(std::initializer_list<LegalStatus> statuses) { return test(Test::status, bits(statuses)); }
Filter with_status(LegalStatus status) { return with_status({status}); }
Filter in_sector(std::initializer_list<Sector> sectors) { return test(Test::sector, bits(sectors)); }
Filter of_size_class(std::uint32_t class_bits) { return test(Test::size_class, class_bits); }
Filter ended_by(std::initializer_list<Ending> endings) { return test(Test::ended_by, bits(endings)); }
Filter new_in_period() { return test(Test::new_in_period); }
Filter terminated_in_period() { return test(Test::terminated_in_period); }
Filter converted_in_period() { return test(Test::converted_in_period); }
Filter with_results() { return test(Test::with_results); }
Filter certified(std::initializer_list<Certification> any_of) { return test(Test::certified, bits(any_of)); }
Filter rated() { return test(Test::rated); }
Filter classified(std::initializer_list<ClassificationClass> classes) { return test(Test::classified, bits(classes)); }
Filter classified(std::uint32_t class_bits) { return test(Test::classified, class_bits); }
Filter not_at_address() { return test(Test::not_at_address); }
Filter in_range(Field f, std::int64_t min, std::int64_t max) { return Filter{{Condition{Test::range, 0, f, min, max}}}; }

std::string describe(const Filter& f) {
    if (f.all.empty()) return "registered";
    std::string out;
    for (const auto& c : f.all) {
        if (!out.empty()) out += ", ";
        out += enum_name(c.test);
        switch (c.test) {
            case Test::kind: out += " in " + set_names<OrgKind>(c.set); break;
            case Test::status: out += " in " + set_names<LegalStatus>(c.set); break;
            case Test::sector: out += " in " + set_names<Sector>(c.set); break;
            case Test::ended_by: out += " in " + set_names<Ending>(c.set); break;
            case Test::certified: out += " in " + set_names<Certification>(c.set); break;
            case Test::classified: out += " in " + set_names<ClassificationClass>(c.set); break;
            case Test::size_class: out += " in bits " + std::to_string(c.set); break;
            case Test::range: {
                out += " " + std::string(enum_name(c.field));
                if (c.min != std::numeric_limits<std::int64_t>::min()) out += " >= " + std::to_string(c.min);
                if (c.max != std::numeric_limits<std::int64_t>::max()) out += " <= " + std::to_string(c.max);
                break;
            }
            default: break;
        }
    }
    return out;
}

}  // namespace coopecon::indicators
