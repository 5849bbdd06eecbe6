#include "indicators/accumulation.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/core/parallel.hpp>
#include <coopecon/indicators/render.hpp>
#include <coopecon/model/area_catalog.hpp>
#include <coopecon/registry/registry.hpp>

#include <algorithm>
#include <cmath>
#include <new>
#include <string>

namespace coopecon::indicators::detail {

namespace {

template <class T>
std::size_t intern(std::vector<T>& list, const T& value) {
    auto it = std::find(list.begin(), list.end(), value);
    if (it != list.end()) return static_cast<std::size_t>(it - list.begin());
    list.push_back(value);
    return list.size() - 1;
}

template <class T>
void widen(const std::vector<T>& column, std::size_t begin, std::size_t n, std::int64_t* out) {
    const T* p = column.data() + begin;
    for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<std::int64_t>(p[i]);
}

/// Adds up columns of a snapshot row by row.
template <class... Column>
void add_up(std::size_t b, std::size_t n, std::int64_t* out, const Column&... columns) {
    for (std::size_t i = 0; i < n; ++i) out[i] = (std::int64_t{0} + ... + columns[b + i]);
}

// The rows of model/state_fields.hpp that are indicator fields: a column, or a sum of columns.
#define COOPECON_DETAIL_SNAPSHOT_COLUMN(C, column) , s.column
#define COOPECON_DETAIL_LOAD_stored(name, from) widen(s.name, b, n, out)
#define COOPECON_DETAIL_LOAD_derived(name, from) widen(s.name, b, n, out)
#define COOPECON_DETAIL_LOAD_attribute(name, from) widen(s.name, b, n, out)
#define COOPECON_DETAIL_LOAD_sum(name, from) \
    add_up(b, n, out COOPECON_STATE_FIELD_EACH(COOPECON_DETAIL_SNAPSHOT_COLUMN, from))
#define COOPECON_DETAIL_LOAD(name, type, role, source, from, indicator, ...) \
    COOPECON_STATE_FIELD_IF(indicator)(case Field::name: return COOPECON_DETAIL_LOAD_##source(name, from);)

void load(Field f, const Snapshot& s, std::size_t b, std::size_t n, std::int64_t* out) {
    switch (f) {
        case Field::one: std::fill(out, out + n, 1); return;
        COOPECON_STATE_FIELDS(COOPECON_DETAIL_LOAD)
    }
}

#undef COOPECON_DETAIL_LOAD
#undef COOPECON_DETAIL_LOAD_stored
#undef COOPECON_DETAIL_LOAD_derived
#undef COOPECON_DETAIL_LOAD_attribute
#undef COOPECON_DETAIL_LOAD_sum

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

void evaluate(const Condition& c, const BlockInputs& in, std::size_t b, std::size_t n, std::uint8_t* out) {
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

template <class E>
KeyCell enum_cell(E v) {
    return {std::string(enum_name(v)), Text(label(v))};
}

/// The distinct (group, commune) pairs, counted per group into per_group_counts (per_group) or in all.
std::int64_t distinct(std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs, bool per_group,
                      std::vector<std::int64_t>& per_group_counts) {
    if (!per_group)
        for (auto& p : pairs) p.first = 0;
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    if (per_group)
        for (const auto& p : pairs) ++per_group_counts[p.first];
    return static_cast<std::int64_t>(pairs.size());
}

#define COOPECON_DETAIL_COLUMN_POINTER(C, column) .add(&Snapshot::column)
#define COOPECON_DETAIL_COLUMNS_stored(name, from) c.add(&Snapshot::name)
#define COOPECON_DETAIL_COLUMNS_derived(name, from) c.add(&Snapshot::name)
#define COOPECON_DETAIL_COLUMNS_attribute(name, from) c.add(&Snapshot::name)
#define COOPECON_DETAIL_COLUMNS_sum(name, from) c COOPECON_STATE_FIELD_EACH(COOPECON_DETAIL_COLUMN_POINTER, from)
#define COOPECON_DETAIL_COLUMNS(name, type, role, source, from, indicator, ...) \
    COOPECON_STATE_FIELD_IF(indicator)(case Field::name: COOPECON_DETAIL_COLUMNS_##source(name, from); break;)

/// The columns of a snapshot that `load` reads for a field.
SnapshotColumns field_columns(Field f) {
    auto c = SnapshotColumns::none();
    switch (f) {
        case Field::one: break;
        COOPECON_STATE_FIELDS(COOPECON_DETAIL_COLUMNS)
    }
    return c;
}

#undef COOPECON_DETAIL_COLUMNS
#undef COOPECON_DETAIL_COLUMNS_stored
#undef COOPECON_DETAIL_COLUMNS_derived
#undef COOPECON_DETAIL_COLUMNS_attribute
#undef COOPECON_DETAIL_COLUMNS_sum
#undef COOPECON_DETAIL_COLUMN_POINTER
#undef COOPECON_DETAIL_SNAPSHOT_COLUMN

/// The columns of a snapshot that `evaluate` reads for a condition (the members and the class come from
/// `Plan::needs_members` and `Plan::needs_class`).
SnapshotColumns condition_columns(const Condition& c) {
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

}  // namespace

// ---- Plan ------------------------------------------------------------------------------------------------

std::size_t Plan::filter_index(const Filter& f) {
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

std::size_t Plan::accumulator(const Expression& e) {
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

void Plan::add(const Expression& e) {
    if (e.op == Expression::Op::sum || e.op == Expression::Op::distinct_communes) {
        accumulator(e);
        return;
    }
    if (e.operands.size() != 2) throw Error(ErrorCode::invalid_value, "a ratio or difference needs two operands");
    for (const auto& o : e.operands) add(o);
}

// ---- KeySpace --------------------------------------------------------------------------------------------

KeySpace::KeySpace(const std::vector<GroupKey>& by, const AreaCatalog& areas, Date units_as_of,
                   std::size_t size_classes)
    : keys(by) {
    for (const auto& k : keys) {
        std::uint32_t r = 0;
        std::vector<std::uint32_t> codes;
        std::vector<AreaIndex> level_units;
        switch (k.kind) {
            case KeyKind::area: {
                std::vector<AreaIndex> unit_of(areas.size());
                std::vector<std::uint8_t> is_unit(areas.size(), 0);
                for (AreaIndex a = 0; a < areas.size(); ++a) {
                    unit_of[a] = reporting_unit(areas, a, k.level, units_as_of);
                    if (unit_of[a] != no_index) is_unit[unit_of[a]] = 1;
                }
                std::vector<std::uint32_t> code_of_unit(areas.size(), no_index);
                for (AreaIndex u = 0; u < areas.size(); ++u)
                    if (is_unit[u]) {
                        code_of_unit[u] = static_cast<std::uint32_t>(level_units.size());
                        level_units.push_back(u);
                    }
                r = static_cast<std::uint32_t>(level_units.size()) + 1;
                codes.resize(areas.size());
                for (AreaIndex a = 0; a < areas.size(); ++a) codes[a] = unit_of[a] == no_index ? r - 1 : code_of_unit[unit_of[a]];
                break;
            }
            case KeyKind::region: {
                // Each area maps to the region of the province that covers it on the units date; `units` holds
                // region indexes here.
                const auto& regions = areas.regions();
                r = static_cast<std::uint32_t>(regions.size()) + 1;
                codes.assign(areas.size(), r - 1);
                for (AreaIndex a = 0; a < areas.size(); ++a) {
                    const auto province = reporting_unit(areas, a, AreaLevel::province, units_as_of);
                    if (province == no_index || !areas[province].region) continue;
                    for (std::uint32_t g = 0; g < regions.size(); ++g)
                        if (regions[g].id == *areas[province].region) codes[a] = g;
                }
                for (std::uint32_t g = 0; g < regions.size(); ++g) level_units.push_back(g);
                break;
            }
            case KeyKind::kind: r = enum_count<OrgKind>; break;
            case KeyKind::sector: r = enum_count<Sector>; break;
            case KeyKind::status: r = enum_count<LegalStatus>; break;
            case KeyKind::size_class: r = static_cast<std::uint32_t>(size_classes); break;
        }
        // The largest code, combinations − 1, must stay below no_code.
        if (combinations > (no_code - 1) / r)
            throw Error(ErrorCode::usage, "the combinations of the group keys cannot be numbered in 64 bits; "
                                          "group by fewer keys");
        radix.push_back(r);
        area_code.push_back(std::move(codes));
        units.push_back(std::move(level_units));
        combinations *= r;
    }
    commune_of.resize(areas.size());
    for (AreaIndex a = 0; a < areas.size(); ++a) commune_of[a] = reporting_unit(areas, a, AreaLevel::commune, units_as_of);
}

void KeySpace::codes(const Snapshot& s, std::size_t b, std::size_t n, const std::vector<SizeClass>& size_classes,
                     std::uint64_t* code) const {
    std::fill(code, code + n, std::uint64_t{0});
    std::uint64_t stride = combinations;
    for (std::size_t k = 0; k < keys.size(); ++k) {
        stride /= radix[k];
        const auto st = stride;
        switch (keys[k].kind) {
            case KeyKind::area:
            case KeyKind::region: {
                const auto& map = area_code[k];
                const std::uint64_t none = radix[k] - 1;
                const AreaIndex* area = s.area.data() + b;
                for (std::size_t i = 0; i < n; ++i) code[i] += st * (area[i] < map.size() ? map[area[i]] : none);
                break;
            }
            case KeyKind::kind:
                for (std::size_t i = 0; i < n; ++i) code[i] += st * static_cast<std::uint64_t>(s.kind[b + i]);
                break;
            case KeyKind::sector:
                for (std::size_t i = 0; i < n; ++i) code[i] += st * static_cast<std::uint64_t>(s.sector[b + i]);
                break;
            case KeyKind::status:
                for (std::size_t i = 0; i < n; ++i) code[i] += st * static_cast<std::uint64_t>(s.status[b + i]);
                break;
            case KeyKind::size_class:
                for (std::size_t i = 0; i < n; ++i) {
                    const auto r = b + i;
                    const std::int64_t m = std::int64_t{s.official_members[r]} + s.capital_associates[r] +
                                           s.non_capital_associates[r];
                    std::uint64_t c = size_classes.size() - 1;
                    while (c > 0 && m < size_classes[c].min_members) --c;
                    code[i] += st * c;
                }
                break;
        }
    }
    for (std::size_t i = 0; i < n; ++i)
        if (!s.exists[b + i]) code[i] = no_code;
}

std::vector<KeyCell> KeySpace::cells(std::uint64_t combined, const AreaCatalog& areas,
                                     const std::vector<SizeClass>& size_classes) const {
    std::vector<KeyCell> out(keys.size());
    for (std::size_t k = keys.size(); k-- > 0;) {
        const auto c = static_cast<std::uint32_t>(combined % radix[k]);
        combined /= radix[k];
        switch (keys[k].kind) {
            case KeyKind::area:
                if (c == radix[k] - 1) {
                    out[k] = {"none", Text{"(no unit at this level)", "(không có đơn vị ở cấp này)"}};
                } else {
                    const auto& unit = areas[units[k][c]];
                    out[k] = {unit.code, Text{unit.name, unit.name}};
                }
                break;
            case KeyKind::region:
                if (c == radix[k] - 1) {
                    out[k] = {"none", Text{"(no region)", "(không thuộc vùng nào)"}};
                } else {
                    const auto& region = areas.regions()[units[k][c]];
                    out[k] = {region.id, Text{region.name_en, region.name_vi}};
                }
                break;
            case KeyKind::kind: out[k] = enum_cell(static_cast<OrgKind>(c)); break;
            case KeyKind::sector: out[k] = enum_cell(static_cast<Sector>(c)); break;
            case KeyKind::status: out[k] = enum_cell(static_cast<LegalStatus>(c)); break;
            case KeyKind::size_class: out[k] = {size_classes[c].id, size_classes[c].label}; break;
        }
    }
    return out;
}

// ---- Compiled --------------------------------------------------------------------------------------------

Compiled Compiled::from(const Expression& e, Plan& plan) {
    Compiled c;
    c.op = e.op;
    c.scale = e.scale;
    if (e.op == Expression::Op::sum || e.op == Expression::Op::distinct_communes) c.accumulator = plan.accumulator(e);
    for (const auto& o : e.operands) c.operands.push_back(from(o, plan));
    return c;
}

template <class Leaf>
Value Compiled::evaluate(const Leaf& leaf) const {
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

// ---- Accumulation ----------------------------------------------------------------------------------------

namespace {
bool fits_int64(const Value& v) {
    return !v.integral || (v.integer >= std::numeric_limits<std::int64_t>::min() &&
                           v.integer <= std::numeric_limits<std::int64_t>::max());
}
}  // namespace

Accumulation::Role::Role(const Plan& plan, bool previous)
    : filter_used(plan.filters.size(), 0), condition_used(plan.conditions.size(), 0), field_used(plan.fields.size(), 0) {
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

Accumulation::Accumulation(Query q, const Period& period, const AreaCatalog& areas)
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

SnapshotColumns Accumulation::columns(bool previous) const { return columns_read(q_, previous); }

void Accumulation::add(const Snapshot& s, std::size_t b, std::size_t n, bool previous) {
    const Role& role = roles_[previous];
    for (std::size_t end = b + n; b < end; b += block_rows) add_block(s, b, std::min(block_rows, end - b), role);
}

void Accumulation::add_block(const Snapshot& s, std::size_t b, std::size_t n, const Role& role) {
    const auto A = plan_.accumulators.size();
    // A block whose rows are all in one group (or in none) adds up in a register instead of through memory.
    space_.codes(s, b, n, q_.size_classes, codes_.data());
    std::uint32_t only = no_index;
    bool mixed = false;
    try {
        for (std::size_t i = 0; i < n; ++i) {
            g_[i] = codes_[i] == no_code ? no_index : groups_.of(codes_[i]);
            if (g_[i] == no_index) continue;
            mixed = mixed || (only != no_index && g_[i] != only);
            only = g_[i];
        }
        if (only == no_index) return;
        sums_.resize(groups_.size() * A, 0);
    } catch (const std::bad_alloc&) {
        throw Error(ErrorCode::usage, "too many groups: the " + std::to_string(groups_.size()) +
                                          " combinations of group keys met so far, with " + std::to_string(A) +
                                          " sums each, do not fit in memory; group by fewer keys");
    }

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
        Wide* sums = sums_.data() + a;
        if (mixed) {
            for (std::size_t i = 0; i < n; ++i)
                if (mask[i]) sums[g_[i] * A] += v[i];
        } else {
            Wide total = 0;  // rows outside every group have mask 0; no branch
            for (std::size_t i = 0; i < n; ++i) total += v[i] & -static_cast<std::int64_t>(mask[i]);
            sums[only * A] += total;
        }
    }
}

void Accumulation::merge(const Accumulation& other) {
    const auto A = plan_.accumulators.size();
    std::vector<std::uint32_t> group(other.groups_.size());
    for (std::size_t g = 0; g < group.size(); ++g) group[g] = groups_.of(other.groups_.code(g));
    sums_.resize(groups_.size() * A, 0);
    for (std::size_t g = 0; g < group.size() && (g + 1) * A <= other.sums_.size(); ++g)
        for (std::size_t a = 0; a < A; ++a) sums_[group[g] * A + a] += other.sums_[g * A + a];
    for (std::size_t a = 0; a < A; ++a)
        for (const auto& [g, commune] : other.communes_[a]) communes_[a].emplace_back(group[g], commune);
}

void Accumulation::append_to(Table& t, bool period_key) const {
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
        return [&, g](std::size_t a) -> Wide {
            if (plan_.accumulators[a].op == Expression::Op::distinct_communes) return communes_per_group[a][g];
            return sums_[g * A + a];
        };
    };
    auto leaf_total = [&](std::size_t a) -> Wide {
        if (plan_.accumulators[a].op == Expression::Op::distinct_communes) return communes_total[a][0];
        Wide total = 0;
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
            if (col.integral && !fits_int64(value)) {
                // A whole number beyond 64 bits (money summed over organisations): the column is shown as reals
                // from here on, approximate in the last digits but never wrapped round to a wrong sign.
                col.reals.assign(col.integers.begin(), col.integers.end());
                col.integers.clear();
                col.integral = false;
            }
            if (col.integral) col.integers.push_back(static_cast<std::int64_t>(value.integer));
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

// ---- feeding accumulations -------------------------------------------------------------------------------

void accumulate_replayed(const Registry& reg, std::span<Accumulation> accs, unsigned threads,
                         const CancellationToken* cancel, std::size_t max_dates) {
    constexpr std::size_t min_part = 16384;  // fewer organisations than this are not worth a thread
    constexpr std::size_t chunk = 4096;      // organisations replayed between two readings of the token
    const std::size_t parts = part_count(reg.size(), threads, min_part);
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
        // Part 0 feeds the accumulations themselves, every other part copies of them, merged in part order.
        const std::span<Accumulation> taken = accs.subspan(first, last - first);
        std::vector<std::vector<Accumulation>> copies(parts - 1, std::vector<Accumulation>(taken.begin(), taken.end()));
        for_each_chunk(reg.size(), parts, chunk, cancel, [&](std::size_t k, std::size_t begin, std::size_t end) {
            const std::span<Accumulation> fed = k == 0 ? taken : std::span<Accumulation>(copies[k - 1]);
            reg.for_each_snapshot_block(dates, columns, begin, end, [&](std::size_t, std::span<const Snapshot> blocks) {
                for (std::size_t a = 0; a < fed.size(); ++a) {
                    auto& acc = fed[a];
                    const auto& [at_end, before] = reads[a];
                    acc.add(blocks[at_end], 0, blocks[at_end].size(), false);
                    if (acc.needs_previous()) acc.add(blocks[before], 0, blocks[before].size(), true);
                }
            });
        });
        for (const auto& part : copies)
            for (std::size_t a = 0; a < taken.size(); ++a) taken[a].merge(part[a]);
        first = last;
    }
}

SnapshotColumns columns_read(const Query& q, bool previous) {
    Plan plan;
    for (const auto& ind : q.indicators) plan.add(ind.expression);
    auto out = SnapshotColumns::none();
    if (previous && !plan.needs_previous) return out;
    for (const auto& k : q.by) switch (k.kind) {
            case KeyKind::area:
            case KeyKind::region: out.add(&Snapshot::area); break;
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

}  // namespace coopecon::indicators::detail
