#include <coopecon/compliance/check.hpp>
#include <coopecon/compliance/condition_text.hpp>
#include <coopecon/compliance/due_dates.hpp>

#include <coopecon/core/date_text.hpp>
#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/core/parallel.hpp>
#include <coopecon/law/citation.hpp>
#include <coopecon/law/compliance_rule.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/law/law_calendar.hpp>

#include <algorithm>
#include <atomic>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace coopecon::compliance {

namespace {

/// What the records can tell about one organisation: every event from `complete_from` on is recorded (nullopt:
/// from its registration), and its data end on `data_until`.
struct Coverage {
    std::optional<Date> complete_from;
    Date data_until;
};

/// For a finding whose count relies on days before the complete history: the day its threshold is reached at the
/// latest, counting from the history's first day (the condition held then, so it began on that day at the latest).
struct Partial {
    Date history_from;
    Date recorded_threshold;  // as the records before history_from would have it
};

/// The whole message: the condition, since when, and what follows.
std::string message(const Finding& f, law::Rule r, const ConditionPeriod& p, Date as_of, OrgKind kind,
                    const law::LawCalendar& calendar, const std::optional<Partial>& partial, Lang lang) {
    const bool vi = lang == Lang::vi;
    auto date = [&](Date d) { return date_text(d, lang); };
    std::string out = condition_text(r, p, as_of, lang, kind);
    const auto& rule = law::info(r);
    if (rule.form == law::RuleForm::lapse) {
        if (f.severity == Severity::unknown)
            out += vi ? "; lịch sử chỉ đầy đủ từ ngày " + date(partial->history_from) +
                            ", đại hội tổ chức trước ngày đó có thể không được ghi nhận"
                      : "; the history is complete only from " + date(partial->history_from) +
                            ", and an assembly held before then may not be recorded";
        return out;
    }
    if (rule.condition.en.find("{began}") == std::string_view::npos) out += (vi ? " từ " : " since ") + date(f.began);
    if (calendar.law_changes_on(f.counted_from) && f.began < f.counted_from)
        out += vi ? " (tính từ " + date(f.counted_from) + ", ngày luật mới có hiệu lực)"
                  : " (counted from " + date(f.counted_from) + ", when a new law took effect)";
    if (partial)
        out += vi ? " theo số liệu; lịch sử chỉ đầy đủ từ ngày " + date(partial->history_from)
                  : " as recorded; the history is complete only from " + date(partial->history_from);
    const std::string consequence(label(f.consequence).in(lang));
    const std::string months = std::to_string(f.months);
    if (rule.form == law::RuleForm::immediate) return out + ": " + consequence;
    if (f.severity == Severity::unknown)
        return out + (vi ? "; chưa xác định được đã đủ " + months + " tháng hay chưa (theo số liệu: ngày " +
                               date(partial->recorded_threshold) + "); chậm nhất đủ vào ngày " + date(f.threshold) +
                               " nếu không khắc phục"
                         : "; whether the " + months + " months are reached is unknown (as recorded: on " +
                               date(partial->recorded_threshold) + "); they are reached by " + date(f.threshold) +
                               " at the latest unless cured");
    if (f.severity == Severity::due)
        return out + (vi ? "; đủ " + months + " tháng " + (partial ? "chậm nhất " : "") + "vào ngày " +
                               date(f.threshold) + ": "
                         : "; " + months + " months reached " + (partial ? "by " : "on ") + date(f.threshold) +
                               (partial ? " at the latest: " : ": ")) +
               consequence;
    return out + (vi ? "; sẽ đủ " + months + " tháng vào ngày " + date(f.threshold) + " nếu không khắc phục"
                     : "; " + months + " months will be reached on " + date(f.threshold) + " unless cured");
}

/// The severity of a duration finding whose threshold is `t`, or nullopt when it is not yet worth one.
std::optional<Severity> severity_at(Date t, Date as_of, int at_risk_months) {
    if (t <= as_of) return Severity::due;
    if (as_of >= t.plus_months(-at_risk_months)) return Severity::at_risk;
    return std::nullopt;
}

/// The first day of the window in which the annual assembly whose deadline is `deadline`, `months` after the
/// financial year's end on 31 December, could be held: 1 January after that year.
Date assembly_window_start(Date deadline, std::int64_t months) {
    return *Date::from_ymd(deadline.year() - static_cast<int>((months + 11) / 12) + 1, 1, 1);
}

void check_options(const CheckOptions& o) {
    if (o.at_risk_months < 0 || o.at_risk_months > law::max_months)
        throw Error(ErrorCode::usage, "at_risk_months must be from 0 to " + std::to_string(law::max_months) + ", not " +
                                          std::to_string(o.at_risk_months));
    if (o.notice_months < 0 || o.notice_months > law::max_months)
        throw Error(ErrorCode::usage, "notice_months must be from 0 to " + std::to_string(law::max_months) + ", not " +
                                          std::to_string(o.notice_months));
    if (enum_name(o.minimum).empty() || enum_name(o.across_law_change).empty())
        throw Error(ErrorCode::usage, "minimum and across_law_change must be enumerators of their types");
}

/// The framework whose rules the check applies: the options', or else the registry's.
const law::Framework& law_of(const Registry& registry, const CheckOptions& o) {
    return o.law ? *o.law : registry.law();
}

/// The Vietnamese text of each legal basis met so far: a check cites a few dozen bases, each thousands of times.
class CitationsVi {
public:
    const std::string& of(const std::string& basis) {
        for (const auto& [en, vi] : texts_)
            if (en == basis) return vi;
        return texts_.emplace_back(basis, law::citation_text(basis, Lang::vi)).second;
    }

private:
    std::vector<std::pair<std::string, std::string>> texts_;
};

/// The findings of one organisation, appended to `out.findings` in rule order.
void check_one(const Registry& registry, OrgIndex i, Date as_of, const CheckOptions& o,
               const law::LawCalendar& calendar, Date registry_data_until, CitationsVi& citations,
               std::vector<Finding>& out) {
    const auto& law = law_of(registry, o);
    const auto& org = registry.organization(i);
    const Coverage coverage{registry.history_from(i), org.data_until.value_or(registry_data_until)};
    ConditionScan scan(law, calendar, o.across_law_change, org, registry.members(i), every_rule,
                       coverage.complete_from);
    scan.run(registry.log(i), as_of);
    const auto& state = scan.state();
    if (!state.registered || !is_live(state.status)) return;
    // Days before the complete history count only when the organisation existed then.
    const Date history_from = coverage.complete_from.value_or(Date::min());
    const bool partial_history = coverage.complete_from && state.registered_on < history_from;
    for (const auto& p : scan.periods()) {
        const auto& rule = law::info(p.rule);
        Finding f;
        f.began = p.began;
        f.counted_from = p.counted_from;
        std::optional<Partial> partial;
        Date basis_on = as_of;
        switch (rule.form) {
            case law::RuleForm::duration: {
                if (p.until) continue;
                const auto crossed = due_date(law, p.rule, p.began, p.counted_from, o.across_law_change);
                if (!crossed) continue;
                auto severity = severity_at(*crossed, as_of, o.at_risk_months);
                if (!severity) continue;
                f.threshold = *crossed;
                if (partial_history && p.counted_from < history_from) {
                    // Counted from days the history may not record: only the count from its first day is sure.
                    const auto latest = law::period_runs_out(law, *rule.months, history_from, o.across_law_change);
                    partial = Partial{history_from, *crossed};
                    if (latest && *latest <= as_of) {
                        f.threshold = *latest;
                        f.counted_from = history_from;
                    } else {
                        severity = Severity::unknown;
                        if (latest) f.threshold = *latest;
                    }
                }
                f.severity = *severity;
                if (f.severity != Severity::due) basis_on = f.threshold;
                f.months = static_cast<std::int32_t>(law.value(*rule.months, f.threshold).value_or(0));
                f.consequence = law.value(law::Param::authority_dissolution_allowed, basis_on).value_or(0) == 1
                                    ? Consequence::compulsory_dissolution
                                    : Consequence::revocation_ground;
                break;
            }
            case law::RuleForm::immediate:
                if (p.until) continue;
                f.severity = Severity::due;
                f.threshold = p.began;
                f.consequence = Consequence::termination_ground;
                break;
            case law::RuleForm::lapse:
                if (p.until && *p.until <= as_of.plus_months(-o.notice_months)) continue;
                f.severity = Severity::notice;
                // A late annual assembly may have been held on a day the history does not record.
                if (partial_history && p.rule == law::Rule::annual_assembly_late && p.deadline && p.limit &&
                    assembly_window_start(*p.deadline, *p.limit) < history_from) {
                    f.severity = Severity::unknown;
                    partial = Partial{history_from, p.began};
                }
                f.threshold = p.began;
                f.consequence = Consequence::administrative_lapse;
                basis_on = p.began;
                break;
        }
        if (f.severity < o.minimum) continue;
        f.organization = org.id;
        f.rule = std::string(rule.id);
        f.observed = p.observed;
        f.limit = p.limit;
        f.projected = as_of > coverage.data_until;
        f.legal_basis = law.basis(rule.id, basis_on);
        f.legal_basis_vi = citations.of(f.legal_basis);
        f.message = message(f, p.rule, p, as_of, state.kind, calendar, partial, Lang::en);
        f.message_vi = message(f, p.rule, p, as_of, state.kind, calendar, partial, Lang::vi);
        out.push_back(std::move(f));
    }
}

}  // namespace

