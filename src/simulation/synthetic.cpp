// The synthetic generator (simulation/synthetic.hpp): plans per population, then histories per organisation.

#include <coopecon/simulation/synthetic.hpp>

#include <coopecon/law/period.hpp>

#include "simulation/draws.hpp"
#include "simulation/world.hpp"

#include <coopecon/core/date.hpp>
#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/parameter.hpp>
#include <coopecon/model/area_catalog.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/registry/registry.hpp>
#include <coopecon/simulation/apportion.hpp>
#include <coopecon/simulation/engine.hpp>
#include <coopecon/simulation/names.hpp>
#include <coopecon/simulation/profile.hpp>
#include <coopecon/simulation/random.hpp>
#include <coopecon/simulation/rates.hpp>
#include <coopecon/simulation/scenario.hpp>
#include <coopecon/simulation/single_organization.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <future>
#include <memory>
#include <numeric>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace coopecon::simulation {

namespace detail {


/// `x` rounded down, or up with the chance of its fraction: 1.7 is 2 seven times in ten.
std::int32_t round_randomly(double x, Stream& s) {
    const double whole = std::floor(x);
    return static_cast<std::int32_t>(whole) + (s.bernoulli(x - whole) ? 1 : 0);
}

enum class Fate : std::uint8_t { live, terminated };

namespace flag {
constexpr std::uint16_t suspended = 1;        // suspended at as_of
constexpr std::uint16_t below_minimum = 2;    // fewer official members than the 2012 minimum at as_of
constexpr std::uint16_t named = 4;            // official members named one by one
constexpr std::uint16_t union_member = 8;     // an official member of a union
constexpr std::uint16_t household = 16;       // official members are households rather than individuals
}  // namespace flag

/// One planned organisation: what is decided before its history is written.
struct Planned {
    Date registered;
    std::uint32_t draw = 0;  // its plan index, which addresses its streams
    std::int32_t official = 0;
    std::int32_t capital_associates = 0;
    std::int32_t non_capital_associates = 0;
    std::int32_t workers = -1;  // calibrated workers of the latest closed year, or -1
    std::uint32_t commune = 0;  // draws the commune of its seat among PopulationPlan::communes[area]
    std::uint16_t area = 0;     // into PopulationPlan::areas
    std::uint16_t flags = 0;
    Sector sector = Sector::other;
    Fate fate = Fate::live;

    bool has(std::uint16_t f) const noexcept { return (flags & f) != 0; }
};

struct PopulationPlan {
    const Population* spec = nullptr;
    SeedTree tree{0};
    SeedTree plan_node{0}, history_node{0}, name_node{0};  // tree's children "plan", "history", "name", derived once
    SeedTree past_node{0};                                  // "past": the dynamics' draws before as_of
    Rates past;                                             // the dynamics' rates before as_of
    std::vector<AreaIndex> areas;                           // the quota areas, flattened
    std::vector<std::vector<AreaIndex>> communes;           // per quota area, its communes valid on as_of
    std::vector<Planned> orgs;                              // in registration order: position + 1 is the id's number
    std::vector<std::vector<std::uint32_t>> union_members;  // unions: positions in the cooperatives' plan
    std::size_t member_source = 0;                          // unions: index of the cooperatives' plan
    std::size_t id_digits = 4;
    std::uint64_t code_offset = 0;  // registration numbers used by earlier populations of the same kind
    double mean_official = 0;       // per live organisation, for the sizes of the others
    double mean_capital_associates = 0;
    double mean_non_capital_associates = 0;
};

/// Yearly growth of money amounts relative to 2022: revenue 6 % a year, wages 5 %.
struct Growth {
    double revenue = 1, wages = 1;
};

struct Context {
    const Profile& profile;
    const law::Framework& law;
    const AreaCatalog& catalog;
    std::int32_t latest_year = 0;
    std::vector<PopulationPlan> plans;
    // Growth factors of the years a history can reach, computed once rather than a pow() per organisation-year.
    std::int32_t first_year = 0;
    std::vector<Growth> growth;

    const Growth& growth_in(std::int32_t year) const { return growth[static_cast<std::size_t>(year - first_year)]; }
    void tabulate_growth(std::int32_t from, std::int32_t to) {
        first_year = from;
        growth.clear();
        for (std::int32_t y = from; y <= to; ++y) growth.push_back({std::pow(1.06, y - 2022), std::pow(1.05, y - 2022)});
    }
};

/// The dynamics' chance that an annual assembly is not held in its season: the profile's missing and late ones
/// (the dynamics then hold it late in the year with the chance of holding one at all).
double missed_in_season(const Records& r) { return std::clamp(r.assembly_missing + r.assembly_late, 0.0, 1.0); }

std::string id_of(const PopulationPlan& plan, std::size_t position) {
    std::string digits = std::to_string(position + 1);
    if (digits.size() < plan.id_digits) digits.insert(0, plan.id_digits - digits.size(), '0');
    return plan.spec->id_prefix + digits;
}

std::string_view place_of(const Context& ctx, Stream& s) {
    const auto& places = ctx.profile.naming.places;
    if (!places.empty()) return places[s.below(places.size())];
    return common_name_words[s.below(common_name_words.size())];
}

/// The registration code: the province's code, a digit for the kind and the number among the kind's
/// organisations.
std::string registration_code(const AreaCatalog& catalog, AreaIndex seat, OrgKind kind, std::uint64_t number) {
    const auto province = catalog.at_level(seat, AreaLevel::province);
    const char* kind_digit = kind == OrgKind::cooperative_group ? "0" : kind == OrgKind::cooperative ? "1" : "2";
    std::string digits = std::to_string(number);
    if (digits.size() < 7) digits.insert(0, 7 - digits.size(), '0');
    return (province != no_index ? catalog[province].official_code : "00") + kind_digit + digits;
}

/// The seat of a planned organisation: a commune of its quota area, uniformly, or the area when it has none.
AreaIndex commune_of(const PopulationPlan& plan, const Planned& o) {
    const auto& communes = plan.communes[o.area];
    if (communes.empty()) return plan.areas[o.area];
    return communes[static_cast<std::size_t>((std::uint64_t{o.commune} * communes.size()) >> 32)];
}

std::string name_of(const Context& ctx, const PopulationPlan& plan, const Planned& o) {
    Stream s = plan.name_node.child(o.draw).stream();
    const auto place = place_of(ctx, s);
    return organization_name(plan.spec->kind, o.sector, place, s);
}

/// k of `candidates`, uniformly, in the order drawn. Error naming `what` when there are fewer.
std::vector<std::uint32_t> sample(Stream& s, std::vector<std::uint32_t> candidates, std::int64_t k,
                                         const std::string& what) {
    if (k < 0 || static_cast<std::size_t>(k) > candidates.size())
        throw Error(ErrorCode::invalid_value, "profile asks for " + std::to_string(k) + " " + what + ", but only " +
                                                  std::to_string(candidates.size()) + " organisations qualify");
    for (std::size_t i = 0; i < static_cast<std::size_t>(k); ++i)
        std::swap(candidates[i], candidates[i + s.below(candidates.size() - i)]);
    candidates.resize(static_cast<std::size_t>(k));
    return candidates;
}

/// Registration years weighted by growth, for dates in [from, to]. A year only partly in the range weighs its
/// share of days: the months before the calibration date get the rate of the year, not a whole year's
/// registrations crowded into them.
class RegistrationDates {
public:
    RegistrationDates(Date from, Date to, double growth) : from_(from), to_(to) {
        if (to < from) return;
        std::vector<double> weights;
        for (int y = from.year(); y <= to.year(); ++y) {
            const Date first = std::max(from, ymd(y, 1, 1)), last = std::min(to, ymd(y, 12, 31));
            const double share = (last.days_since_epoch() - first.days_since_epoch() + 1) /
                                 static_cast<double>(ymd(y, 12, 31).days_since_epoch() - ymd(y, 1, 1).days_since_epoch() + 1);
            weights.push_back(std::pow(1 + growth, y - from.year()) * share);
        }
        years_.emplace(weights);
    }
    Date operator()(Stream& s) const {
        const int y = from_.year() + static_cast<int>((*years_)(s));
        return pick(s, std::max(from_, ymd(y, 1, 1)), std::min(to_, ymd(y, 12, 31)));
    }

private:
    Date from_, to_;
    std::optional<WeightedChoice> years_;
};

// ---- plan ---------------------------------------------------------------------------------------------

void check_population(const Context& ctx, const Population& p) {
    auto fail = [&](const std::string& why) {
        throw Error(ErrorCode::invalid_value, "population " + p.id_prefix + ": " + why);
    };
    if (p.id_prefix.empty()) fail("id_prefix is empty");
    if (p.sectors.empty()) fail("no sectors");
    if (p.seats.empty()) fail("no seats");
    if (p.kind == OrgKind::union_of_cooperatives && p.terminated_before > 0)
        fail("unions are generated live at as_of only");
    if (p.converted_after > 0 && p.kind != OrgKind::cooperative_group) fail("only cooperative groups convert");
    if (p.registered_after < 0 || p.dissolved_after < 0 || p.converted_after < 0)
        fail("expected numbers after as_of cannot be negative");
    if (p.terminated_before < 0) fail("terminated_before cannot be negative");
    const Date as_of = ctx.profile.as_of;
    if (p.workers > 0 && ctx.profile.records.financial_years < 1) fail("workers are calibrated on financial years");
    if (p.first_registration > as_of.plus_months(-40)) fail("first_registration must be over 3 years before as_of");
}

/// Plans one population (see the file comment): every organisation's fate, registration date, seat and
/// calibrated quantities, numbered in order of registration. A union's plan marks the cooperatives it takes.
class Planner {
public:
    Planner(Context& ctx, std::size_t index, const SeedTree& root)
        : ctx_(ctx), spec_(ctx.profile.populations[index]), as_of_(ctx.profile.as_of) {
        plan_.spec = &spec_;
        plan_.tree = root.child(spec_.id_prefix);
        plan_.plan_node = plan_.tree.child("plan");
        plan_.history_node = plan_.tree.child("history");
        plan_.name_node = plan_.tree.child("name");
        plan_.past_node = plan_.tree.child("past");
        assign_ = plan_.tree.child("assign").stream();
    }

