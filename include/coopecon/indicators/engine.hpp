#pragma once
// The group-by engine. A query (indicators, grouping keys, reporting units, size classes, scoring hooks) is
// compiled once into distinct conditions, filters, fields and accumulators (a field summed over a filter, or
// the distinct communes of a filter); each snapshot is then read in one pass per grouping: group ids are
// computed once per row, and rows are processed in blocks where every condition, filter and field is
// evaluated once and every accumulator adds its block in a tight loop. The rows come from whole snapshots or,
// for a registry, straight from its replay without any whole snapshot. Indicators are evaluated afterwards,
// per group, from the accumulated sums: no indicator reads the rows itself.

#include <coopecon/core/error.hpp>
#include <coopecon/indicators/building_blocks.hpp>
#include <coopecon/indicators/group_key.hpp>
#include <coopecon/indicators/indicator.hpp>
#include <coopecon/indicators/period.hpp>
#include <coopecon/indicators/render.hpp>
#include <coopecon/indicators/scoring_hooks.hpp>
#include <coopecon/indicators/table.hpp>
#include <coopecon/model/area_catalog.hpp>
#include <coopecon/registry/registry.hpp>
#include <coopecon/registry/snapshot.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace coopecon::indicators {

struct Query {
    std::vector<Indicator> indicators;
    std::vector<GroupKey> by;               // none: one row of totals
    std::optional<Date> units_as_of;        // areas are reported in the units valid then; default: the period's end
    std::vector<SizeClass> size_classes = tt01_2020_size_classes();
    ScoringHooks scoring;
    bool totals = true;                     // add a totals row (per period in a series); always one without keys
};

namespace detail {

inline constexpr std::size_t block_rows = 1024;
inline constexpr std::uint8_t unrated = 0xFF;

struct Accumulator {
    Expression::Op op = Expression::Op::sum;
    std::size_t filter = 0;
    Field field = Field::one;
    bool previous = false;
};

/// The query's distinct parts, each evaluated once per block.
struct Plan {
    std::vector<Condition> conditions;
    std::vector<std::vector<std::size_t>> filters;  // condition indices
    std::vector<Filter> filter_values;
    std::vector<Field> fields;
    std::vector<Accumulator> accumulators;
    bool needs_members = false;
    bool needs_class = false;
    bool needs_previous = false;

    template <class T>
    static std::size_t intern(std::vector<T>& list, const T& value) {
        auto it = std::find(list.begin(), list.end(), value);
        if (it != list.end()) return static_cast<std::size_t>(it - list.begin());
        list.push_back(value);
        return list.size() - 1;
    }

    std::size_t filter_index(const Filter& f) {
        const auto before = filter_values.size();
        const auto index = intern(filter_values, f);
        if (filter_values.size() > before) {
            std::vector<std::size_t> conds;
            for (const auto& c : f.all) {
                conds.push_back(intern(conditions, c));
                if (c.test == Test::size_class || (c.test == Test::range && c.field == Field::members)) needs_members = true;
                if (c.test == Test::rated || c.test == Test::classified) needs_class = true;
                if (c.test == Test::range) intern(fields, c.field);
            }
            filters.push_back(std::move(conds));
        }
        return index;
    }

    std::size_t accumulator(const Expression& e) {
        Accumulator a{e.op, filter_index(e.filter), e.op == Expression::Op::sum ? e.field : Field::one, e.previous};
        if (a.field == Field::members) needs_members = true;
        intern(fields, a.field);
        needs_previous = needs_previous || e.previous;
        for (std::size_t i = 0; i < accumulators.size(); ++i) {
            const auto& b = accumulators[i];
            if (b.op == a.op && b.filter == a.filter && b.field == a.field && b.previous == a.previous) return i;
        }
        accumulators.push_back(a);
        return accumulators.size() - 1;
    }