void check_chunks(const Registry& registry, Date as_of, const CheckOptions& options, const ChunkSink& sink) {
    check_options(options);
    const law::LawCalendar calendar(law_of(registry, options));
    const Date data_until = registry.data_as_of();
    const std::size_t n = registry.size();
    constexpr std::size_t min_part = 4096;  // fewer organisations than this are not worth a thread
    // The threads take chunks in turn as they finish the one before, so a thread whose organisations have longer
    // histories does not leave the others waiting; the token is read before each chunk.
    const std::size_t threads = part_count(n, options.threads, min_part);
    const std::size_t chunks = check_chunk_count(n);
    std::vector<CitationsVi> citations(threads);
    std::atomic<std::size_t> next{0};
    for_each_part(threads, threads, [&](std::size_t k, std::size_t, std::size_t) {
        try {
            std::vector<Finding> found;
            for (std::size_t c = next++; c < chunks; c = next++) {
                throw_if_cancelled(options.cancel);
                found.clear();
                for (std::size_t i = c * check_chunk; i < std::min(n, (c + 1) * check_chunk); ++i)
                    check_one(registry, static_cast<OrgIndex>(i), as_of, options, calendar, data_until, citations[k],
                              found);
                sink(c, std::move(found));
            }
        } catch (...) {
            next = chunks;  // the other threads stop at their next chunk
            throw;
        }
    });
    throw_if_cancelled(options.cancel);  // a token set after the last chunk still cancels: nothing partial is returned
}

std::vector<Finding> check(const Registry& registry, Date as_of, const CheckOptions& options) {
    std::vector<std::vector<Finding>> found(check_chunk_count(registry.size()));
    check_chunks(registry, as_of, options,
                 [&](std::size_t chunk, std::vector<Finding>&& findings) { found[chunk] = std::move(findings); });
    std::size_t total = 0;
    for (const auto& f : found) total += f.size();
    std::vector<Finding> out;
    out.reserve(total);
    for (auto& f : found) out.insert(out.end(), std::make_move_iterator(f.begin()), std::make_move_iterator(f.end()));
    return out;
}

std::vector<Finding> check(const Registry& registry, std::string_view organization, Date as_of,
                           const CheckOptions& options) {
    check_options(options);
    const auto i = registry.index_of(organization);
    const law::LawCalendar calendar(law_of(registry, options));
    CitationsVi citations;
    std::vector<Finding> out;
    check_one(registry, i, as_of, options, calendar, registry.data_as_of(), citations, out);
    return out;
}

bool any_due(const std::vector<Finding>& findings) noexcept {
    return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::due; });
}

}  // namespace coopecon::compliance