    PopulationPlan run() {
        check_population(ctx_, spec_);
        seats();
        own_draws();
        seat_live_ones();
        mark(sample(assign_, live_where([&](const Planned& o) { return o.registered <= as_of_.plus_days(-400); }),
                    spec_.suspended, "suspended at as_of"),
             flag::suspended);
        {
            // Below the minimum is a matter of chance: the profile gives the expected number, each seed draws
            // how many (binomially among those old enough).
            auto old_enough = live_where([&](const Planned& o) { return o.registered <= as_of_.plus_months(-36); });
            const double p = old_enough.empty() ? 0.0
                                                : std::min(1.0, static_cast<double>(spec_.below_minimum) /
                                                                    static_cast<double>(old_enough.size()));
            const auto k = assign_.binomial(static_cast<std::int64_t>(old_enough.size()), p);
            mark(sample(assign_, std::move(old_enough), k, "below the minimum membership"), flag::below_minimum);
        }
        official_members();
        associates(spec_.members.capital_associates, &Planned::capital_associates,
                   "with capital-contributing associates");
        associates(spec_.members.non_capital_associates, &Planned::non_capital_associates,
                   "with non-capital associates");
        named_lists();
        if (spec_.kind == OrgKind::union_of_cooperatives) union_members();
        if (spec_.workers > 0) workers();
        order_by_registration();
        past_rates();
        return std::move(plan_);
    }

private:
    std::vector<std::uint32_t> live_where(auto&& keep) const {
        std::vector<std::uint32_t> out;
        for (std::uint32_t j = 0; j < live_; ++j)
            if (keep(plan_.orgs[j])) out.push_back(j);
        return out;
    }
    void mark(const std::vector<std::uint32_t>& chosen, std::uint16_t f) {
        for (const auto j : chosen) plan_.orgs[j].flags |= f;
    }
    Error problem(ErrorCode code, const std::string& why) const {
        return Error(code, "population " + spec_.id_prefix + ": " + why);
    }

    /// The exact number of live organisations of every area, and weights for the others.
    void seats() {
        for (const auto& quota : spec_.seats) {
            std::vector<double> w;
            for (const auto& a : quota.areas) {
                const auto found = ctx_.catalog.find(a.area);
                if (!found) throw problem(ErrorCode::unknown_name, "unknown area " + a.area);
                if (!ctx_.catalog[*found].valid_on(as_of_))
                    throw problem(ErrorCode::invalid_value, "area " + a.area + " does not exist on " + as_of_.iso());
                plan_.areas.push_back(*found);
                // Organisations sit in communes (xã, phường, thị trấn): the quota's district or province counts
                // them exactly, the commune within it is drawn. An area without communes is the seat itself.
                plan_.communes.push_back(ctx_.catalog.units_within(*found, AreaLevel::commune, as_of_));
                w.push_back(a.weight);
            }
            const auto counts = apportion(quota.organizations, w);
            const double total_weight = std::accumulate(w.begin(), w.end(), 0.0);
            for (std::size_t i = 0; i < counts.size(); ++i) {
                live_in_area_.push_back(counts[i]);
                area_weight_.push_back(total_weight > 0 ? quota.organizations * w[i] / total_weight : 0);
            }
        }
        if (plan_.areas.size() > 0xFFFF) throw problem(ErrorCode::invalid_value, "too many areas");
        if (std::none_of(area_weight_.begin(), area_weight_.end(), [](double w) { return w > 0; }))
            std::fill(area_weight_.begin(), area_weight_.end(), 1.0);
        live_ = static_cast<std::size_t>(std::accumulate(live_in_area_.begin(), live_in_area_.end(), std::int64_t{0}));
        // Organisations that ended before as_of are no published figure: how many is drawn per seed (Poisson
        // around the profile's number), as the live ones' fates are fixed by the figures.
        total_ = live_ + static_cast<std::size_t>(
                             plan_.tree.child("terminated").stream().poisson(static_cast<double>(spec_.terminated_before)));
    }

