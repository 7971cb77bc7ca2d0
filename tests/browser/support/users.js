// Staff accounts the browser tests create, one per role they need.
export const receptionist = {
  username: 'letan.lan',
  display: 'Nguyễn Thị Lan',
  role: 'receptionist',
  password: 'Lan-mat-khau-2024',
};

export const manager = {
  username: 'quanly.minh',
  display: 'Trần Văn Minh',
  role: 'manager',
  password: 'Minh-mat-khau-2024',
};
