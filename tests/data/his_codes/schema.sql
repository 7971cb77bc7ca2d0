-- A HIS that keys everything by codes, not whole numbers (tests/data/his_codes/README.md):
-- departments 'K01', clinic rooms 'PK-NOI', doctors by their user names, patients by their
-- patient code ('BN0001', '007'), visits and invoices by their own codes. SQLite; the same
-- statements run on MariaDB (tests/plugins/appointments/his_codes_test.cpp).
CREATE TABLE khoa (
  ma_khoa VARCHAR(20) NOT NULL PRIMARY KEY,
  ten_khoa VARCHAR(200) NOT NULL,
  hoat_dong INTEGER NOT NULL
);

CREATE TABLE phong_kham (
  ma_phong VARCHAR(20) NOT NULL PRIMARY KEY,
  ten_phong VARCHAR(200) NOT NULL,
  ma_khoa VARCHAR(20) NOT NULL REFERENCES khoa (ma_khoa),
  hoat_dong INTEGER NOT NULL
);

CREATE TABLE nhan_vien (
  ten_dang_nhap VARCHAR(50) NOT NULL PRIMARY KEY,
  ma_nv VARCHAR(20) NOT NULL,
  ho_ten VARCHAR(200) NOT NULL,
  ma_khoa VARCHAR(20) NOT NULL REFERENCES khoa (ma_khoa),
  hoat_dong INTEGER NOT NULL
);

CREATE TABLE benh_nhan (
  ma_bn VARCHAR(20) NOT NULL PRIMARY KEY,
  ho_ten VARCHAR(200) NOT NULL,
  ho_ten_khong_dau VARCHAR(200) NOT NULL,
  ngay_sinh VARCHAR(10),
  gioi_tinh VARCHAR(1),
  dien_thoai VARCHAR(20),
  so_the_bhyt VARCHAR(20),
  dia_chi VARCHAR(300)
);

CREATE TABLE luot_kham (
  ma_luot VARCHAR(40) NOT NULL PRIMARY KEY,
  ma_bn VARCHAR(20) NOT NULL REFERENCES benh_nhan (ma_bn),
  ma_phong VARCHAR(20) NOT NULL REFERENCES phong_kham (ma_phong),
  bac_si VARCHAR(50),
  thoi_gian VARCHAR(20) NOT NULL,
  trang_thai VARCHAR(20) NOT NULL,
  nguon VARCHAR(100)
);

CREATE TABLE hoa_don (
  ma_hd VARCHAR(40) NOT NULL PRIMARY KEY,
  ma_bn VARCHAR(20) NOT NULL REFERENCES benh_nhan (ma_bn),
  ma_luot VARCHAR(40),
  tong_tien INTEGER NOT NULL,
  bhyt_chi_tra INTEGER NOT NULL,
  benh_nhan_tra INTEGER NOT NULL,
  trang_thai VARCHAR(10) NOT NULL,
  thoi_gian_tao VARCHAR(20) NOT NULL
);