    /// Each organisation's own draws: fate (by plan index), registration date, sector, size, seat if not live.
    void own_draws() {
        std::vector<double> sector_weight;
        for (const auto& m : spec_.sectors) sector_weight.push_back(m.weight);
        const WeightedChoice sector_choice(sector_weight);
        const WeightedChoice area_choice(area_weight_);
        const RegistrationDates live_dates(spec_.first_registration, as_of_.plus_days(-30), spec_.registration_growth);
        const RegistrationDates ended_dates(spec_.first_registration, as_of_.plus_months(-36),
                                            spec_.registration_growth);
        plan_.orgs.resize(total_);
        size_weight_.resize(total_);
        for (std::size_t j = 0; j < total_; ++j) {
            Stream s = plan_.plan_node.child(j).stream();
            auto& o = plan_.orgs[j];
            o.draw = static_cast<std::uint32_t>(j);
            o.fate = j < live_ ? Fate::live : Fate::terminated;
            o.registered = (o.fate == Fate::live ? live_dates : ended_dates)(s);
            const auto& mix = spec_.sectors[sector_choice(s)];
            o.sector = mix.sector;
            size_weight_[j] = mix.members * s.lognormal(1, 0.6);
            const auto seat = static_cast<std::uint16_t>(area_choice(s));
            if (o.fate != Fate::live) o.area = seat;
            if (s.bernoulli(spec_.households)) o.flags |= flag::household;
            o.commune = static_cast<std::uint32_t>(s.next());
        }
    }

    /// The live ones take the exact seats in a random order.
    void seat_live_ones() {
        std::vector<std::uint16_t> slots;
        slots.reserve(live_);
        for (std::size_t a = 0; a < live_in_area_.size(); ++a)
            slots.insert(slots.end(), static_cast<std::size_t>(live_in_area_[a]), static_cast<std::uint16_t>(a));
        assign_.shuffle(std::span<std::uint16_t>(slots));
        for (std::size_t j = 0; j < live_; ++j) plan_.orgs[j].area = slots[j];
    }

    /// Official members at as_of: the ones below the minimum are fixed, the rest share the remainder by size.
    void official_members() {
        std::int64_t fixed = 0;
        std::vector<double> weights(live_);
        std::vector<std::int64_t> minimums(live_);
        for (std::size_t j = 0; j < live_; ++j) {
            auto& o = plan_.orgs[j];
            if (o.has(flag::below_minimum)) {
                o.official = spec_.min_official - 1 - static_cast<std::int32_t>(assign_.below(2));
                fixed += o.official;
            } else {
                weights[j] = size_weight_[j];
                minimums[j] = spec_.min_official;
            }
        }
        const auto official = apportion(spec_.members.official - fixed, weights, minimums);
        for (std::size_t j = 0; j < live_; ++j)
            if (!plan_.orgs[j].has(flag::below_minimum))
                plan_.orgs[j].official = static_cast<std::int32_t>(official[j]);
        if (live_ > 0) {
            const auto n = static_cast<double>(live_);
            plan_.mean_official = static_cast<double>(spec_.members.official) / n;
            plan_.mean_capital_associates = static_cast<double>(spec_.members.capital_associates) / n;
            plan_.mean_non_capital_associates = static_cast<double>(spec_.members.non_capital_associates) / n;
        }
    }

    /// A share of the live ones has associates of a kind; the kind's total is shared among those.
    void associates(std::int64_t target, std::int32_t Planned::*field, const char* what) {
        if (target <= 0) return;
        const auto k =
            std::clamp<std::int64_t>(std::llround(spec_.with_associates * static_cast<double>(live_)), 1, target);
        const auto chosen =
            sample(assign_, live_where([](const Planned& o) { return !o.has(flag::below_minimum); }), k, what);
        std::vector<double> w(chosen.size());
        for (std::size_t i = 0; i < chosen.size(); ++i) w[i] = size_weight_[chosen[i]];
        const auto parts = apportion(target, w, std::vector<std::int64_t>(chosen.size(), 1));
        for (std::size_t i = 0; i < chosen.size(); ++i)
            plan_.orgs[chosen[i]].*field = static_cast<std::int32_t>(parts[i]);
    }

    /// Official members named one by one: every union's, and `named` cooperatives or groups.
    void named_lists() {
        if (spec_.kind == OrgKind::union_of_cooperatives) {
            for (std::size_t j = 0; j < live_; ++j) plan_.orgs[j].flags |= flag::named;
        } else {
            mark(sample(assign_, live_where([](const Planned& o) {
                            return o.official <= 30 && o.capital_associates == 0 && o.non_capital_associates == 0 &&
                                   !o.has(flag::below_minimum);
                        }),
                        spec_.named, "with named members"),
                 flag::named);
        }
    }

    /// A union's member cooperatives: live and active at as_of, registered well before the union, in the union's
    /// province where there are enough.
    void union_members() {
        const auto source = std::find_if(ctx_.plans.begin(), ctx_.plans.end(),
                                         [](const PopulationPlan& p) { return p.spec->kind == OrgKind::cooperative; });
        if (source == ctx_.plans.end())
            throw problem(ErrorCode::invalid_value, "a union's members are cooperatives of an earlier population");
        plan_.member_source = static_cast<std::size_t>(source - ctx_.plans.begin());
        auto& coops = *source;
        constexpr std::uint16_t busy = flag::suspended | flag::below_minimum | flag::union_member;
        auto province_of = [&](const PopulationPlan& p, const Planned& o) {
            return ctx_.catalog.at_level(p.areas[o.area], AreaLevel::province);
        };
        plan_.union_members.resize(total_);
        const Date last_registration = ymd(ctx_.latest_year, 9, 30);
        for (std::size_t j = 0; j < live_; ++j) {
            auto& u = plan_.orgs[j];
            const auto needed = static_cast<std::size_t>(u.official);
            const auto province = province_of(plan_, u);
            std::vector<std::uint32_t> pool, elsewhere;
            for (std::uint32_t c = 0; c < coops.orgs.size(); ++c) {
                const auto& coop = coops.orgs[c];
                if (coop.fate != Fate::live || coop.has(busy)) continue;
                (province_of(coops, coop) == province ? pool : elsewhere).push_back(c);
            }
            if (pool.size() < needed) pool.insert(pool.end(), elsewhere.begin(), elsewhere.end());
            if (pool.size() < needed) throw problem(ErrorCode::invalid_value, "not enough cooperatives for a union");
            std::sort(pool.begin(), pool.end());  // positions are in registration order
            // It closes the latest year before as_of (for its workers), and its first members came before it.
            const Date earliest = coops.orgs[pool[needed - 1]].registered.plus_days(90);
            u.registered = std::min(std::max(u.registered, earliest), last_registration);
            std::erase_if(pool, [&](std::uint32_t c) { return coops.orgs[c].registered.plus_days(90) > u.registered; });
            auto chosen = sample(assign_, std::move(pool), u.official, "member cooperatives of a union");
            std::sort(chosen.begin(), chosen.end());
            for (const auto c : chosen) coops.orgs[c].flags |= flag::union_member;
            plan_.union_members[j] = std::move(chosen);
        }
    }

