#pragma once

#include <optional>
#include <string>
#include <string_view>

// Money as the cashier's documents print it (whole VND, Vietnamese style) and the check every
// printed text passes first, as plain code.

namespace hisx::fast_lane {

/// `amount` VND with a dot between thousands and " đ" after: "150.000 đ", "0 đ",
/// "-30.000 đ" (a reversal), "1.234.567.890 đ".
std::string format_vnd(long long amount);

/// As format_vnd(), with a sign on every amount but zero: "+20.000 đ", "-50.000 đ", "0 đ"
/// (a difference between counted and expected money).
std::string format_vnd_signed(long long amount);

/// `amount` in Vietnamese words as a receipt's "Bằng chữ" line reads it, capitalised and
/// ending in "đồng": 150000 → "Một trăm năm mươi nghìn đồng", 21 → "Hai mươi mốt đồng",
/// 105 → "Một trăm lẻ năm đồng", 1005000 → "Một triệu không trăm lẻ năm nghìn đồng",
/// 0 → "Không đồng", -30000 → "Âm ba mươi nghìn đồng". Groups of three digits are read
/// nghìn, triệu, tỷ, then again nghìn tỷ, triệu tỷ, tỷ tỷ; a group of zeros is left out; a
/// group after the first is read in full ("không trăm", "lẻ").
std::string vnd_in_words(long long amount);

/// How a receipt and the shift report name a payment method, Vietnamese first: "cash" →
/// "Tiền mặt / Cash", "card" → "Thẻ / Card", "transfer" → "Chuyển khoản / Bank transfer",
/// "prepaid" → "Trả trước qua ứng dụng / Prepaid in the app"; nothing for another code.
std::optional<std::string_view> payment_method_title(std::string_view method);

/// Throws std::invalid_argument naming `field` unless `text` is valid UTF-8 without control
/// characters (C0, DEL, C1; a newline too: every printed field is one line), so that a
/// document never prints garbage or sends a printer a command hidden in a name.
void check_print_text(std::string_view field, std::string_view text);

}  // namespace hisx::fast_lane