    void add(const Expression& e) {
        if (e.op == Expression::Op::sum || e.op == Expression::Op::distinct_communes) {
            accumulator(e);
            return;
        }
        if (e.operands.size() != 2) throw Error(ErrorCode::invalid_value, "a ratio or difference needs two operands");
        for (const auto& o : e.operands) add(o);
    }
};

template <class T>
void widen(const std::vector<T>& column, std::size_t begin, std::size_t n, std::int64_t* out) {
    const T* p = column.data() + begin;
    for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<std::int64_t>(p[i]);
}

inline void load(Field f, const Snapshot& s, std::size_t b, std::size_t n, std::int64_t* out) {
    switch (f) {
        case Field::one: std::fill(out, out + n, 1); return;
        case Field::members: {
            const auto *o = s.official_members.data() + b, *c = s.capital_associates.data() + b,
                       *x = s.non_capital_associates.data() + b;
            for (std::size_t i = 0; i < n; ++i) out[i] = std::int64_t{o[i]} + c[i] + x[i];
            return;
        }
        case Field::official_members: return widen(s.official_members, b, n, out);
        case Field::capital_associates: return widen(s.capital_associates, b, n, out);
        case Field::non_capital_associates: return widen(s.non_capital_associates, b, n, out);
        case Field::individual_members: return widen(s.individual_members, b, n, out);
        case Field::household_members: return widen(s.household_members, b, n, out);
        case Field::legal_entity_members: return widen(s.legal_entity_members, b, n, out);
        case Field::cooperative_members: return widen(s.cooperative_members, b, n, out);
        case Field::foreign_official_members: return widen(s.foreign_official_members, b, n, out);
        case Field::charter_capital: return widen(s.charter_capital, b, n, out);
        case Field::revenue: return widen(s.revenue, b, n, out);
        case Field::costs: return widen(s.costs, b, n, out);
        case Field::pre_tax_profit: return widen(s.pre_tax_profit, b, n, out);
        case Field::internal_revenue: return widen(s.internal_revenue, b, n, out);
        case Field::workers: return widen(s.workers, b, n, out);
        case Field::wages: return widen(s.wages, b, n, out);
        case Field::financial_year: return widen(s.financial_year, b, n, out);
        case Field::assessment_points: return widen(s.assessment_points, b, n, out);
        case Field::ocop_products: {
            for (std::size_t i = 0; i < n; ++i)
                out[i] = std::int64_t{s.ocop_1_star[b + i]} + s.ocop_2_stars[b + i] + s.ocop_3_stars[b + i] +
                         s.ocop_4_stars[b + i] + s.ocop_5_stars[b + i];
            return;
        }
        case Field::ocop_1_star: return widen(s.ocop_1_star, b, n, out);
        case Field::ocop_2_stars: return widen(s.ocop_2_stars, b, n, out);
        case Field::ocop_3_stars: return widen(s.ocop_3_stars, b, n, out);
        case Field::ocop_4_stars: return widen(s.ocop_4_stars, b, n, out);
        case Field::ocop_5_stars: return widen(s.ocop_5_stars, b, n, out);
    }
}

template <class E>
void in_set(const std::vector<E>& column, std::size_t b, std::size_t n, std::uint32_t set, std::uint8_t* out) {
    const E* p = column.data() + b;
    for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<std::uint8_t>((set >> static_cast<unsigned>(p[i])) & 1u);
}

/// What a block's conditions read besides the snapshot.
struct BlockInputs {
    const Snapshot* s = nullptr;
    std::int32_t period_start = 0;  // day count
    std::int32_t latest_year = 0;   // results and assessments count from this year on
    const std::int64_t* members = nullptr;
    const std::uint8_t* classes = nullptr;
    const std::vector<SizeClass>* size_classes = nullptr;
    const std::vector<Field>* fields = nullptr;
    const std::vector<std::vector<std::int64_t>>* field_values = nullptr;
};

inline void evaluate(const Condition& c, const BlockInputs& in, std::size_t b, std::size_t n, std::uint8_t* out) {
    const Snapshot& s = *in.s;
    switch (c.test) {
        case Test::registered: std::copy_n(s.exists.data() + b, n, out); return;
        case Test::existing:
            for (std::size_t i = 0; i < n; ++i) out[i] = s.status[b + i] != LegalStatus::terminated;
            return;
        case Test::kind: return in_set(s.kind, b, n, c.set, out);
        case Test::status: return in_set(s.status, b, n, c.set, out);
        case Test::sector: return in_set(s.sector, b, n, c.set, out);
        case Test::ended_by:
            in_set(s.ended_by, b, n, c.set, out);
            for (std::size_t i = 0; i < n; ++i) out[i] &= s.ended_by[b + i] != Ending::none;
            return;
        case Test::size_class: {
            const auto& classes = *in.size_classes;
            for (std::size_t i = 0; i < n; ++i) {
                std::size_t k = classes.size() - 1;
                while (k > 0 && in.members[i] < classes[k].min_members) --k;
                out[i] = static_cast<std::uint8_t>((c.set >> k) & 1u);
            }
            return;
        }
        case Test::new_in_period:
            for (std::size_t i = 0; i < n; ++i) out[i] = s.registered_on[b + i] >= in.period_start;
            return;
        case Test::terminated_in_period:
            for (std::size_t i = 0; i < n; ++i)
                out[i] = s.status[b + i] == LegalStatus::terminated && s.status_since[b + i] >= in.period_start;
            return;
        case Test::converted_in_period:
            for (std::size_t i = 0; i < n; ++i)
                out[i] = s.converted_on[b + i] != no_date && s.converted_on[b + i] >= in.period_start;
            return;
        case Test::with_results:
            for (std::size_t i = 0; i < n; ++i) out[i] = s.financial_year[b + i] >= in.latest_year;
            return;
        case Test::certified:
            for (std::size_t i = 0; i < n; ++i) out[i] = (s.certifications[b + i] & c.set) != 0;
            return;
        case Test::rated:
            for (std::size_t i = 0; i < n; ++i) out[i] = in.classes[i] != unrated;
            return;
        case Test::classified:
            for (std::size_t i = 0; i < n; ++i)
                out[i] = in.classes[i] != unrated && ((c.set >> in.classes[i]) & 1u);
            return;
        case Test::not_at_address: std::copy_n(s.not_at_address.data() + b, n, out); return;
        case Test::range: {
            const auto f = static_cast<std::size_t>(std::find(in.fields->begin(), in.fields->end(), c.field) - in.fields->begin());
            const std::int64_t* v = (*in.field_values)[f].data();
            for (std::size_t i = 0; i < n; ++i) out[i] = v[i] >= c.min && v[i] <= c.max;
            return;
        }
    }
}

/// Maps registered areas to the reporting unit of each area key, once per query.
struct KeySpace {
    std::vector<GroupKey> keys;
    std::vector<std::uint32_t> radix;               // domain size per key
    std::vector<std::vector<std::uint32_t>> area_unit;  // per key: AreaIndex → unit code (radix − 1: none)
    std::vector<std::uint32_t> commune_of;          // AreaIndex → commune unit on the units date, or no_index
    std::uint64_t combinations = 1;