    /// Workers of the latest closed year, shared by size among the live ones that close it.
    void workers() {
        // The dynamics close a year for those registered before its 1 December.
        const Date by = ymd(ctx_.latest_year, 11, 30);
        const auto with_year = live_where([&](const Planned& o) { return o.registered <= by; });
        if (with_year.empty())
            throw problem(ErrorCode::invalid_value, "nobody closes the year the workers are calibrated on");
        std::vector<double> w(with_year.size());
        for (std::size_t i = 0; i < w.size(); ++i) w[i] = size_weight_[with_year[i]];
        const auto parts = apportion(spec_.workers, w, std::vector<std::int64_t>(w.size(), 1));
        for (std::size_t i = 0; i < w.size(); ++i)
            plan_.orgs[with_year[i]].workers = static_cast<std::int32_t>(parts[i]);
    }

    /// The dynamics' rates before as_of: suspensions at the monthly rate that gives the profile's share of
    /// organisations with a past suspension over the population's mean months of history, annual assemblies
    /// missed as the profile says, the rest default_rates(); no voluntary dissolution, merger, conversion or
    /// member hazard, as every fate, kind and membership is planned (docs/synthetic-data.md, "The method").
    void past_rates() {
        auto& r = plan_.past;
        r = default_rates();
        double months = 0;
        for (const auto& o : plan_.orgs)
            months += (as_of_.days_since_epoch() - o.registered.days_since_epoch()) / days_per_month;
        const double mean = plan_.orgs.empty() ? 0 : months / static_cast<double>(plan_.orgs.size());
        const double past = std::clamp(ctx_.profile.records.past_suspension, 0.0, 0.99);
        r.set(Hazard::suspension, mean > 0 ? -std::log1p(-past) / mean : 0);
        r.set(Hazard::assembly_missed, missed_in_season(ctx_.profile.records));
        for (const auto h : {Hazard::voluntary_dissolution, Hazard::merger, Hazard::conversion, Hazard::member_joining,
                             Hazard::member_leaving, Hazard::founding})
            r.set(h, 0);
    }

    /// Registration order gives the ids and the order in the registry.
    void order_by_registration() {
        auto& orgs = plan_.orgs;
        // By registration day, then plan index: one 64-bit key each (the day biased to be unsigned above the
        // index), so the sort compares integers in one array instead of reaching into the plan for every pair.
        std::vector<std::uint64_t> keys(total_);
        for (std::size_t j = 0; j < total_; ++j)
            keys[j] = std::uint64_t{static_cast<std::uint32_t>(orgs[j].registered.days_since_epoch()) ^ 0x8000'0000u}
                          << 32 |
                      j;
        std::sort(keys.begin(), keys.end());
        std::vector<Planned> sorted(total_);
        std::vector<std::vector<std::uint32_t>> members(plan_.union_members.empty() ? 0 : total_);
        for (std::size_t i = 0; i < total_; ++i) {
            const auto from = static_cast<std::uint32_t>(keys[i]);
            sorted[i] = orgs[from];
            if (!members.empty()) members[i] = std::move(plan_.union_members[from]);
        }
        orgs = std::move(sorted);
        plan_.union_members = std::move(members);
        plan_.id_digits = std::max<std::size_t>(4, std::to_string(total_).size());
        for (const auto& earlier : ctx_.plans)
            if (earlier.spec->kind == spec_.kind) plan_.code_offset += earlier.orgs.size();
    }

    Context& ctx_;
    const Population& spec_;
    Date as_of_;
    PopulationPlan plan_;
    Stream assign_{SeedTree(0)};
    std::vector<std::int64_t> live_in_area_;
    std::vector<double> area_weight_;
    std::vector<double> size_weight_;  // relative membership of each organisation
    std::size_t live_ = 0, total_ = 0;
};

// ---- history ------------------------------------------------------------------------------------------

/// Writes one organisation's record from its plan, up to as_of (the dynamics continue it).
class History {
public:
    History(const Context& ctx, std::size_t population, std::size_t position)
        : ctx_(ctx),
          plan_(ctx.plans[population]),
          spec_(*plan_.spec),
          o_(plan_.orgs[position]),
          position_(position),
          s_(plan_.history_node.child(o_.draw).stream()),
          as_of_(ctx.profile.as_of) {}

    OrganizationRecord build() {
        identity();
        r_ = o_.registered;
        last_ = as_of_;
        // A membership change or two a year, founding cohorts and the adjustment to the planned size; capital.
        const auto years = static_cast<std::size_t>(std::max(0, as_of_.year() - r_.year()));
        events_.reserve(8 + 2 * years);
        changes_.reserve(8 + 2 * years);
        ending();
        membership();
        charter();
        sort_by_date(events_);
        // Status, yearly records and the end: the dynamics, conditioned on the planned state at as_of.
        auto run = past();
        events_ = std::move(run.events);
        last_ = std::min(as_of_, ended_on(events_).value_or(as_of_.plus_days(1)).plus_days(-1));
        for (const auto year : ctx_.profile.records.assessment_years) assess(year);
        distinctions();
        sort_by_date(events_);
        rec_.events = std::move(events_);
        return std::move(rec_);
    }

private:
    struct Cohort {
        MemberKind kind;
        MemberType type;
        std::int32_t count = 0;
        Dong per_member = 0;
    };
    struct Change {
        Date date;
        std::int32_t members;
        Dong capital;
    };

    bool is_group() const noexcept { return spec_.kind == OrgKind::cooperative_group; }

    /// A stable insertion sort by date: a few dozen items, mostly in runs already in order, and no buffer to
    /// allocate as std::stable_sort would for each organisation.
    template <class T>
    static void sort_by_date(std::vector<T>& items) {
        for (std::size_t i = 1; i < items.size(); ++i) {
            if (!(items[i].date < items[i - 1].date)) continue;
            T e = std::move(items[i]);
            std::size_t j = i;
            for (; j > 0 && e.date < items[j - 1].date; --j) items[j] = std::move(items[j - 1]);
            items[j] = std::move(e);
        }
    }
    bool live() const noexcept { return o_.fate == Fate::live; }
    void add(Date d, EventData data) { events_.push_back(Event{d, std::move(data)}); }

    void identity() {
        auto& org = rec_.organization;
        org.id = id_of(plan_, position_);
        org.kind = spec_.kind;
        org.sector = o_.sector;
        org.name = name_of(ctx_, plan_, o_);
        // A seat chosen among units that ended before the registration is the unit that succeeded them.
        AreaIndex seat = commune_of(plan_, o_);
        if (const auto now = ctx_.catalog.on(seat, o_.registered); now != no_index) seat = now;
        org.area = ctx_.catalog[seat].code;
        org.registration_code = registration_code(ctx_.catalog, seat, spec_.kind, plan_.code_offset + position_ + 1);
    }

    // ---- how it ends, which bounds everything else ----

    /// An organisation planned as ended resolves to dissolve on a day of its life (at least a year or two after
    /// its registration, early enough that the dissolution completes before as_of).
    void ending() {
        if (o_.fate != Fate::terminated) return;
        wind_down_ = pick(s_, r_.plus_months(is_group() ? 12 : 24), as_of_.plus_months(is_group() ? -5 : -10));
        last_ = wind_down_->plus_days(-1);
    }

    /// The day its history ends: its dissolution resolved, registration revoked or reorganisation started.
    static std::optional<Date> ended_on(const std::vector<Event>& events) {
        for (const auto& e : events)
            if (e.get<DissolutionResolved>() || e.get<RegistrationRevoked>() || e.get<ReorganizationStarted>())
                return e.date;
        return std::nullopt;
    }

