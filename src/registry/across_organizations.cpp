#include "registry/across_organizations.hpp"

#include "history/replay_effects.hpp"

#include <coopecon/core/enum_text.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <type_traits>
#include <utility>

namespace coopecon::detail {

namespace {

bool names(const std::vector<std::string>& ids, std::string_view id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::string form_text(ReorganizationForm f) {
    switch (f) {
        case ReorganizationForm::division: return "division";
        case ReorganizationForm::split_off: return "split-off";
        case ReorganizationForm::consolidation: return "consolidation";
        default: return "merger";
    }
}

const char* field_of(const Link& l) { return l.type == EventType::registered ? "predecessors" : "counterparts"; }

/// What a reorganisation moves from one organisation to another, as the replay holds it at the end of a day:
/// members by kind (3) and by type (4), foreign-investor official members, the official members' and the
/// associates' capital, the charter capital and the indivisible fund.
constexpr std::size_t quantities = 12;
using Holding = std::array<std::int64_t, quantities>;

Holding holding_of(const OrgState& s) {
    const auto& m = s.members;
    return {m.by_kind[0], m.by_kind[1], m.by_kind[2], m.by_type[0], m.by_type[1], m.by_type[2], m.by_type[3],
            m.foreign_official, m.capital_official, m.capital_associates, s.charter_capital, s.indivisible_fund};
}

std::string quantity_name(std::size_t q) {
    if (q < 3) return std::string(enum_name(static_cast<MemberKind>(q))) + " members";
    if (q < 7) return "members of type " + std::string(enum_name(static_cast<MemberType>(q - 3)));
    static constexpr const char* rest[] = {"foreign-investor official members", "official members' capital",
                                           "capital-contributing associates' capital", "charter capital",
                                           "indivisible fund"};
    return rest[q - 7];
}

class Checker {
public:
    Checker(const law::Framework& law, const FindOrg& find, Problems& problems)
        : law_(law), find_(find), problems_(problems) {}

    void check(const OrgView& t) {
        const auto& links = links_of(t);
        for (const auto& l : links) {
            const auto before = problems_.size();
            if (l.given) {
                self_references(t, l);
                if (l.type == EventType::registered) {
                    predecessors(t, l);
                    cycle(t, l);
                } else if (l.type == EventType::reorganization_completed) {
                    counterparts(t, l);
                }
            }
            // What passes between two sides that do not name each other is not judged on top of that.
            if (l.type != EventType::reorganization_started && !l.ids.empty() && problems_.size() == before)
                transfer(t, l);
        }
        member_organizations(t);
    }

private:
    // ---- what each organisation names ---------------------------------------------------------------------

    const std::vector<Link>& links_of(const OrgView& v) {
        if (v.links) return *v.links;
        // Not a structured binding: clang 14 (the fuzz preset's compiler) cannot capture one in a lambda.
        const auto inserted = decoded_.try_emplace(v.org->id);
        auto& links = inserted.first->second;
        if (inserted.second)
            v.log.replay_until(Date::max(), [&](Date d, const auto& p) {
                if (auto l = link_of(Event{d, EventData{p}}, {})) {
                    l->given = false;
                    links.push_back(std::move(*l));
                }
            });
        return links;
    }

    std::optional<Date> registered_on(const OrgView& v) {
        std::optional<Date> first;
        v.log.cursor().replay_until(Date::max(), [&](Date d, const auto&) {
            if (!first) first = d;
        });
        return first;
    }

    /// The state of `v` at the end of `d`, replayed as the registry replays it.
    OrgState state_on(const OrgView& v, Date d) {
        Replay r(v.org->kind, v.members, law_);
        v.log.replay_until(d, [&](Date day, const auto& p) { apply_event(r, day, p); });
        r.settle(d);
        return r.state();
    }

    Problem& problem(const OrgView& t, const Link& l, std::string rule, std::string path, std::string message) {
        auto p = Problem::at(ErrorCode::integrity, std::move(message), std::move(path));
        p.organization = t.org->id;
        p.event = std::string(enum_name(l.type));
        p.date = l.date;
        p.rule = std::move(rule);
        problems_.push_back(std::move(p));
        return problems_.back();
    }
    static std::string at(const Link& l, std::size_t k) {
        return (l.path.empty() ? std::string() : l.path + ".") + field_of(l) + "[" + std::to_string(k) + "]";
    }

    // ---- the rules ----------------------------------------------------------------------------------------

    void self_references(const OrgView& t, const Link& l) {
        for (std::size_t k = 0; k < l.ids.size(); ++k)
            if (l.ids[k] == t.org->id)
                problem(t, l, "integrity.self_reference", at(l, k),
                        "organization " + t.org->id + " names itself among its " + field_of(l));
    }

    /// A successor's registration: each predecessor completes, on that day, the reorganisation that forms it.
    void predecessors(const OrgView& s, const Link& r) {
        const std::string& id = s.org->id;
        for (std::size_t k = 0; k < r.ids.size(); ++k) {
            const auto& pid = r.ids[k];
            const auto p = pid == id ? std::nullopt : find_(pid);
            if (!p) continue;
            if (const auto since = registered_on(*p); since && *since > r.date) {
                problem(s, r, "integrity.successor_registered_on_completion", at(r, k),
                        id + " is registered on " + r.date.iso() + ", before its predecessor " + pid +
                            " was registered on " + since->iso());
                continue;
            }
            const auto& theirs = links_of(*p);
            const auto completes = [&](const Link& c) {
                return c.type == EventType::reorganization_completed && c.form == r.form && names(c.ids, id);
            };
            const auto it = std::find_if(theirs.begin(), theirs.end(), completes);
            if (it == theirs.end())
                problem(s, r, "integrity.reorganization_counterparts", at(r, k),
                        id + " is formed by " + form_text(r.form) + " from " + pid + ", but " + pid +
                            " records no reorganization_completed (" + std::string(enum_name(r.form)) +
                            ") naming " + id);
            else if (it->date != r.date && !it->given)  // a completion given with it reports the date itself
                problem(s, r, "integrity.successor_registered_on_completion", at(r, k),
                        id + " is registered on " + r.date.iso() + ", but the " + form_text(r.form) + " of " + pid +
                            " that forms it completes on " + it->date.iso() +
                            "; a successor is registered on the day the reorganization completes");
        }
    }

    /// A completed reorganisation: what it names is on the other side of it, on the same day.
    void counterparts(const OrgView& x, const Link& c) {
        const std::string& id = x.org->id;
        const bool one = c.form == ReorganizationForm::merger_into || c.form == ReorganizationForm::consolidation;
        if (one && c.ids.size() > 1)
            problem(x, c, "integrity.reorganization_counterparts", c.path.empty() ? "counterparts" : c.path + ".counterparts",
                    c.form == ReorganizationForm::merger_into
                        ? "a merged organization is absorbed by one receiving organization; " +
                              std::to_string(c.ids.size()) + " are named"
                        : "a consolidation forms one new organization; " + std::to_string(c.ids.size()) +
                              " are named");
        for (std::size_t k = 0; k < c.ids.size(); ++k) {
            const auto& oid = c.ids[k];
            const auto o = oid == id ? std::nullopt : find_(oid);
            if (!o) continue;
            const auto& theirs = links_of(*o);
            if (c.form == ReorganizationForm::merger_into || c.form == ReorganizationForm::merger_receiving) {
                const auto other = c.form == ReorganizationForm::merger_into ? ReorganizationForm::merger_receiving
                                                                             : ReorganizationForm::merger_into;
                const auto it = std::find_if(theirs.begin(), theirs.end(), [&](const Link& l) {
                    return l.type == EventType::reorganization_completed && l.form == other && names(l.ids, id);
                });
                // The receiving side reports a missing absorbed side only; a date that differs is reported once,
                // by the absorbed side.
                if (it == theirs.end())
                    problem(x, c, "integrity.reorganization_counterparts", at(c, k),
                            id + " completes a merger (" + std::string(enum_name(c.form)) + ") with " + oid + ", but " +
                                oid + " records no reorganization_completed (" + std::string(enum_name(other)) +
                                ") naming " + id);
                else if (it->date != c.date && c.form == ReorganizationForm::merger_into)
                    problem(x, c, "integrity.reorganization_counterparts", at(c, k),
                            id + " is absorbed by " + oid + " on " + c.date.iso() + ", but " + oid +
                                " completes receiving it on " + it->date.iso());
                continue;
            }
            const auto it = std::find_if(theirs.begin(), theirs.end(), [&](const Link& l) {
                return l.type == EventType::registered && l.form == c.form && names(l.ids, id);
            });
            if (it == theirs.end())
                problem(x, c, "integrity.reorganization_counterparts", at(c, k),
                        id + " completes a " + form_text(c.form) + " forming " + oid + ", but " + oid +
                            " is not registered as formed by " + std::string(enum_name(c.form)) + " from " + id);
            else if (it->date != c.date)
                problem(x, c, "integrity.successor_registered_on_completion", at(c, k),
                        "the " + form_text(c.form) + " of " + id + " completes on " + c.date.iso() + ", but " + oid +
                            " is registered on " + it->date.iso() +
                            "; a successor is registered on the day the reorganization completes");
        }
    }

    /// No organisation is formed, through its predecessors, from itself.
    void cycle(const OrgView& s, const Link& r) {
        const std::string& id = s.org->id;
        for (std::size_t k = 0; k < r.ids.size(); ++k) {
            if (r.ids[k] == id) continue;  // a self-reference, reported as such
            std::vector<std::string> stack{r.ids[k]};
            std::set<std::string, std::less<>> seen;
            bool found = false;
            while (!stack.empty() && !found) {
                const std::string next = std::move(stack.back());
                stack.pop_back();
                if (!seen.insert(next).second) continue;
                const auto v = find_(next);
                if (!v) continue;
                for (const auto& l : links_of(*v)) {
                    if (l.type != EventType::registered) continue;
                    if (names(l.ids, id)) found = true;
                    for (const auto& up : l.ids) stack.push_back(up);
                }
            }
            if (found)
                problem(s, r, "integrity.reorganization_cycle", at(r, k),
                        id + " is formed from " + r.ids[k] + ", which is itself formed from " + id +
                            " (a cycle of reorganizations)");
        }
    }

    /// On the day a reorganisation completes, what the organisations concerned give up their successors receive:
    /// the holdings of the group, summed, are the same at the end of the day as at the end of the day before.
    void transfer(const OrgView& t, const Link& trigger) {
        const Date d = trigger.date;
        if (checked_.count({d, t.org->id})) return;
        std::vector<std::string> group{t.org->id};
        std::set<std::string, std::less<>> in_group{t.org->id};
        std::map<std::string, OrgView, std::less<>> views{{t.org->id, t}};
        for (std::size_t g = 0; g < group.size(); ++g) {
            const auto& v = views.at(group[g]);
            for (const auto& l : links_of(v)) {
                if (l.date != d || l.type == EventType::reorganization_started) continue;
                for (const auto& other : l.ids) {
                    if (in_group.count(other)) continue;
                    auto o = find_(other);
                    if (!o) continue;
                    in_group.insert(other);
                    group.push_back(other);
                    views.emplace(other, std::move(*o));
                }
            }
        }
        for (const auto& id : group) checked_.insert({d, id});
        if (group.size() < 2) return;

        Holding given{}, received{};
        for (const auto& id : group) {
            const auto& v = views.at(id);
            const auto before = registered_on(v) < d ? holding_of(state_on(v, d.plus_days(-1))) : Holding{};
            const auto after = holding_of(state_on(v, d));
            for (std::size_t q = 0; q < quantities; ++q) {
                // Values are never negative, so the difference fits; a sum that does not saturates.
                const std::int64_t delta = after[q] - before[q];
                auto& sum = delta < 0 ? given[q] : received[q];
                if (__builtin_add_overflow(sum, delta < 0 ? -delta : delta, &sum))
                    sum = std::numeric_limits<std::int64_t>::max();
            }
        }
        std::string differences;
        for (std::size_t q = 0; q < quantities; ++q)
            if (given[q] != received[q])
                differences += (differences.empty() ? "" : "; ") + quantity_name(q) + ": " + std::to_string(given[q]) +
                               " given, " + std::to_string(received[q]) + " received";
        if (differences.empty()) return;
        std::string ids;
        for (const auto& id : group) ids += (ids.empty() ? "" : ", ") + id;
        // Blamed on the receiving side where it was given: that is where the transfer is recorded.
        const OrgView* at_org = &t;
        const Link* at_link = &trigger;
        for (const auto& id : group) {
            const auto& v = views.at(id);
            if (!v.links) continue;
            for (const auto& l : *v.links)
                if (l.date == d && l.given &&
                    (l.type == EventType::registered || l.form == ReorganizationForm::merger_receiving)) {
                    at_org = &v;
                    at_link = &l;
                }
        }
        problem(*at_org, *at_link, "integrity.reorganization_transfer", at_link->path,
                "the " + form_text(trigger.form) + " completed on " + d.iso() + " between " + ids +
                    " does not pass on what is given: " + differences +
                    " (the organizations concerned record only the reorganization on that day)");
    }

    /// Members that are organisations of the registry: not the organisation itself, recorded, and for the official
    /// members of a union, cooperatives on the day they join (Law 17/2023/QH15 Art 34; Law 23/2012/QH13 Art 3.2).
    void member_organizations(const OrgView& t) {
        const std::string& id = t.org->id;
        const std::string prefix = t.where.empty() ? std::string() : t.where + ".";
        for (std::size_t m = 0; m < t.members.size(); ++m) {
            const auto& member = t.members[m];
            if (!member.organization) continue;
            const std::string path = prefix + "members[" + std::to_string(m) + "].organization";
            auto report = [&](ErrorCode code, std::string rule, std::string message) -> Problem& {
                auto p = Problem::at(code, std::move(message), path);
                p.organization = id;
                p.rule = std::move(rule);
                problems_.push_back(std::move(p));
                return problems_.back();
            };
            if (*member.organization == id) {
                report(ErrorCode::integrity, "integrity.self_reference",
                       "member " + member.id + " of " + id + " is " + id + " itself");
                continue;
            }
            const auto o = find_(*member.organization);
            if (!o) {
                report(ErrorCode::unknown_name, "integrity.member_organization",
                       "member " + member.id + " names no organization of the registry: no organization with id " +
                           *member.organization);
                continue;
            }
            if (t.org->kind != OrgKind::union_of_cooperatives) continue;
            t.log.replay_until(Date::max(), [&](Date d, const auto& p) {
                using P = std::decay_t<decltype(p)>;
                if constexpr (std::is_same_v<P, MemberJoined>) {
                    if (p.member != member.id || p.kind != MemberKind::official) return;
                    const auto s = state_on(*o, d);
                    if (!s.registered) {
                        auto& x = report(ErrorCode::integrity, "integrity.member_organization",
                                         "member " + member.id + " (" + *member.organization + ") joins " + id +
                                             " on " + d.iso() + ", before " + *member.organization +
                                             " is registered");
                        x.date = d;
                    } else if (s.kind != OrgKind::cooperative) {
                        auto& x = report(ErrorCode::rule_violation, "member.union_official_is_cooperative",
                                         "an official member of a union of cooperatives must be a cooperative; " +
                                             *member.organization + " (member " + member.id + ") is a " +
                                             std::string(enum_name(s.kind)) + " on " + d.iso());
                        x.date = d;
                        x.legal_basis = law_.basis(x.rule, d);
                    }
                }
            });
        }
    }

    const law::Framework& law_;
    const FindOrg& find_;
    Problems& problems_;
    std::map<std::string, std::vector<Link>, std::less<>> decoded_;
    std::set<std::pair<Date, std::string>> checked_;
};

}  // namespace

std::optional<Link> link_of(const Event& e, std::string path) {
    if (const auto* r = e.get<Registered>(); r && !r->predecessors.empty())
        return Link{EventType::registered, e.date, r->formed_by.value_or(ReorganizationForm::division), r->predecessors,
                    std::move(path)};
    if (const auto* s = e.get<ReorganizationStarted>())
        return Link{EventType::reorganization_started, e.date, s->form, s->counterparts, std::move(path)};
    if (const auto* c = e.get<ReorganizationCompleted>())
        return Link{EventType::reorganization_completed, e.date, c->form, c->counterparts, std::move(path)};
    return std::nullopt;
}

void check_across_organizations(const law::Framework& law, std::span<const OrgView> touched, const FindOrg& find,
                                Problems& problems) {
    Checker checker(law, find, problems);
    for (const auto& t : touched) checker.check(t);
}

}  // namespace coopecon::detail