    static std::uint32_t unit(const AreaCatalog& areas, AreaIndex a, AreaLevel level, Date units) {
        const auto recorded = areas.at_level(a, level);
        if (recorded == no_index) return no_index;
        return areas.at_level(areas.on(recorded, units), level);
    }

    KeySpace(const std::vector<GroupKey>& by, const AreaCatalog& areas, Date units, std::size_t size_classes)
        : keys(by) {
        for (const auto& k : keys) {
            std::uint32_t r = 0;
            std::vector<std::uint32_t> map;
            switch (k.kind) {
                case KeyKind::area: {
                    r = static_cast<std::uint32_t>(areas.size()) + 1;
                    map.resize(areas.size());
                    for (AreaIndex a = 0; a < areas.size(); ++a) {
                        const auto u = unit(areas, a, k.level, units);
                        map[a] = u == no_index ? r - 1 : u;
                    }
                    break;
                }
                case KeyKind::kind: r = enum_count<OrgKind>; break;
                case KeyKind::sector: r = enum_count<Sector>; break;
                case KeyKind::status: r = enum_count<LegalStatus>; break;
                case KeyKind::size_class: r = static_cast<std::uint32_t>(size_classes); break;
            }
            radix.push_back(r);
            area_unit.push_back(std::move(map));
            combinations *= r;
        }
        if (combinations > (1u << 26))
            throw Error(ErrorCode::usage, "too many combinations of group keys (" + std::to_string(combinations) + ")");
        commune_of.resize(areas.size());
        for (AreaIndex a = 0; a < areas.size(); ++a) commune_of[a] = unit(areas, a, AreaLevel::commune, units);
    }

    /// The combined key codes of rows [b, b + n) of a snapshot: no_index for a row not registered on its date.
    void codes(const Snapshot& s, std::size_t b, std::size_t n, const std::vector<SizeClass>& size_classes,
               std::uint32_t* code) const {
        std::fill(code, code + n, 0u);
        std::uint64_t stride = combinations;
        for (std::size_t k = 0; k < keys.size(); ++k) {
            stride /= radix[k];
            const auto st = static_cast<std::uint32_t>(stride);
            switch (keys[k].kind) {
                case KeyKind::area: {
                    const auto& map = area_unit[k];
                    const auto none = radix[k] - 1;
                    const AreaIndex* area = s.area.data() + b;
                    for (std::size_t i = 0; i < n; ++i) code[i] += st * (area[i] < map.size() ? map[area[i]] : none);
                    break;
                }
                case KeyKind::kind:
                    for (std::size_t i = 0; i < n; ++i) code[i] += st * static_cast<std::uint32_t>(s.kind[b + i]);
                    break;
                case KeyKind::sector:
                    for (std::size_t i = 0; i < n; ++i) code[i] += st * static_cast<std::uint32_t>(s.sector[b + i]);
                    break;
                case KeyKind::status:
                    for (std::size_t i = 0; i < n; ++i) code[i] += st * static_cast<std::uint32_t>(s.status[b + i]);
                    break;
                case KeyKind::size_class:
                    for (std::size_t i = 0; i < n; ++i) {
                        const auto r = b + i;
                        const std::int64_t m = std::int64_t{s.official_members[r]} + s.capital_associates[r] +
                                               s.non_capital_associates[r];
                        std::uint32_t c = static_cast<std::uint32_t>(size_classes.size() - 1);
                        while (c > 0 && m < size_classes[c].min_members) --c;
                        code[i] += st * c;
                    }
                    break;
            }
        }
        for (std::size_t i = 0; i < n; ++i)
            if (!s.exists[b + i]) code[i] = no_index;
    }