    // ---- the dynamics, conditioned on the plan ----

    /// Whether a run ends in the planned state on as_of: the planned status, and every given event applied.
    bool as_planned(const SingleRun& run) const {
        if (run.given_left_out > 0) return false;
        if (!live()) return run.state.registered && run.state.status == LegalStatus::terminated;
        return run.state.status == (o_.has(flag::suspended) ? LegalStatus::suspended : LegalStatus::active);
    }

    /// The organisation from its registration to as_of through the dynamics (simulation/single_organization.hpp),
    /// with the members and capital planned here given. A draw is kept when it ends as planned; otherwise the
    /// next sub-stream is tried, up to `tries`. The planned conditions steer every draw: one planned as ended
    /// resolves to dissolve on its planned day; one planned suspended at as_of is suspended from a day of the
    /// three years before it, its notices extended to the one covering as_of. After the last try the office
    /// does not act and, for one planned active, no suspension begins: a path that always ends as planned.
    SingleRun past() {
        static constexpr std::uint64_t tries = 4;
        SingleOrganization org;
        org.kind = spec_.kind;
        org.sector = o_.sector;
        org.members = rec_.members;
        org.registered = r_;
        org.registration = Registered{charter_, std::nullopt, {}, std::nullopt};
        org.given = events_;
        SingleRunOptions options;
        options.until = as_of_;
        options.dissolve_on = wind_down_;
        if (o_.has(flag::suspended))
            options.suspended_from = pick(s_, std::max(r_.plus_days(30), as_of_.plus_months(-36)), as_of_.plus_days(-5));
        options.assessments = false;  // the profile's years, below
        options.financial_year = [this](FinancialYearClosed& f, const OrgState& st, std::span<const Event> events) {
            financial_year(f, st, events);
        };
        figures();
        const SeedTree node = plan_.past_node.child(o_.draw);
        for (std::uint64_t k = 0; k < tries; ++k) {
            WideStream rng = node.child(k).wide_stream();
            auto run = simulate_organization(ctx_.law, plan_.past, org, options, rng);
            if (as_planned(run)) return run;
        }
        options.office = false;
        Rates quiet = plan_.past;
        if (live() && !o_.has(flag::suspended)) quiet.set(Hazard::suspension, 0);
        WideStream rng = node.child(tries).wide_stream();
        auto run = simulate_organization(ctx_.law, quiet, org, options, rng);
        if (!as_planned(run)) {
            std::string why = "population " + spec_.id_prefix + ": " + rec_.organization.id + " is ";
            why += enum_name(run.state.status);
            why += " on " + as_of_.iso() + ", not as planned, with ";
            why += std::to_string(run.given_left_out) + " planned events refused";
            throw Error(ErrorCode::invalid_value, why);
        }
        return run;
    }

    // ---- members ----

    /// Founding members required on the registration date: the law's minimum then, 7 before the law data start.
    std::int32_t founding_minimum() const {
        using law::Param;
        const Param p = is_group()                           ? Param::min_members_cooperative_group
                        : spec_.kind == OrgKind::cooperative ? Param::min_members_cooperative
                                                             : Param::min_members_union;
        if (const auto v = ctx_.law.value(p, r_)) return static_cast<std::int32_t>(*v);
        return is_group() ? 2 : spec_.kind == OrgKind::cooperative ? 7 : 4;
    }

    /// The size at as_of (live ones) or at the end of the drawn history (others).
    std::int32_t size_for(std::int32_t planned, double mean) {
        if (live()) return planned;
        if (mean <= 0) return 0;
        return static_cast<std::int32_t>(std::llround(mean * s_.lognormal(0.8, 0.5)));
    }

    void membership() {
        if (spec_.kind == OrgKind::union_of_cooperatives) return union_membership();
        const std::int32_t floor = founding_minimum();
        const std::int32_t official = std::max(size_for(o_.official, plan_.mean_official), live() ? 0 : floor);
        official_ = official;
        const auto main_type =
            o_.has(flag::household) && !o_.has(flag::named) ? MemberType::household : MemberType::individual;
        const Dong share = is_group() ? 0 : round_thousands(s_.lognormal(4'000'000, 0.7) / 100) * 100;
        if (o_.has(flag::named)) {
            named_members(official, floor, share);
        } else {
            // One official member in twenty of a larger cooperative is a legal entity.
            const bool entity = !is_group() && official >= 10 && s_.bernoulli(0.05);
            cohorts({MemberKind::official, main_type, 0, share}, official - (entity ? 1 : 0), floor - (entity ? 1 : 0));
            if (entity) cohorts({MemberKind::official, MemberType::legal_entity, 0, share * 10}, 1, 1);
        }
        cohorts({MemberKind::capital_associate, s_.bernoulli(0.3) ? MemberType::legal_entity : MemberType::individual,
                 0, share * 3},
                size_for(o_.capital_associates, plan_.mean_capital_associates), 0);
        cohorts({MemberKind::non_capital_associate, MemberType::individual, 0, 0},
                size_for(o_.non_capital_associates, plan_.mean_non_capital_associates), 0);
    }

    /// Dates of membership changes: yearly chances before as_of and an adjustment to the planned size at as_of.
    /// Calls change(date, join_bias) and, for live ones, adjust(date).
    /// Between the adjustment and as_of, members come and go in pairs (a cohort joins, as many leave later), so
    /// the size at as_of stays exact and the year before it is not quiet: pair(join_date, leave_date).
    template <class Change, class Adjust, class Pair>
    void member_timeline(Change&& change, Adjust&& adjust, Pair&& pair) {
        const double chance = ctx_.profile.records.member_change;
        // The size at as_of is reached on a day of the two years before it, not in a burst just before.
        const Date adjust_on = live() ? pick(s_, std::max(r_.plus_days(1), as_of_.plus_months(-24)), as_of_) : as_of_;
        const Date before = live() ? adjust_on : std::min(as_of_, last_);
        for (int y = r_.year(); y <= before.year(); ++y) {
            if (!s_.bernoulli(chance)) continue;
            const Date lo = std::max(r_.plus_days(1), ymd(y, 1, 1)),
                       hi = std::min(before.plus_days(-1), ymd(y, 12, 31));
            if (lo <= hi) change(pick(s_, lo, hi), o_.fate == Fate::terminated ? 0.35 : 0.5);
        }
        if (live()) {
            adjust(adjust_on);
            for (int y = adjust_on.year(); y <= as_of_.year(); ++y) {
                if (!s_.bernoulli(chance / 2)) continue;
                const Date lo = std::max(adjust_on.plus_days(1), ymd(y, 1, 1)), hi = std::min(as_of_, ymd(y, 12, 31));
                if (lo >= hi) continue;
                const Date join = pick(s_, lo, hi.plus_days(-1));
                pair(join, pick(s_, join.plus_days(1), hi));
            }
        }
    }

