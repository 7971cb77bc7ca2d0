-- The rows of the code-keyed HIS (schema.sql).
INSERT INTO khoa (ma_khoa, ten_khoa, hoat_dong) VALUES ('K01', 'Khoa Nội', 1);
INSERT INTO khoa (ma_khoa, ten_khoa, hoat_dong) VALUES ('K02', 'Khoa Nhi', 1);

INSERT INTO phong_kham (ma_phong, ten_phong, ma_khoa, hoat_dong) VALUES ('PK-NOI', 'Phòng khám Nội', 'K01', 1);
INSERT INTO phong_kham (ma_phong, ten_phong, ma_khoa, hoat_dong) VALUES ('PK-NHI', 'Phòng khám Nhi', 'K02', 1);

INSERT INTO nhan_vien (ten_dang_nhap, ma_nv, ho_ten, ma_khoa, hoat_dong) VALUES ('bs.lan', 'NV01', 'BS. Trần Thị Lan', 'K01', 1);
INSERT INTO nhan_vien (ten_dang_nhap, ma_nv, ho_ten, ma_khoa, hoat_dong) VALUES ('bs.minh', 'NV02', 'BS. Lê Văn Minh', 'K02', 1);

INSERT INTO benh_nhan (ma_bn, ho_ten, ho_ten_khong_dau, ngay_sinh, gioi_tinh, dien_thoai, so_the_bhyt, dia_chi)
VALUES ('BN0001', 'Nguyễn Văn An', 'nguyen van an', '1980-04-12', 'M', '0901000001', 'DN4790100000001', 'Đà Nẵng');
INSERT INTO benh_nhan (ma_bn, ho_ten, ho_ten_khong_dau, ngay_sinh, gioi_tinh, dien_thoai, so_the_bhyt, dia_chi)
VALUES ('007', 'Phạm Thị Bảy', 'pham thi bay', '1992-07-07', 'F', '0901000007', NULL, 'Huế');
INSERT INTO benh_nhan (ma_bn, ho_ten, ho_ten_khong_dau, ngay_sinh, gioi_tinh, dien_thoai, so_the_bhyt, dia_chi)
VALUES ('BN0002', 'Võ Minh Châu', 'vo minh chau', '2015-01-20', 'F', '0901000002', NULL, 'Quảng Nam');

INSERT INTO hoa_don (ma_hd, ma_bn, ma_luot, tong_tien, bhyt_chi_tra, benh_nhan_tra, trang_thai, thoi_gian_tao)
VALUES ('HD-2025-0001', '007', NULL, 150000, 0, 150000, 'open', '2025-01-01T01:00:00Z');