    /// The key cells of a combined code.
    std::vector<KeyCell> cells(std::uint64_t combined, const AreaCatalog& areas,
                               const std::vector<SizeClass>& size_classes) const {
        std::vector<KeyCell> out(keys.size());
        for (std::size_t k = keys.size(); k-- > 0;) {
            const auto c = static_cast<std::uint32_t>(combined % radix[k]);
            combined /= radix[k];
            switch (keys[k].kind) {
                case KeyKind::area:
                    if (c == radix[k] - 1) out[k] = {"none", Text{"(no unit at this level)", "(không có đơn vị ở cấp này)"}};
                    else out[k] = {areas[c].code, Text{areas[c].name, areas[c].name}};
                    break;
                case KeyKind::kind: out[k] = enum_cell(static_cast<OrgKind>(c)); break;
                case KeyKind::sector: out[k] = enum_cell(static_cast<Sector>(c)); break;
                case KeyKind::status: out[k] = enum_cell(static_cast<LegalStatus>(c)); break;
                case KeyKind::size_class: out[k] = {size_classes[c].id, size_classes[c].label}; break;
            }
        }
        return out;
    }

    template <class E>
    static KeyCell enum_cell(E v) {
        return {std::string(enum_name(v)), Text(label(v))};
    }
};

struct Value {
    bool integral = true;
    std::int64_t integer = 0;
    double real = 0;
    double as_double() const noexcept { return integral ? static_cast<double>(integer) : real; }
};

/// An expression with its leaves resolved to accumulators, so evaluation per group only does arithmetic.
struct Compiled {
    Expression::Op op = Expression::Op::sum;
    std::size_t accumulator = 0;
    double scale = 1;
    std::vector<Compiled> operands;

    static Compiled from(const Expression& e, Plan& plan) {
        Compiled c;
        c.op = e.op;
        c.scale = e.scale;
        if (e.op == Expression::Op::sum || e.op == Expression::Op::distinct_communes) c.accumulator = plan.accumulator(e);
        for (const auto& o : e.operands) c.operands.push_back(from(o, plan));
        return c;
    }