    /// A cohort of counted members: founded with about `target` (at least `floor`), changing over the years,
    /// exactly `target` at as_of when the organisation is live then.
    void cohorts(Cohort c, std::int32_t target, std::int32_t floor) {
        if (target <= 0 && floor <= 0) return;
        const std::int32_t founding =
            floor > 0 ? std::max(floor, static_cast<std::int32_t>(std::llround(target * s_.uniform(0.75, 1.2)))) : 0;
        auto join = [&](Date d, std::int32_t n) {
            add(d, MembersJoined{c.kind, c.type, n, 0, c.per_member * n});
            c.count += n;
            record_change(d, n, c.kind == MemberKind::non_capital_associate ? 0 : c.per_member * n);
        };
        auto leave = [&](Date d, std::int32_t n) {
            add(d, MembersLeft{c.kind, c.type, n, 0, c.per_member * n});
            c.count -= n;
            record_change(d, -n, c.kind == MemberKind::non_capital_associate ? 0 : -c.per_member * n);
        };
        if (founding > 0) join(r_, founding);
        const std::int32_t keep = std::max(floor, 1);
        member_timeline(
            [&](Date d, double join_bias) {
                const auto n = static_cast<std::int32_t>(1 + s_.poisson(0.04 * c.count));
                if (s_.bernoulli(join_bias) || c.count == 0)
                    join(d, n);
                else if (c.count - n >= keep)
                    leave(d, n);
            },
            [&](Date d) {
                if (c.count < target)
                    join(d, target - c.count);
                else if (c.count > target)
                    leave(d, c.count - target);
            },
            [&](Date in, Date out) {
                if (c.count <= 0) return;
                const auto n = static_cast<std::int32_t>(1 + s_.poisson(0.03 * c.count));
                join(in, n);
                leave(out, n);
            });
    }

    /// Official members named one by one, as a registry with a member list holds them.
    void named_members(std::int32_t target, std::int32_t floor, Dong share) {
        std::vector<std::size_t> current;  // indices into rec_.members
        auto join = [&](Date d) {
            const std::string id = "tv" + std::to_string(rec_.members.size() + 1);
            rec_.members.push_back(Member{id, person_name(s_), MemberType::individual, false, std::nullopt});
            add(d, MemberJoined{id, MemberKind::official, share});
            current.push_back(rec_.members.size() - 1);
            record_change(d, 1, share);
        };
        auto leave = [&](Date d) {
            const auto k = s_.below(current.size());
            static constexpr std::array<MembershipEnd, 4> reasons{MembershipEnd::voluntary, MembershipEnd::voluntary,
                                                                  MembershipEnd::inactive,
                                                                  MembershipEnd::death_or_incapacity};
            add(d, MemberLeft{rec_.members[current[k]].id, reasons[s_.below(reasons.size())]});
            current.erase(current.begin() + static_cast<std::ptrdiff_t>(k));
            record_change(d, -1, -share);
        };
        const std::int32_t founding =
            std::max(floor, static_cast<std::int32_t>(std::llround(target * s_.uniform(0.75, 1.2))));
        for (std::int32_t i = 0; i < founding; ++i) join(r_);
        member_timeline(
            [&](Date d, double join_bias) {
                if (s_.bernoulli(join_bias))
                    join(d);
                else if (static_cast<std::int32_t>(current.size()) > floor)
                    leave(d);
            },
            [&](Date d) {
                while (static_cast<std::int32_t>(current.size()) < target) join(d);
                while (static_cast<std::int32_t>(current.size()) > target) leave(d);
            },
            [&](Date in, Date out) {
                join(in);
                leave(out);
            });
    }

    /// A union's official members are cooperatives: the first ones found it, the others join before as_of.
    void union_membership() {
        const auto& coops = ctx_.plans[plan_.member_source];
        const auto& chosen = plan_.union_members[position_];
        const std::int32_t founders =
            std::min<std::int32_t>(founding_minimum(), static_cast<std::int32_t>(chosen.size()));
        const Dong share = round_thousands(s_.uniform(50e6, 200e6) / 1e6) * 1000;
        for (std::size_t i = 0; i < chosen.size(); ++i) {
            const auto& coop = coops.orgs[chosen[i]];
            const std::string coop_id = id_of(coops, chosen[i]);
            rec_.members.push_back(
                Member{"tv-" + coop_id, name_of(ctx_, coops, coop), MemberType::cooperative, false, coop_id});
            const Date d = static_cast<std::int32_t>(i) < founders
                               ? r_
                               : pick(s_, std::max(r_, coop.registered).plus_days(30), as_of_.plus_days(-1));
            add(d, MemberJoined{rec_.members.back().id, MemberKind::official, share});
            record_change(d, 1, share);
        }
    }

    void record_change(Date d, std::int32_t members, Dong capital) { changes_.push_back({d, members, capital}); }

    // ---- yearly records ----

    /// Cooperatives and unions keep accounts and hold annual assemblies; groups do not.
    bool keeps_accounts() const { return !is_group(); }

    /// The organisation's figures of 2022, which its financial years vary.
    void figures() {
        const auto& mix = *std::find_if(spec_.sectors.begin(), spec_.sectors.end(),
                                        [&](const SectorMix& m) { return m.sector == o_.sector; });
        revenue_2022_ = static_cast<double>(mix.revenue) * s_.lognormal(1, 0.7);
        internal_share_ = std::clamp(s_.normal(o_.sector == Sector::credit ? 0.85 : 0.45, 0.15), 0.05, 0.95);
        // About 8 regular workers, fewer in small cooperatives (Cà Mau 2025: 0.6 workers per member); a union
        // runs joint services for its members with a few dozen.
        base_workers_ = o_.workers > 0                                  ? o_.workers
                        : spec_.kind == OrgKind::union_of_cooperatives ? s_.lognormal(30, 0.5)
                                                                        : std::max(1.0, s_.lognormal(std::min(8.0, 0.6 * official_), 0.5));
        income_2022_ = s_.uniform(44e6, 56e6);
    }

    /// The figures of a financial year the dynamics close: the sector's revenue grown 6 % a year, lower for the
    /// months suspended, the calibrated workers in the latest year closed by as_of.
    void financial_year(FinancialYearClosed& f, const OrgState& st, std::span<const Event> events) {
        const std::int32_t y = f.year;
        const Date close = ymd(y, 12, 31);
        const double paused = days_suspended(events, ymd(y, 1, 1), close) / 365.0;
        const double revenue = revenue_2022_ * ctx_.growth_in(y).revenue * s_.lognormal(1, 0.15) * (1 - 0.7 * paused);
        const double margin = s_.normal(0.04, 0.05);
        f.revenue = round_thousands(revenue);
        f.pre_tax_profit = round_thousands(revenue * margin);
        f.costs = f.revenue - f.pre_tax_profit;
        f.internal_revenue = std::min(f.revenue, round_thousands(revenue * internal_share_));
        f.workers = y == ctx_.latest_year && o_.workers >= 0
                        ? o_.workers
                        : std::max<std::int32_t>(1, static_cast<std::int32_t>(std::llround(base_workers_ * s_.lognormal(1, 0.1))));
        f.wages = round_thousands(f.workers * income_2022_ * ctx_.growth_in(y).wages);
        double fund = static_cast<double>(st.indivisible_fund);
        if (fund == 0) fund = static_cast<double>(charter_) * s_.uniform(0, 0.05);
        fund += std::max<double>(0, static_cast<double>(f.pre_tax_profit)) * s_.uniform(0.05, 0.15);
        f.indivisible_fund = round_thousands(fund);
    }

