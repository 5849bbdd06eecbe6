#include <coopecon/indicators/indicator.hpp>

#include <utility>

namespace coopecon::indicators {

bool Expression::integral() const noexcept {
    if (op == Op::ratio) return false;
    if (op == Op::difference) return operands[0].integral() && operands[1].integral();
    return true;
}

bool Expression::reads_previous() const noexcept {
    if (op == Op::sum || op == Op::distinct_communes) return previous;
    for (const auto& o : operands)
        if (o.reads_previous()) return true;
    return false;
}

Expression sum(Field field, Filter filter) {
    Expression e;
    e.field = field;
    e.filter = std::move(filter);
    return e;
}

Expression count(Filter filter) { return sum(Field::one, std::move(filter)); }

Expression distinct_communes(Filter filter) {
    Expression e;
    e.op = Expression::Op::distinct_communes;
    e.filter = std::move(filter);
    return e;
}

Expression ratio(Expression numerator, Expression denominator, double scale) {
    Expression e;
    e.op = Expression::Op::ratio;
    e.operands = {std::move(numerator), std::move(denominator)};
    e.scale = scale;
    return e;
}

Expression difference(Expression a, Expression b) {
    Expression e;
    e.op = Expression::Op::difference;
    e.operands = {std::move(a), std::move(b)};
    return e;
}

Expression mean(Field field, Filter filter, double scale) { return ratio(sum(field, filter), count(filter), scale); }

Expression share(Filter part, Filter base) { return ratio(count(base & part), count(base), 100); }

Expression previous(Expression e) {
    if (e.op == Expression::Op::sum || e.op == Expression::Op::distinct_communes) e.previous = true;
    for (auto& o : e.operands) o = previous(std::move(o));
    return e;
}

Expression growth(Expression x) {
    auto before = previous(x);
    return ratio(difference(std::move(x), before), before, 100);
}

}  // namespace coopecon::indicators