    template <class Leaf>
    Value evaluate(const Leaf& leaf) const {
        switch (op) {
            case Expression::Op::sum:
            case Expression::Op::distinct_communes: return {true, leaf(accumulator), 0};
            case Expression::Op::ratio: {
                const auto num = operands[0].evaluate(leaf), den = operands[1].evaluate(leaf);
                const double d = den.as_double();
                return {false, 0, d == 0 || std::isnan(d) ? std::nan("") : num.as_double() / d * scale};
            }
            case Expression::Op::difference: {
                const auto a = operands[0].evaluate(leaf), b = operands[1].evaluate(leaf);
                if (a.integral && b.integral) return {true, a.integer - b.integer, 0};
                return {false, 0, a.as_double() - b.as_double()};
            }
        }
        return {};
    }
};

inline std::int64_t distinct(std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs, bool per_group,
                             std::vector<std::int64_t>& per_group_counts) {
    if (!per_group)
        for (auto& p : pairs) p.first = 0;
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    if (per_group)
        for (const auto& p : pairs) ++per_group_counts[p.first];
    return static_cast<std::int64_t>(pairs.size());
}

/// The columns of a snapshot that `load` reads for a field.
inline SnapshotColumns field_columns(Field f) {
    auto c = SnapshotColumns::none();
    switch (f) {
        case Field::one: break;
        case Field::members:
            c.add(&Snapshot::official_members).add(&Snapshot::capital_associates).add(&Snapshot::non_capital_associates);
            break;
        case Field::official_members: c.add(&Snapshot::official_members); break;
        case Field::capital_associates: c.add(&Snapshot::capital_associates); break;
        case Field::non_capital_associates: c.add(&Snapshot::non_capital_associates); break;
        case Field::individual_members: c.add(&Snapshot::individual_members); break;
        case Field::household_members: c.add(&Snapshot::household_members); break;
        case Field::legal_entity_members: c.add(&Snapshot::legal_entity_members); break;
        case Field::cooperative_members: c.add(&Snapshot::cooperative_members); break;
        case Field::foreign_official_members: c.add(&Snapshot::foreign_official_members); break;
        case Field::charter_capital: c.add(&Snapshot::charter_capital); break;
        case Field::revenue: c.add(&Snapshot::revenue); break;
        case Field::costs: c.add(&Snapshot::costs); break;
        case Field::pre_tax_profit: c.add(&Snapshot::pre_tax_profit); break;
        case Field::internal_revenue: c.add(&Snapshot::internal_revenue); break;
        case Field::workers: c.add(&Snapshot::workers); break;
        case Field::wages: c.add(&Snapshot::wages); break;
        case Field::financial_year: c.add(&Snapshot::financial_year); break;
        case Field::assessment_points: c.add(&Snapshot::assessment_points); break;
        case Field::ocop_products:
            c.add(&Snapshot::ocop_1_star).add(&Snapshot::ocop_2_stars).add(&Snapshot::ocop_3_stars);
            c.add(&Snapshot::ocop_4_stars).add(&Snapshot::ocop_5_stars);
            break;
        case Field::ocop_1_star: c.add(&Snapshot::ocop_1_star); break;
        case Field::ocop_2_stars: c.add(&Snapshot::ocop_2_stars); break;
        case Field::ocop_3_stars: c.add(&Snapshot::ocop_3_stars); break;
        case Field::ocop_4_stars: c.add(&Snapshot::ocop_4_stars); break;
        case Field::ocop_5_stars: c.add(&Snapshot::ocop_5_stars); break;
    }
    return c;
}

/// The columns of a snapshot that `evaluate` reads for a condition (the members and the class come from
/// `Plan::needs_members` and `Plan::needs_class`).
inline SnapshotColumns condition_columns(const Condition& c) {
    auto out = SnapshotColumns::none();
    switch (c.test) {
        case Test::registered:
        case Test::size_class:
        case Test::rated:
        case Test::classified: break;
        case Test::existing:
        case Test::status: out.add(&Snapshot::status); break;
        case Test::kind: out.add(&Snapshot::kind); break;
        case Test::sector: out.add(&Snapshot::sector); break;
        case Test::ended_by: out.add(&Snapshot::ended_by); break;
        case Test::new_in_period: out.add(&Snapshot::registered_on); break;
        case Test::terminated_in_period: out.add(&Snapshot::status).add(&Snapshot::status_since); break;
        case Test::converted_in_period: out.add(&Snapshot::converted_on); break;
        case Test::with_results: out.add(&Snapshot::financial_year); break;
        case Test::certified: out.add(&Snapshot::certifications); break;
        case Test::not_at_address: out.add(&Snapshot::not_at_address); break;
        case Test::range: out.add(field_columns(c.field)); break;
    }
    return out;
}

/// The columns of the period's end snapshot (previous = false) or of the earlier one (previous = true) that
/// `append_period` reads for a query.
inline SnapshotColumns columns_read(const Query& q, bool previous) {
    Plan plan;
    for (const auto& ind : q.indicators) plan.add(ind.expression);
    auto out = SnapshotColumns::none();
    if (previous && !plan.needs_previous) return out;
    for (const auto& k : q.by) switch (k.kind) {
            case KeyKind::area: out.add(&Snapshot::area); break;
            case KeyKind::kind: out.add(&Snapshot::kind); break;
            case KeyKind::sector: out.add(&Snapshot::sector); break;
            case KeyKind::status: out.add(&Snapshot::status); break;
            case KeyKind::size_class: out.add(field_columns(Field::members)); break;
        }
    if (plan.needs_members) out.add(field_columns(Field::members));
    if (plan.needs_class)
        out.add(&Snapshot::assessment_year).add(&Snapshot::assessment_scheme).add(&Snapshot::assessment_points)
            .add(&Snapshot::sanction_year).add(&Snapshot::kind).add(&Snapshot::sector);
    for (const auto& a : plan.accumulators) {
        if (a.previous != previous) continue;
        out.add(field_columns(a.field));
        if (a.op == Expression::Op::distinct_communes) out.add(&Snapshot::area);
        for (auto c : plan.filters[a.filter]) out.add(condition_columns(plan.conditions[c]));
    }
    return out;
}

/// Dense group numbers for the combined key codes met so far, in order of first appearance. Key spaces of up
/// to a million combinations are looked up in a flat table, larger ones in a hash map.
class GroupIds {
public:
    explicit GroupIds(std::uint64_t combinations) {
        if (combinations <= flat_limit) flat_.assign(combinations, no_index);
    }
    std::uint32_t of(std::uint32_t code) {
        auto& id = flat_.empty() ? sparse_.try_emplace(code, no_index).first->second : flat_[code];
        if (id == no_index) {
            id = static_cast<std::uint32_t>(codes_.size());
            codes_.push_back(code);
        }
        return id;
    }
    std::size_t size() const noexcept { return codes_.size(); }
    /// The combined key code of group g.
    std::uint32_t code(std::size_t g) const noexcept { return codes_[g]; }

private:
    static constexpr std::uint64_t flat_limit = std::uint64_t{1} << 20;
    std::vector<std::uint32_t> flat_;
    std::unordered_map<std::uint32_t, std::uint32_t> sparse_;
    std::vector<std::uint32_t> codes_;
};

/// One period of one query, accumulated from snapshot rows given a block at a time: from whole snapshots, or
/// straight from a replay (Registry::for_each_snapshot_block) without any column of the registry's size.
/// Group ids are numbered as key combinations first appear; the table lists the groups in key order.
class Accumulation {
public:
    Accumulation(Query q, const Period& period, const AreaCatalog& areas)
        : q_(std::move(q)), period_(period), areas_(&areas),
          space_(q_.by, areas, q_.units_as_of.value_or(period.end), q_.size_classes.size()),
          groups_(space_.combinations) {
        check_size_classes(q_.size_classes);
        for (const auto& ind : q_.indicators) {
            plan_.add(ind.expression);
            compiled_.push_back(Compiled::from(ind.expression, plan_));
        }
        communes_.resize(plan_.accumulators.size());
        for (bool previous : {false, true}) roles_[previous] = Role(plan_, previous);
        field_values_.assign(plan_.fields.size(), std::vector<std::int64_t>(block_rows));
        condition_masks_.assign(plan_.conditions.size(), std::vector<std::uint8_t>(block_rows));
        filter_masks_.assign(plan_.filters.size(), std::vector<std::uint8_t>(block_rows));
    }