    /// A TT 01/2020 self-assessment of `year`, early in the next year: only for organisations that operated all
    /// of it and were not suspended more than three months in it.
    void assess(std::int32_t year) {
        const auto& classes = ctx_.profile.records.assessment_classes;
        if (!keeps_accounts() || r_ > ymd(year, 1, 1) || classes.empty()) return;
        if (days_suspended(events_, ymd(year, 1, 1), ymd(year, 12, 31)) > 92) return;
        const Date d = pick(s_, ymd(year + 1, 3, 1), ymd(year + 1, 3, 31));
        if (d > last_) return;
        static constexpr std::array<std::array<std::int32_t, 2>, 4> bands{{{80, 95}, {65, 79}, {50, 64}, {30, 49}}};
        const auto cls = std::min<std::size_t>(WeightedChoice(classes)(s_), bands.size() - 1);
        std::int32_t score = static_cast<std::int32_t>(s_.between(bands[cls][0], bands[cls][1]));
        std::vector<std::int32_t> points(tt01_2020_criterion_maxima.size());
        std::int32_t given = 0;
        for (std::size_t i = 0; i < points.size(); ++i) {
            points[i] = score * tt01_2020_criterion_maxima[i] / 100;
            given += points[i];
        }
        while (given < score) {
            const auto i = s_.below(points.size());
            if (points[i] < tt01_2020_criterion_maxima[i]) {
                ++points[i];
                ++given;
            }
        }
        add(d, Assessed{year, ClassificationScheme::tt01_2020, std::move(points)});
    }

    // ---- certifications, OCOP, sanctions ----

    void distinctions() {
        const auto& rec = ctx_.profile.records;
        const Date active_from = r_.plus_months(12);
        if (!is_group() && o_.sector == Sector::agriculture && s_.bernoulli(rec.certified)) {
            const Date from = std::max(active_from, ymd(2015, 1, 1));
            if (from <= last_) {
                const double u = s_.uniform();
                const auto kind = u < 0.75  ? Certification::vietgap
                                  : u < 0.9 ? Certification::organic
                                            : Certification::globalgap;
                Date d = pick(s_, from, last_);
                add(d, Certified{kind, d.plus_months(36).plus_days(-1)});
                if (d.plus_months(36) <= last_ && s_.bernoulli(0.5)) {
                    d = d.plus_months(36).plus_days(-static_cast<std::int32_t>(s_.below(60)));
                    add(d, Certified{kind, d.plus_months(36).plus_days(-1)});
                }
            }
        }
        const auto& products = ctx_.profile.naming.ocop_products;
        const bool ocop_sector = o_.sector == Sector::agriculture || o_.sector == Sector::industry_handicraft ||
                                 o_.sector == Sector::trade_services;
        if (!is_group() && ocop_sector && !products.empty() && s_.bernoulli(rec.ocop)) {
            const Date from = std::max(active_from, ymd(2019, 1, 1));
            if (from <= last_) {
                const double u = s_.uniform();
                const auto score = static_cast<std::int32_t>(u < 0.62   ? s_.between(50, 69)
                                                             : u < 0.95 ? s_.between(70, 89)
                                                                        : s_.between(90, 94));
                add(pick(s_, from, last_), OcopRated{products[s_.below(products.size())], score, std::nullopt});
            }
        }
        if (s_.bernoulli(rec.sanctioned) && active_from <= last_) add(pick(s_, active_from, last_), Sanctioned{});
    }

    /// Charter capital: what the founders contributed, registered again when it moves by 5 % or more (2023
    /// Law Art 47.1 asks for that within 10 days).
    void charter() {
        sort_by_date(changes_);
        Dong capital = 0;
        std::size_t k = 0;
        for (; k < changes_.size() && changes_[k].date == r_; ++k) capital += changes_[k].capital;
        charter_ = capital;
        Dong registered = charter_;
        for (; k < changes_.size(); ++k) {
            capital += changes_[k].capital;
            const bool last_that_day = k + 1 == changes_.size() || changes_[k + 1].date != changes_[k].date;
            const Date d = changes_[k].date.plus_days(1 + static_cast<std::int32_t>(s_.below(9)));
            if (!is_group() && last_that_day && registered > 0 && std::abs(capital - registered) * 20 >= registered &&
                d <= last_) {
                add(d, CapitalChanged{capital});
                registered = capital;
            }
        }
    }

