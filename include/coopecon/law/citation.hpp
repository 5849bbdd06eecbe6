#pragma once
// A legal basis in the reader's language. The framework writes citations one way, in English
// ("Law 17/2023/QH15 Art 103.1e; Decree 92/2024/NĐ-CP Art 53"); a Vietnamese reader expects the article's point
// and clause first and the act after it ("điểm e khoản 1 Điều 103 Luật 17/2023/QH15; Điều 53 Nghị định
// 92/2024/NĐ-CP"). Any citation of the framework's form, a reform's or a user's framework file included, is
// translated; a part of another form keeps its words, with the names of acts and "Art" translated.

#include <coopecon/core/label.hpp>
#include <coopecon/export.hpp>

#include <string>
#include <string_view>

namespace coopecon::law {

/// `basis` as written (English) or in Vietnamese; "(UNCONFIRMED)" becomes "(CHƯA XÁC NHẬN)".
COOPECON_EXPORT std::string citation_text(std::string_view basis, Lang lang);

}  // namespace coopecon::law