    const Period& period() const noexcept { return period_; }
    /// Whether an indicator reads the snapshot at the day before the period's start.
    bool needs_previous() const noexcept { return plan_.needs_previous; }
    /// The columns read of the period's end snapshot (previous = false) or of the earlier one.
    SnapshotColumns columns(bool previous) const { return columns_read(q_, previous); }

    /// Adds rows [b, b + n) of the snapshot at the period's end (previous = false) or at the day before its
    /// start (previous = true).
    void add(const Snapshot& s, std::size_t b, std::size_t n, bool previous) {
        const Role& role = roles_[previous];
        for (std::size_t end = b + n; b < end; b += block_rows) add_block(s, b, std::min(block_rows, end - b), role);
    }

    /// Appends the period's rows (one per group in key order, then the totals) to t; its columns are made on
    /// the first period.
    void append_to(Table& t, bool period_key) const {
        const auto G = groups_.size();
        const auto A = plan_.accumulators.size();
        std::vector<std::vector<std::int64_t>> communes_per_group(A), communes_total(A, std::vector<std::int64_t>(1));
        for (std::size_t a = 0; a < A; ++a) {
            if (plan_.accumulators[a].op != Expression::Op::distinct_communes) continue;
            communes_per_group[a].assign(G, 0);
            communes_total[a][0] = distinct(communes_[a], false, communes_total[a]);
            distinct(communes_[a], true, communes_per_group[a]);
        }
        auto leaf_for_group = [&](std::size_t g) {
            return [&, g](std::size_t a) -> std::int64_t {
                if (plan_.accumulators[a].op == Expression::Op::distinct_communes) return communes_per_group[a][g];
                return sums_[g * A + a];
            };
        };
        auto leaf_total = [&](std::size_t a) -> std::int64_t {
            if (plan_.accumulators[a].op == Expression::Op::distinct_communes) return communes_total[a][0];
            std::int64_t total = 0;
            for (std::size_t g = 0; g < G; ++g) total += sums_[g * A + a];
            return total;
        };

        const std::size_t key_offset = period_key ? 1 : 0;
        if (t.keys.empty() && t.values.empty()) {
            if (period_key) t.keys.push_back({"period", Text{"Period", "Kỳ"}, {}});
            for (const auto& k : q_.by) t.keys.push_back({std::string(k.id()), k.label(), {}});
            for (const auto& ind : q_.indicators)
                t.values.push_back({ind.id, ind.label, ind.unit, ind.decimals, ind.expression.integral(), {}, {}});
        }
        auto add_row = [&](std::vector<KeyCell> cells, bool total, auto&& leaf) {
            if (period_key) t.keys[0].cells.push_back({period_.id, Text{period_.id, period_.id}});
            for (std::size_t k = 0; k < cells.size(); ++k) t.keys[k + key_offset].cells.push_back(std::move(cells[k]));
            for (std::size_t v = 0; v < q_.indicators.size(); ++v) {
                const auto value = compiled_[v].evaluate(leaf);
                auto& col = t.values[v];
                if (col.integral) col.integers.push_back(value.integer);
                else col.reals.push_back(value.as_double());
            }
            t.totals.push_back(total ? 1 : 0);
        };
        // Without keys the one group is the total.
        if (!q_.by.empty()) {
            std::vector<std::uint32_t> in_key_order(G);
            for (std::uint32_t g = 0; g < G; ++g) in_key_order[g] = g;
            std::sort(in_key_order.begin(), in_key_order.end(),
                      [&](std::uint32_t x, std::uint32_t y) { return groups_.code(x) < groups_.code(y); });
            for (auto g : in_key_order)
                add_row(space_.cells(groups_.code(g), *areas_, q_.size_classes), false, leaf_for_group(g));
        }
        if (q_.totals || q_.by.empty()) {
            std::vector<KeyCell> cells(q_.by.size());
            if (!cells.empty()) cells[0] = {"total", Text(total_label)};
            add_row(std::move(cells), true, leaf_total);
        }
    }

private:
    /// The accumulators of one snapshot (the end one or the earlier one) and what they read.
    struct Role {
        std::vector<std::size_t> active;  // accumulators
        std::vector<std::size_t> active_fields;  // their field indices
        std::vector<std::uint8_t> filter_used, condition_used, field_used;

