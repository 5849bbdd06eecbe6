#include <coopecon/compliance/explain.hpp>

#include <coopecon/core/date_text.hpp>
#include <coopecon/core/enum_text.hpp>
#include <coopecon/history/replay.hpp>
#include <coopecon/law/citation.hpp>
#include <coopecon/law/compliance_rule.hpp>
#include <coopecon/law/law_calendar.hpp>

#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <iterator>
#include <type_traits>

namespace coopecon::compliance {

namespace {

template <class Payload>
constexpr EventType type_of() noexcept {
    return static_cast<EventType>(boost::mp11::mp_find<EventData, Payload>::value);
}

ParameterUsed parameter(const law::Framework& law, law::Param p, Date on) {
    ParameterUsed out{std::string(enum_name(p)), on, std::nullopt, {}, false};
    if (const auto* e = law.entry(p, on)) {
        out.value = e->value;
        out.reference = e->reference;
        out.unconfirmed = e->unconfirmed;
    }
    return out;
}

std::vector<EventMention> events_on(const std::vector<EventMention>& all, Date day) {
    std::vector<EventMention> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const EventMention& e) { return e.date == day; });
    return out;
}

}  // namespace

Explanation explain(const Registry& registry, std::string_view organization, Date as_of, const CheckOptions& options) {
    const auto i = registry.index_of(organization);
    const auto& law = options.law ? *options.law : registry.law();
    Explanation out{std::string(organization), as_of, registry.history_from(i),
                    registry.organization(i).data_until.value_or(registry.data_as_of()), {}, {}};
    std::vector<EventMention> events;

    Replay replay(registry.organization(i), registry.members(i), law);
    auto settle = [&](Date d) {
        const auto before = replay.state().status;
        replay.settle(d);
        const auto& s = replay.state();
        if (s.status != before)
            out.history.push_back({s.status_since, s.status,
                                   before == LegalStatus::suspended ? "suspension_ended" : "lapse"});
    };
    registry.log(i).replay_until(as_of, [&](Date d, const auto& payload) {
        settle(d);
        const auto before = replay.state();
        replay.apply(d, payload);
        constexpr auto type = type_of<std::decay_t<decltype(payload)>>();
        events.push_back({d, std::string(enum_name(type))});
        const auto& s = replay.state();
        if (s.status != before.status || s.registered != before.registered)
            out.history.push_back({d, s.status, std::string(enum_name(type))});
    });
    settle(as_of);
    const auto& state = replay.state();

    const law::LawCalendar calendar(law);
    for (auto& f : check(registry, organization, as_of, options)) {
        const auto rule = *law::rule_from_id(f.rule);
        const auto& info = law::info(rule);
        ExplainedFinding x;
        const bool duration = info.form == law::RuleForm::duration;
        const Date arose = duration ? f.counted_from.plus_days(-1) : f.began;
        x.events = events_on(events, arose);
        if (duration && x.events.empty() && calendar.law_changes_on(f.counted_from) && f.began < f.counted_from)
            x.law_change = f.counted_from;
        if (duration) {
            x.period_last_day = f.threshold.plus_days(-1);
            x.parameters.push_back(parameter(law, *info.months, *x.period_last_day));
        }
        if (const auto p = info.limits[state.kind == OrgKind::union_of_cooperatives ? 1 : 0])
            x.parameters.push_back(parameter(law, *p, info.form == law::RuleForm::lapse ? f.began : as_of));
        if (duration)
            x.parameters.push_back(parameter(law, law::Param::authority_dissolution_allowed,
                                             f.severity == Severity::due ? as_of : f.threshold));
        x.finding = std::move(f);
        out.findings.push_back(std::move(x));
    }
    return out;
}

std::string explain_text(const Explanation& e, Lang lang) {
    const bool vi = lang == Lang::vi;
    auto date = [&](Date d) { return date_text(d, lang); };
    std::string out = (vi ? "Tổ chức " : "Organisation ") + e.organization + (vi ? " tại ngày " : " on ") +
                      date(e.as_of) + "\n";
    if (e.history_from)
        out += (vi ? "Lịch sử đầy đủ từ ngày " : "History complete from ") + date(*e.history_from) + "\n";
    out += (vi ? "Số liệu đến ngày " : "Data until ") + date(e.data_until) +
           (e.as_of > e.data_until ? vi ? " (kết quả sau ngày này là dự báo)" : " (findings after it are projected)" : "") +
           "\n" + (vi ? "Lịch sử tình trạng pháp lý:\n" : "Status history:\n");
    for (const auto& h : e.history)
        out += "  " + date(h.date) + "  " + std::string(label(h.status).in(lang)) + " (" + h.cause + ")\n";
    if (e.findings.empty()) out += vi ? "Không có kết quả kiểm tra.\n" : "No findings.\n";
    for (const auto& x : e.findings) {
        const auto& f = x.finding;
        out += "\n" + f.rule + " — " + std::string(label(f.severity).in(lang)) +
               (f.projected ? vi ? " (dự báo)" : " (projected)" : "") + "\n  " +
               (vi ? f.message_vi : f.message) + "\n";
        out += vi ? "  Điều kiện bắt đầu: " : "  Condition began: ";
        out += date(f.began);
        if (!x.events.empty()) {
            out += vi ? " (sự kiện ngày " : " (events of ";
            out += date(x.events.front().date) + ":";
            for (const auto& ev : x.events) out += " " + ev.type;
            out += ")";
        }
        out += "\n";
        if (x.period_last_day) {
            out += vi ? "  Tính từ ngày " : "  Counted from ";
            out += date(f.counted_from);
            if (x.law_change)
                out += vi ? " (ngày luật mới có hiệu lực)" : " (the day a new law took effect)";
            else
                out += vi ? " (ngày tiếp theo ngày xảy ra sự kiện, Bộ luật Dân sự 2015 Điều 147.2)"
                          : " (the day after the day it arose, Civil Code 2015 Art 147.2)";
            out += "\n";
            out += vi ? "  Thời hạn " + std::to_string(f.months) + " tháng kết thúc ngày " + date(*x.period_last_day) +
                            " (Điều 148.3); hậu quả từ ngày " + date(f.threshold)
                      : "  Period of " + std::to_string(f.months) + " months ends on " + date(*x.period_last_day) +
                            " (Art 148.3); the consequence follows from " + date(f.threshold);
            out += "\n";
        }
        out += vi ? "  Tham số áp dụng:\n" : "  Parameters in force:\n";
        for (const auto& p : x.parameters) {
            out += "    " + p.name + " = " + (p.value ? std::to_string(*p.value) : vi ? "không áp dụng" : "not in force") +
                   (vi ? " ngày " : " on ") + date(p.on);
            if (!p.reference.empty())
                out += " (" + law::citation_text(p.reference, lang) +
                       (p.unconfirmed ? vi ? ", CHƯA XÁC NHẬN" : ", UNCONFIRMED" : "") + ")";
            out += "\n";
        }
        out += (vi ? "  Căn cứ pháp lý: " : "  Legal basis: ") + (vi ? f.legal_basis_vi : f.legal_basis) + "\n";
        out += (vi ? "  Hậu quả: " : "  Consequence: ") + std::string(label(f.consequence).in(lang)) + "\n";
    }
    return out;
}

}  // namespace coopecon::compliance