    const Context& ctx_;
    const PopulationPlan& plan_;
    const Population& spec_;
    const Planned& o_;
    std::size_t position_;
    Stream s_;
    Date as_of_;
    Date r_, last_;  // registration, and the last day of the generated history (as_of, or before the wind-down)
    std::optional<Date> wind_down_;  // planned as ended: the day it resolves to dissolve
    Dong charter_ = 0;
    double revenue_2022_ = 0, internal_share_ = 0, base_workers_ = 0, income_2022_ = 0;
    std::int32_t official_ = 0;  // official members at as_of, or at the end of the history
    std::vector<Change> changes_;
    std::vector<Event> events_;
    OrganizationRecord rec_;
};

// ---- after as_of: the dynamics ----

/// Months the dynamics run from as_of: up to the last month end (or, from a date inside a month, the last
/// monthly date) on or before history_until, as the engine counts them.
std::int32_t months_after(const Profile& profile) {
    const Date start = profile.as_of;
    const bool month_ends = start.plus_days(1).day() == 1;
    auto date = [&](int m) {
        return month_ends ? ymd(start.year(), start.month(), 1).plus_months(m + 1).plus_days(-1) : start.plus_months(m);
    };
    std::int32_t m = 0;
    while (date(m + 1) <= profile.history_until) ++m;
    return m;
}

/// The rates of the years after as_of: the profile's expected numbers over the exposure they imply (live
/// organisations at as_of times the months, for conversions the months in which the law provides for them), its
/// yearly chances as monthly rates, default_rates() for the rest.
Rates dynamics_rates(const Context& ctx, std::int32_t months) {
    const auto& rec = ctx.profile.records;
    Rates r = default_rates();
    r.set(Hazard::suspension, rec.suspension_after / 12);
    // Before as_of a cohort joins or leaves with chance member_change a year, mostly joining.
    r.set(Hazard::member_joining, rec.member_change * 0.65 / 12);
    r.set(Hazard::member_leaving, rec.member_change * 0.35 / 12);
    r.set(Hazard::assembly_missed, missed_in_season(rec));
    r.set(Hazard::founding, 0);
    r.set(Hazard::voluntary_dissolution, 0);
    r.set(Hazard::conversion, 0);
    std::int32_t conversion_months = 0;
    for (std::int32_t m = 1; m <= months; ++m)
        conversion_months +=
            ctx.law.value(law::Param::conversion_min_operating_months, ctx.profile.as_of.plus_months(m)) ? 1 : 0;
    for (const auto& plan : ctx.plans) {
        const auto& spec = *plan.spec;
        const auto live = static_cast<double>(
            std::count_if(plan.orgs.begin(), plan.orgs.end(), [](const Planned& o) { return o.fate == Fate::live; }));
        double weights = 0;
        for (const auto& mix : spec.sectors) weights += mix.weight;
        for (const auto& mix : spec.sectors)
            if (weights > 0) r.at(Hazard::founding, spec.kind, mix.sector) += spec.registered_after * mix.weight / weights / months;
        if (live > 0) {
            for (const auto& mix : spec.sectors) {
                r.at(Hazard::voluntary_dissolution, spec.kind, mix.sector) = spec.dissolved_after / (live * months);
                if (conversion_months > 0)
                    r.at(Hazard::conversion, spec.kind, mix.sector) = spec.converted_after / (live * conversion_months);
            }
        }
    }
    return r;
}

/// The registry at as_of continued to history_until by one run of the dynamics (simulation/engine.hpp), through
/// the same transition table, legal framework and compliance due dates as any projection. The organisations it
/// founds get the ids, names and registration codes of their kind's first population, numbered on in order of
/// registration.
Registry continue_after(const Context& ctx, const Registry& at_as_of, std::uint64_t seed) {
    const std::int32_t months = months_after(ctx.profile);
    RunOptions o;
    o.start = ctx.profile.as_of;
    o.months = months;
    o.runs = 1;
    o.threads = 1;
    o.seed = SeedTree(seed).child("dynamics").stream().next();
    o.rates = dynamics_rates(ctx, months);
    o.indicators = {"organizations"};
    o.report_every = months;
    const Registry projected = project(at_as_of, baseline_scenario(), o);

    std::vector<OrganizationRecord> records;
    records.reserve(projected.size());
    for (OrgIndex i = 0; i < projected.size(); ++i)
        records.push_back({projected.organization(i), {projected.members(i).begin(), projected.members(i).end()},
                           projected.events(i)});
    // Founded ones, by kind in order of registration.
    std::vector<OrgIndex> founded;
    for (OrgIndex i = at_as_of.size(); i < projected.size(); ++i) founded.push_back(i);
    std::stable_sort(founded.begin(), founded.end(), [&](OrgIndex a, OrgIndex b) {
        return records[a].events.front().date < records[b].events.front().date;
    });
    std::array<std::uint64_t, kind_count> numbered{}, planned{};
    for (const auto& plan : ctx.plans) planned[static_cast<std::size_t>(plan.spec->kind)] += plan.orgs.size();
    std::unordered_map<std::string, std::string> renamed;
    for (const OrgIndex i : founded) {
        auto& org = records[i].organization;
        const std::string engine_id = org.id;
        const auto kind = static_cast<std::size_t>(org.kind);
        const auto plan = std::find_if(ctx.plans.begin(), ctx.plans.end(),
                                       [&](const PopulationPlan& p) { return p.spec->kind == org.kind; });
        if (plan == ctx.plans.end()) continue;  // founding rates are set only for the populations' kinds
        const std::uint64_t k = numbered[kind]++;
        const std::uint64_t position = plan->orgs.size() + k;
        org.id = id_of(*plan, position);
        Stream s = plan->tree.child("founded-name").child(k).stream();
        org.name = organization_name(org.kind, org.sector, place_of(ctx, s), s);
        org.registration_code = registration_code(ctx.catalog, *ctx.catalog.find(org.area), org.kind, planned[kind] + k + 1);
        renamed.emplace(engine_id, org.id);
    }
    // Mergers name their counterparts.
    auto rename = [&](std::vector<std::string>& ids) {
        for (auto& id : ids)
            if (const auto it = renamed.find(id); it != renamed.end()) id = it->second;
    };
    for (auto& rec : records)
        for (auto& e : rec.events) {
            if (auto* started = std::get_if<ReorganizationStarted>(&e.data)) rename(started->counterparts);
            if (auto* completed = std::get_if<ReorganizationCompleted>(&e.data)) rename(completed->counterparts);
        }
    Registry out(at_as_of.law_ptr(), at_as_of.areas_ptr());
    out.info() = at_as_of.info();
    out.reserve(records.size());
    out.add(std::move(records));
    return out;
}

}  // namespace detail

/// A registry generated from `profile` and `seed`: the same profile and seed give the same registry, whatever
/// the options. Throws Error when the profile cannot be met (e.g. more suspended organisations than qualify);
/// a generated history that the registry refused would be a bug and is reported as the registry's Error.
Registry synthesize(const Profile& profile, std::uint64_t seed, const SynthesisOptions& options) {
    using namespace detail;
    if (profile.history_until < profile.as_of)
        throw Error(ErrorCode::invalid_value, "profile " + profile.name + ": history_until is before as_of");
    Registry registry;  // on Vietnam's framework and areas, which the library parses once
    if (options.law || options.areas)
        registry = Registry(options.law ? options.law : registry.law_ptr(),
                            options.areas ? options.areas : registry.areas_ptr());
    registry.info() =
        RegistryInfo{profile.title, profile.source, true, profile.as_of, std::nullopt, profile.title_vi, profile.source_vi};
    Context ctx{profile, registry.law(), registry.areas(), latest_closed_year(profile.as_of), {}, 0, {}};
    const SeedTree root(seed);
    for (std::size_t p = 0; p < profile.populations.size(); ++p) ctx.plans.push_back(Planner(ctx, p, root).run());
    {
        std::int32_t from = profile.as_of.year();
        for (const auto& plan : ctx.plans)
            if (!plan.orgs.empty()) from = std::min(from, plan.orgs.front().registered.year());
        ctx.tabulate_growth(from, profile.as_of.year());
    }

    const std::size_t batch = std::max<std::size_t>(options.batch, 1);
    const unsigned threads = std::max(1u, options.threads ? options.threads : std::thread::hardware_concurrency());

    // Batches are written on `threads` threads, each taking every threads-th organisation; the registry
    // validates one batch while the next is written.
    auto write = [&ctx, threads](std::size_t population, std::size_t from, std::size_t to) {
        std::vector<OrganizationRecord> records(to - from);
        std::vector<std::exception_ptr> failed(threads);
        auto work = [&](unsigned t) {
            try {
                for (std::size_t i = from + t; i < to; i += threads)
                    records[i - from] = History(ctx, population, i).build();
            } catch (...) {
                failed[t] = std::current_exception();
            }
        };
        std::vector<std::thread> helpers;
        for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(work, t);
        work(0);
        for (auto& h : helpers) h.join();
        for (const auto& e : failed)
            if (e) std::rethrow_exception(e);
        return records;
    };
    struct Batch {
        std::size_t population, from, to;
    };
    std::vector<Batch> batches;
    std::size_t total = 0;
    for (const auto& plan : ctx.plans) total += plan.orgs.size();
    registry.reserve(total);
    for (std::size_t p = 0; p < ctx.plans.size(); ++p)
        for (std::size_t from = 0; from < ctx.plans[p].orgs.size(); from += batch)
            batches.push_back({p, from, std::min(from + batch, ctx.plans[p].orgs.size())});
    std::future<std::vector<OrganizationRecord>> next;
    if (!batches.empty())
        next = std::async(std::launch::async, write, batches[0].population, batches[0].from, batches[0].to);
    for (std::size_t b = 0; b < batches.size(); ++b) {
        auto records = next.get();
        if (b + 1 < batches.size())
            next = std::async(std::launch::async, write, batches[b + 1].population, batches[b + 1].from,
                              batches[b + 1].to);
        registry.add(std::move(records));
    }
    if (months_after(profile) == 0) return registry;
    return continue_after(ctx, registry, seed);
}

Registry synthesize(const Profile& profile, std::uint64_t seed) {
    return synthesize(profile, seed, SynthesisOptions{});
}

}  // namespace coopecon::simulation
