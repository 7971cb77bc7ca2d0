#include "demo/demo_catalogue.h"

namespace hisx::host::demo {

const std::vector<Department>& departments() {
  static const std::vector<Department> rows = {
      {1, "K01", "Khoa Khám bệnh", true},
      {2, "K02", "Khoa Nội", true},
      {3, "K03", "Khoa Ngoại", true},
      {4, "K04", "Khoa Sản", true},
      {5, "K05", "Khoa Nhi", true},
      {6, "K06", "Khoa Y học cổ truyền", true},
      {7, "K07", "Khoa Xét nghiệm", true},
      {8, "K08", "Khoa Chẩn đoán hình ảnh", true},
      {9, "K09", "Khoa Hồi sức cấp cứu", true},
      {10, "K10", "Khoa Liên chuyên khoa TMH-RHM-Mắt", true},
      // Merged into Khoa Nội; kept because old records point to it.
      {11, "K11", "Khoa Truyền nhiễm", false},
  };
  return rows;
}

const std::vector<Clinic>& clinics() {
  using K = ClinicKind;
  static const std::vector<Clinic> rows = {
      {1, "PK01", "Phòng khám Nội 1", 1, true, K::kInternal, {1, 2}},
      {2, "PK02", "Phòng khám Nội 2", 1, true, K::kInternal, {3, 4}},
      {3, "PK03", "Phòng khám Nội 3", 1, true, K::kInternal, {5, 6}},
      {4, "PK04", "Phòng khám Nội tiết - Đái tháo đường", 2, true, K::kEndocrine, {7, 8, 9}},
      {5, "PK05", "Phòng khám Ngoại", 3, true, K::kSurgery, {10, 11, 12}},
      {6, "PK06", "Phòng khám Sản phụ khoa", 4, true, K::kObstetrics, {13, 14}},
      {7, "PK07", "Phòng khám Nhi", 5, true, K::kPaediatrics, {15, 16}},
      {8, "PK08", "Phòng khám Y học cổ truyền", 6, true, K::kTraditional, {17, 18}},
      {9, "PK09", "Phòng khám Tai Mũi Họng", 10, true, K::kEnt, {25}},
      {10, "PK10", "Phòng khám Răng Hàm Mặt", 10, true, K::kDental, {26}},
      {11, "PK11", "Phòng khám Mắt", 10, true, K::kEye, {24}},
      {12, "PK12", "Phòng khám Cấp cứu", 9, true, K::kEmergency, {22, 23}},
      // Closed when Nội 1–3 moved to the new building; no visits.
      {13, "PK13", "Phòng khám Nội 4", 1, false, K::kInternal, {}},
  };
  return rows;
}

const std::vector<Doctor>& doctors() {
  static const std::vector<Doctor> rows = {
      {1, "BS001", "BSCKII", "Nguyễn Văn Thành", "000112/ĐT-CCHN", 1, true},
      {2, "BS002", "BSCKI", "Trần Thị Mỹ Linh", "000587/ĐT-CCHN", 1, true},
      {3, "BS003", "BS", "Lê Hoàng Phúc", "002314/ĐT-CCHN", 1, true},
      {4, "BS004", "BSCKI", "Phạm Minh Tuấn", "000933/ĐT-CCHN", 1, true},
      {5, "BS005", "BS", "Huỳnh Thị Ngọc Hân", "003126/ĐT-CCHN", 1, true},
      {6, "BS006", "ThS.BS", "Võ Quốc Bảo", "001845/ĐT-CCHN", 1, true},
      {7, "BS007", "BSCKI", "Đặng Văn Hùng", "000761/ĐT-CCHN", 2, true},
      {8, "BS008", "BS", "Bùi Thị Thanh Thúy", "002977/ĐT-CCHN", 2, true},
      {9, "BS009", "BSCKII", "Đỗ Thành Nhân", "000245/ĐT-CCHN", 2, true},
      {10, "BS010", "BSCKI", "Hồ Văn Dũng", "000698/ĐT-CCHN", 3, true},
      {11, "BS011", "BS", "Ngô Minh Trí", "003054/ĐT-CCHN", 3, true},
      {12, "BS012", "ThS.BS", "Dương Quốc Cường", "001532/ĐT-CCHN", 3, true},
      {13, "BS013", "BSCKI", "Lý Thị Kim Phượng", "000874/ĐT-CCHN", 4, true},
      {14, "BS014", "BS", "Phan Thị Bích Ngọc", "002683/ĐT-CCHN", 4, true},
      {15, "BS015", "BSCKI", "Trương Thị Thu Hà", "001107/ĐT-CCHN", 5, true},
      {16, "BS016", "BS", "Lâm Gia Huy", "003391/ĐT-CCHN", 5, true},
      {17, "BS017", "BSCKI", "Mai Văn Lộc", "000956/ĐT-CCHN", 6, true},
      {18, "BS018", "BS", "Nguyễn Thị Hồng Nhung", "002450/ĐT-CCHN", 6, true},
      {19, "BS019", "BS", "Tô Thị Diễm", "002861/ĐT-CCHN", 7, true},
      {20, "BS020", "BSCKI", "Châu Văn Khải", "001278/ĐT-CCHN", 8, true},
      {21, "BS021", "BS", "Nguyễn Hữu Tài", "003207/ĐT-CCHN", 8, true},
      {22, "BS022", "BSCKII", "Lê Văn Nghĩa", "000398/ĐT-CCHN", 9, true},
      {23, "BS023", "BS", "Trần Quốc Việt", "003418/ĐT-CCHN", 9, true},
      {24, "BS024", "BSCKI", "Phạm Thị Thu Trang", "001396/ĐT-CCHN", 10, true},
      {25, "BS025", "BS", "Đinh Công Sơn", "002735/ĐT-CCHN", 10, true},
      {26, "BS026", "BS", "Cao Thị Mai Anh", "003162/ĐT-CCHN", 10, true},
      // Retired; still referenced by old visits in a real HIS, so the row stays.
      {27, "BS027", "BSCKI", "Vũ Đức Thắng", "000051/ĐT-CCHN", 2, false},
  };
  return rows;
}

// Prices follow the public insurance price list for a grade-III hospital (rounded).
const std::vector<Service>& lab_services() {
  static const std::vector<Service> rows = {
      {"XN001", "Tổng phân tích tế bào máu ngoại vi (bằng máy đếm laser)", "lab", 46'200, 30},
      {"XN002", "Định lượng Glucose [Máu]", "lab", 21'500, 22},
      {"XN003", "Định lượng Urê máu [Máu]", "lab", 21'500, 10},
      {"XN004", "Định lượng Creatinin (máu)", "lab", 21'500, 12},
      {"XN005", "Đo hoạt độ AST (GOT) [Máu]", "lab", 21'500, 10},
      {"XN006", "Đo hoạt độ ALT (GPT) [Máu]", "lab", 21'500, 10},
      {"XN007", "Định lượng Cholesterol toàn phần (máu)", "lab", 26'900, 9},
      {"XN008", "Định lượng Triglycerid (máu)", "lab", 26'900, 8},
      {"XN009", "Định lượng HbA1c [Máu]", "lab", 101'000, 5},
      {"XN010", "Tổng phân tích nước tiểu (bằng máy tự động)", "lab", 27'400, 12},
      {"XN011", "Định lượng Acid Uric [Máu]", "lab", 21'500, 5},
      {"XN012", "Điện giải đồ (Na, K, Cl) [Máu]", "lab", 29'000, 4},
  };
  return rows;
}

const std::vector<Service>& imaging_services() {
  static const std::vector<Service> rows = {
      {"CDHA001", "Siêu âm ổ bụng (gan mật, tụy, lách, thận, bàng quang)", "imaging", 43'900, 30},
      {"CDHA002", "Chụp X-quang ngực thẳng số hóa 1 phim", "imaging", 65'400, 20},
      {"CDHA003", "Điện tim thường", "imaging", 32'800, 18},
      {"CDHA004", "Siêu âm tuyến giáp", "imaging", 43'900, 6},
      {"CDHA005", "Siêu âm thai (thai, nhau thai, nước ối)", "imaging", 43'900, 0},
      {"CDHA006", "Chụp X-quang cột sống thắt lưng thẳng nghiêng", "imaging", 97'200, 8},
      {"CDHA007", "Chụp cắt lớp vi tính sọ não không tiêm thuốc cản quang", "imaging", 536'000, 2},
  };
  return rows;
}

const std::vector<NamePart>& family_names() {
  // Rough shares of Vietnamese family names, with the southern Huỳnh/Võ spelling favoured.
  static const std::vector<NamePart> rows = {
      {"Nguyễn", 380}, {"Trần", 110}, {"Lê", 95},     {"Phạm", 65},  {"Huỳnh", 45}, {"Phan", 45},
      {"Võ", 40},      {"Đặng", 21},  {"Bùi", 20},    {"Hoàng", 15}, {"Vũ", 12},    {"Đỗ", 14},
      {"Hồ", 13},      {"Ngô", 13},   {"Trương", 12}, {"Dương", 10}, {"Lý", 6},     {"Đinh", 6},
      {"Lâm", 6},      {"Mai", 5},    {"Hà", 4},      {"Cao", 4},    {"Đoàn", 4},   {"Tô", 3},
      {"Châu", 3},     {"Lưu", 3},    {"Thái", 3},    {"La", 2},     {"Quách", 2},  {"Tạ", 2},
  };
  return rows;
}

const std::vector<NamePart>& middle_names(bool female, bool traditional) {
  static const std::vector<NamePart> male_old = {
      {"Văn", 55}, {"Hữu", 8},  {"Thanh", 7}, {"Minh", 6}, {"Công", 5},
      {"Tấn", 5},  {"Quốc", 4}, {"Đức", 4},   {"Ngọc", 3}, {"Thành", 3}};
  static const std::vector<NamePart> male_new = {
      {"Văn", 12}, {"Minh", 12}, {"Quốc", 10}, {"Gia", 10}, {"Hoàng", 8}, {"Đức", 8}, {"Bảo", 8},
      {"Tuấn", 6}, {"Thanh", 6}, {"Anh", 6},   {"Nhật", 5}, {"Trọng", 5}, {"Hữu", 4}};
  static const std::vector<NamePart> female_old = {{"Thị", 70},  {"Ngọc", 6}, {"Kim", 6},
                                                   {"Thanh", 5}, {"Mỹ", 4},   {"Thu", 4},
                                                   {"Hồng", 3},  {"Bích", 2}};
  static const std::vector<NamePart> female_new = {
      {"Thị", 20},  {"Ngọc", 12},  {"Mỹ", 8},   {"Bảo", 8}, {"Thanh", 6},
      {"Khánh", 6}, {"Phương", 6}, {"Minh", 6}, {"Gia", 5}, {"Thảo", 5},
      {"Quỳnh", 5}, {"Yến", 5},    {"Hoài", 4}, {"Kim", 4}};
  if (female) return traditional ? female_old : female_new;
  return traditional ? male_old : male_new;
}

const std::vector<std::string>& given_names(bool female, bool traditional) {
  static const std::vector<std::string> male_old = {
      "Hùng", "Dũng", "Tuấn", "Hải",   "Sơn",   "Thành", "Minh",  "Long", "Bình", "Hòa",
      "Phúc", "Lộc",  "Tài",  "Thắng", "Cường", "Trung", "Nghĩa", "Tâm",  "Hiếu", "Hưng",
      "Toàn", "Lợi",  "Sang", "Tín",   "Tùng",  "Đông",  "Hậu",   "Tư",   "Năm",  "Sáu",
      "Bảy",  "Tám",  "Chín", "Quang", "Phước", "Thọ",   "Khánh", "Danh"};
  static const std::vector<std::string> male_new = {
      "Huy",  "Khoa",  "Khang", "Bảo",  "Nam",  "Phúc", "Minh",  "Quân", "Kiệt", "Duy",
      "Đạt",  "Vinh",  "Thịnh", "Khôi", "Phát", "Tài",  "Thiện", "Nhân", "An",   "Long",
      "Tuấn", "Hoàng", "Trí",   "Lâm",  "Hiếu", "Việt", "Khải",  "Hưng", "Đăng", "Tú"};
  static const std::vector<std::string> female_old = {
      "Lan",  "Hoa",    "Hồng", "Mai",   "Cúc",  "Hương", "Hạnh", "Dung",  "Nga",  "Hà",
      "Loan", "Phượng", "Thủy", "Tuyết", "Xuân", "Liên",  "Lệ",   "Hiền",  "Yến",  "Nhung",
      "Oanh", "Vân",    "Ánh",  "Bé",    "Út",   "Lài",   "Nhàn", "Sương", "Thắm", "Đào"};
  static const std::vector<std::string> female_new = {
      "Linh", "Trang", "Thảo",   "Vy",  "Nhi",  "My",    "Ngân", "Hân",  "Anh",   "Thư",
      "Uyên", "Quyên", "Trâm",   "Như", "Châu", "Giang", "Diệp", "Hằng", "Huyền", "Tiên",
      "Ngọc", "Yến",   "Phương", "Hà",  "Ly",   "Tú",    "Trúc", "Diễm", "Khuê",  "Nguyệt"};
  if (female) return traditional ? female_old : female_new;
  return traditional ? male_old : male_new;
}

const std::vector<std::string>& second_middle_names() {
  static const std::vector<std::string> rows = {"Thu",  "Ngọc", "Kim",  "Mỹ",    "Thanh",
                                                "Hồng", "Bích", "Kiều", "Tuyết", "Diễm"};
  return rows;
}

const std::vector<Place>& places() {
  static const std::vector<Place> rows = {
      {"thị trấn Mỹ Thọ", "huyện Cao Lãnh", true, 16},
      {"xã Mỹ Thọ", "huyện Cao Lãnh", false, 8},
      {"xã Ba Sao", "huyện Cao Lãnh", false, 5},
      {"xã Bình Hàng Tây", "huyện Cao Lãnh", false, 4},
      {"xã Bình Hàng Trung", "huyện Cao Lãnh", false, 5},
      {"xã Bình Thạnh", "huyện Cao Lãnh", false, 6},
      {"xã Gáo Giồng", "huyện Cao Lãnh", false, 4},
      {"xã Mỹ Hiệp", "huyện Cao Lãnh", false, 6},
      {"xã Mỹ Hội", "huyện Cao Lãnh", false, 5},
      {"xã Mỹ Long", "huyện Cao Lãnh", false, 6},
      {"xã Mỹ Xương", "huyện Cao Lãnh", false, 5},
      {"xã Nhị Mỹ", "huyện Cao Lãnh", false, 5},
      {"xã Phong Mỹ", "huyện Cao Lãnh", false, 4},
      {"xã Phương Thịnh", "huyện Cao Lãnh", false, 4},
      {"xã Phương Trà", "huyện Cao Lãnh", false, 4},
      {"xã Tân Hội Trung", "huyện Cao Lãnh", false, 4},
      {"xã Tân Nghĩa", "huyện Cao Lãnh", false, 5},
      // Neighbours who come to this hospital (their card names it as primary care).
      {"phường 1", "thành phố Cao Lãnh", true, 2},
      {"phường Mỹ Phú", "thành phố Cao Lãnh", true, 2},
      {"xã Trường Xuân", "huyện Tháp Mười", false, 2},
      {"thị trấn Mỹ An", "huyện Tháp Mười", true, 1},
      {"thị trấn Lấp Vò", "huyện Lấp Vò", true, 1},
  };
  return rows;
}

const std::vector<std::string>& mobile_prefixes() {
  static const std::vector<std::string> rows = {
      // Viettel
      "032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098",
      // VinaPhone
      "081", "082", "083", "084", "085", "088", "091", "094",
      // MobiFone
      "070", "076", "077", "078", "079", "089", "090", "093",
      // Vietnamobile, Gmobile
      "052", "056", "058", "092", "059", "099"};
  return rows;
}

}  // namespace hisx::host::demo