        Role() = default;
        Role(const Plan& plan, bool previous)
            : filter_used(plan.filters.size(), 0), condition_used(plan.conditions.size(), 0),
              field_used(plan.fields.size(), 0) {
            auto field_index = [&](Field f) {
                return static_cast<std::size_t>(std::find(plan.fields.begin(), plan.fields.end(), f) - plan.fields.begin());
            };
            for (std::size_t a = 0; a < plan.accumulators.size(); ++a) {
                const auto& acc = plan.accumulators[a];
                if (acc.previous != previous) continue;
                active.push_back(a);
                active_fields.push_back(field_index(acc.field));
                filter_used[acc.filter] = 1;
                field_used[active_fields.back()] = 1;
            }
            for (std::size_t f = 0; f < plan.filters.size(); ++f)
                if (filter_used[f])
                    for (auto c : plan.filters[f]) {
                        condition_used[c] = 1;
                        if (plan.conditions[c].test == Test::range) field_used[field_index(plan.conditions[c].field)] = 1;
                    }
        }
    };

    void add_block(const Snapshot& s, std::size_t b, std::size_t n, const Role& role) {
        const auto A = plan_.accumulators.size();
        // A block whose rows are all in one group (or in none) adds up in a register instead of through memory.
        space_.codes(s, b, n, q_.size_classes, g_.data());
        std::uint32_t only = no_index;
        bool mixed = false;
        for (std::size_t i = 0; i < n; ++i) {
            if (g_[i] == no_index) continue;
            g_[i] = groups_.of(g_[i]);
            mixed = mixed || (only != no_index && g_[i] != only);
            only = g_[i];
        }
        if (only == no_index) return;
        sums_.resize(groups_.size() * A, 0);

        BlockInputs in;
        in.s = &s;
        in.period_start = period_.start.days_since_epoch();
        in.latest_year = s.as_of.year() - 1;
        in.members = members_.data();
        in.classes = classes_.data();
        in.size_classes = &q_.size_classes;
        in.fields = &plan_.fields;
        in.field_values = &field_values_;
        if (plan_.needs_members) load(Field::members, s, b, n, members_.data());
        if (plan_.needs_class)
            for (std::size_t i = 0; i < n; ++i) {
                const auto r = b + i;
                if (s.assessment_year[r] < in.latest_year || s.assessment_year[r] == 0) {
                    classes_[i] = unrated;
                    continue;
                }
                const AssessmentFacts facts{s.assessment_year[r], s.assessment_scheme[r], s.assessment_points[r],
                                            s.sanction_year[r] == s.assessment_year[r], s.kind[r], s.sector[r]};
                classes_[i] = static_cast<std::uint8_t>(q_.scoring.classify(facts));
            }
        for (std::size_t f = 0; f < plan_.fields.size(); ++f)
            if (role.field_used[f]) load(plan_.fields[f], s, b, n, field_values_[f].data());
        for (std::size_t c = 0; c < plan_.conditions.size(); ++c)
            if (role.condition_used[c]) evaluate(plan_.conditions[c], in, b, n, condition_masks_[c].data());
        for (std::size_t f = 0; f < plan_.filters.size(); ++f) {
            if (!role.filter_used[f]) continue;
            auto* mask = filter_masks_[f].data();
            for (std::size_t i = 0; i < n; ++i) mask[i] = g_[i] != no_index;
            for (auto c : plan_.filters[f]) {
                const auto* cm = condition_masks_[c].data();
                for (std::size_t i = 0; i < n; ++i) mask[i] &= cm[i];
            }
        }
        for (std::size_t k = 0; k < role.active.size(); ++k) {
            const auto a = role.active[k];
            const auto& acc = plan_.accumulators[a];
            const auto* mask = filter_masks_[acc.filter].data();
            if (acc.op == Expression::Op::distinct_communes) {
                for (std::size_t i = 0; i < n; ++i) {
                    if (!mask[i]) continue;
                    const auto area = s.area[b + i];
                    const auto commune = area < space_.commune_of.size() ? space_.commune_of[area] : no_index;
                    if (commune != no_index) communes_[a].emplace_back(g_[i], commune);
                }
                continue;
            }
            const auto* v = field_values_[role.active_fields[k]].data();
            std::int64_t* sums = sums_.data() + a;
            if (mixed) {
                for (std::size_t i = 0; i < n; ++i)
                    if (mask[i]) sums[g_[i] * A] += v[i];
            } else {
                std::int64_t total = 0;  // rows outside every group have mask 0; no branch, so it vectorises
                for (std::size_t i = 0; i < n; ++i) total += v[i] & -static_cast<std::int64_t>(mask[i]);
                sums[only * A] += total;
            }
        }
    }

