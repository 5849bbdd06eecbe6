#include <coopecon/core/error.hpp>
#include <coopecon/core/input_limits.hpp>

namespace coopecon {

Problem Problem::at(ErrorCode code, std::string message, std::string path) {
    Problem p;
    p.code = code;
    p.message = std::move(message);
    p.path = std::move(path);
    return p;
}

std::string Problem::to_string() const {
    std::string out;
    auto sep = [&out] {
        if (!out.empty()) out += ": ";
    };
    if (!file.empty() || line > 0) {
        out += file.empty() ? std::string("<input>") : file;
        if (line > 0) out += ':' + std::to_string(line) + ':' + std::to_string(column);
    }
    if (!path.empty()) {
        sep();
        out += cut_text(path, 200);  // a path holds the input's keys, which may be anything
    }
    if (!organization.empty() || !event.empty()) {
        sep();
        if (!organization.empty()) out += "organization " + cut_text(organization);
        if (!event.empty()) {
            if (!organization.empty()) out += ", ";
            out += "event " + event;
            if (date) out += " on " + date->iso();
        }
    }
    sep();
    out += cut_text(message, 2000);  // messages quote ids and values of the input
    if (!rule.empty() || !legal_basis.empty()) {
        out += " [";
        out += rule.empty() ? std::string() : "rule " + rule;
        if (!rule.empty() && !legal_basis.empty()) out += "; ";
        out += legal_basis;
        out += ']';
    }
    return out;
}

namespace {

/// what(): every problem, one per line.
std::string join(const Problems& problems) {
    std::string out;
    for (const auto& p : problems) {
        if (!out.empty()) out += '\n';
        out += p.to_string();
    }
    return out;
}

}  // namespace

Error::Error(Problems problems) : std::runtime_error(join(problems)), problems_(std::move(problems)) {}

Error::~Error() = default;

void throw_if_any(Problems problems) {
    if (!problems.empty()) throw Error(std::move(problems));
}

}  // namespace coopecon