    Query q_;
    Period period_;
    const AreaCatalog* areas_;
    KeySpace space_;
    Plan plan_;
    std::vector<Compiled> compiled_;
    std::array<Role, 2> roles_;
    GroupIds groups_;
    std::vector<std::int64_t> sums_;  // [group * accumulators + accumulator]
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> communes_;  // per accumulator: (group, commune)
    // Per block, reused.
    std::array<std::uint32_t, block_rows> g_{};
    std::vector<std::vector<std::int64_t>> field_values_;
    std::vector<std::vector<std::uint8_t>> condition_masks_;
    std::vector<std::vector<std::uint8_t>> filter_masks_;
    std::array<std::int64_t, block_rows> members_{};
    std::array<std::uint8_t, block_rows> classes_{};
};

/// Feeds accumulations from replays of the registry: their snapshots come a block of organisations at a time,
/// so no snapshot column of the registry's size is made. Accumulations are taken in order, as many at a time
/// as have at most `max_dates` snapshot dates between them (memory grows with the dates, not the registry).
inline void accumulate_replayed(const Registry& reg, std::span<Accumulation> accs, std::size_t max_dates = 32) {
    for (std::size_t first = 0; first < accs.size();) {
        std::vector<Date> dates;
        std::size_t last = first;
        for (; last < accs.size(); ++last) {
            auto with = dates;
            with.push_back(accs[last].period().end);
            if (accs[last].needs_previous()) with.push_back(accs[last].period().start.plus_days(-1));
            std::sort(with.begin(), with.end());
            with.erase(std::unique(with.begin(), with.end()), with.end());
            if (last > first && with.size() > max_dates) break;
            dates = std::move(with);
        }
        auto index_of = [&](Date d) { return static_cast<std::size_t>(std::lower_bound(dates.begin(), dates.end(), d) - dates.begin()); };
        // Per accumulation, the snapshots it reads: [end, before] as indices in dates.
        std::vector<std::array<std::size_t, 2>> reads;
        std::vector<SnapshotColumns> columns(dates.size(), SnapshotColumns::none());
        for (std::size_t a = first; a < last; ++a) {
            const auto& acc = accs[a];
            reads.push_back({index_of(acc.period().end), acc.needs_previous() ? index_of(acc.period().start.plus_days(-1)) : 0});
            columns[reads.back()[0]].add(acc.columns(false));
            if (acc.needs_previous()) columns[reads.back()[1]].add(acc.columns(true));
        }
        reg.for_each_snapshot_block(dates, columns, [&](std::size_t, std::span<const Snapshot> blocks) {
            for (std::size_t a = first; a < last; ++a) {
                auto& acc = accs[a];
                const auto& [end, before] = reads[a - first];
                acc.add(blocks[end], 0, blocks[end].size(), false);
                if (acc.needs_previous()) acc.add(blocks[before], 0, blocks[before].size(), true);
            }
        });
        first = last;
    }
}

}  // namespace detail

/// One period over snapshots taken elsewhere: `end` at the period's end and, when an indicator compares with
/// the previous period, `before` at the day before its start.
inline Table compute(const Snapshot& end, const Snapshot* before, const Period& period, const AreaCatalog& areas,
                     const Query& q) {
    detail::Accumulation acc(q, period, areas);
    if (acc.needs_previous() && !before)
        throw Error(ErrorCode::usage, "an indicator compares with the previous period, but no earlier snapshot was given");
    acc.add(end, 0, end.size(), false);
    if (acc.needs_previous()) acc.add(*before, 0, before->size(), true);
    Table t;
    acc.append_to(t, false);
    return t;
}

/// The columns of the snapshots that `compute(end, before, …)` reads for a query: of `end`, and of `before`.
inline std::pair<SnapshotColumns, SnapshotColumns> columns_read(const Query& q) {
    return {detail::columns_read(q, false), detail::columns_read(q, true)};
}

/// One period of a registry: [period.start, period.end], from one replay that makes no whole snapshot.
inline Table compute(const Registry& reg, const Query& q, const Period& period) {
    detail::Accumulation acc(q, period, reg.areas());
    detail::accumulate_replayed(reg, std::span<detail::Accumulation>(&acc, 1));
    Table t;
    acc.append_to(t, false);
    return t;
}

/// A series: one block of rows per period (a period key column first), areas in the units of one date for
/// every period (q.units_as_of, default the last period's end) so that the periods compare.
inline Table compute(const Registry& reg, Query q, const std::vector<Period>& periods) {
    if (periods.empty()) throw Error(ErrorCode::usage, "a series needs at least one period");
    if (!q.units_as_of) q.units_as_of = periods.back().end;
    std::vector<detail::Accumulation> accs;
    accs.reserve(periods.size());
    for (const auto& p : periods) accs.emplace_back(q, p, reg.areas());
    detail::accumulate_replayed(reg, accs);
    Table t;
    for (const auto& acc : accs) acc.append_to(t, true);
    return t;
}

}  // namespace coopecon::indicators
