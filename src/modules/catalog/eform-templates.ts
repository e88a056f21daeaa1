/**
 * Procedure-specific e-form fields, as data: the first template whose `match` finds the folded
 * (lower-case, diacritic-free) text "<procedure name> | <field name>" wins; `generic` is last.
 * Titles are Vietnamese, `description` carries the English label. JSON Schema draft-07 only.
 */
import type { JsonSchema } from './model.ts';

export interface EformTemplate {
  id: string;
  match: RegExp;
  exclude?: RegExp;
  properties: Record<string, JsonSchema>;
  required: string[];
}

const text = (title: string, en: string, maxLength = 200): JsonSchema => ({
  type: 'string', title, description: en, minLength: 1, maxLength,
});
const longText = (title: string, en: string): JsonSchema => text(title, en, 2000);
const date = (title: string, en: string): JsonSchema => ({ type: 'string', format: 'date', title, description: en });
const int = (title: string, en: string, minimum: number, maximum?: number): JsonSchema => ({
  type: 'integer', title, description: en, minimum, ...(maximum == null ? {} : { maximum }),
});
const area = (title: string, en: string): JsonSchema => ({
  type: 'number', title, description: en, exclusiveMinimum: 0, maximum: 10_000_000,
});
const choice = (title: string, en: string, values: string[]): JsonSchema => ({
  type: 'string', title, description: en, enum: values,
});
const idNumber = (title: string, en: string): JsonSchema => ({
  type: 'string', title, description: en, pattern: '^[0-9]{12}$',
});
const vnd = (title: string, en: string): JsonSchema => int(title, `${en} (VND)`, 0, 1e15);

const SEX = ['Nam', 'Nữ'];

export const EFORM_TEMPLATES: readonly EformTemplate[] = [
  {
    id: 'birth',
    match: /khai sinh/,
    exclude: /ban sao/,
    properties: {
      childFullName: text('Họ, chữ đệm và tên của trẻ', "Child's full name", 100),
      childDateOfBirth: date('Ngày, tháng, năm sinh', "Child's date of birth"),
      childSex: choice('Giới tính', "Child's sex", SEX),
      childPlaceOfBirth: text('Nơi sinh', "Child's place of birth"),
      childEthnicity: text('Dân tộc', "Child's ethnicity", 50),
      motherFullName: text('Họ, chữ đệm và tên người mẹ', "Mother's full name (blank if not established)", 100),
      fatherFullName: text('Họ, chữ đệm và tên người cha', "Father's full name (blank if not established)", 100),
    },
    required: ['childFullName', 'childDateOfBirth', 'childSex', 'childPlaceOfBirth'],
  },
  {
    id: 'death',
    match: /khai tu/,
    properties: {
      deceasedFullName: text('Họ, chữ đệm và tên người chết', "Deceased's full name", 100),
      deceasedIdNumber: idNumber('Số định danh cá nhân của người chết', "Deceased's personal ID number"),
      deceasedDateOfBirth: date('Ngày, tháng, năm sinh', "Deceased's date of birth"),
      dateOfDeath: date('Ngày chết', 'Date of death'),
      placeOfDeath: text('Nơi chết', 'Place of death'),
      causeOfDeath: text('Nguyên nhân chết', 'Cause of death'),
      relationship: text('Quan hệ với người chết', "Applicant's relationship to the deceased", 50),
    },
    required: ['deceasedFullName', 'dateOfDeath', 'placeOfDeath', 'relationship'],
  },
  {
    id: 'marriage',
    match: /ket hon/,
    properties: {
      husbandFullName: text('Họ, chữ đệm và tên bên nam', "Husband's full name", 100),
      husbandDateOfBirth: date('Ngày sinh bên nam', "Husband's date of birth"),
      husbandIdNumber: idNumber('Số định danh cá nhân bên nam', "Husband's personal ID number"),
      wifeFullName: text('Họ, chữ đệm và tên bên nữ', "Wife's full name", 100),
      wifeDateOfBirth: date('Ngày sinh bên nữ', "Wife's date of birth"),
      wifeIdNumber: idNumber('Số định danh cá nhân bên nữ', "Wife's personal ID number"),
    },
    required: ['husbandFullName', 'husbandDateOfBirth', 'wifeFullName', 'wifeDateOfBirth'],
  },
  {
    id: 'certification',
    match: /chung thuc|ban sao/,
    properties: {
      documentType: text('Loại giấy tờ, văn bản cần chứng thực', 'Type of document to certify'),
      numberOfCopies: int('Số bản', 'Number of copies', 1, 100),
      pageCount: int('Số trang', 'Number of pages', 1, 1000),
    },
    required: ['documentType', 'numberOfCopies'],
  },
  {
    id: 'household_business_registration',
    match: /thanh lap ho kinh doanh|thay doi noi dung dang ky ho kinh doanh/,
    properties: {
      businessName: text('Tên hộ kinh doanh', 'Household business name'),
      businessAddress: text('Địa điểm kinh doanh', 'Business location'),
      lineOfBusiness: longText('Ngành, nghề kinh doanh', 'Line of business'),
      capitalVND: vnd('Vốn kinh doanh (đồng)', 'Business capital'),
      employeeCount: int('Số lao động', 'Number of workers', 0, 100000),
    },
    required: ['businessName', 'businessAddress', 'lineOfBusiness', 'capitalVND'],
  },
  {
    id: 'household_business',
    match: /ho kinh doanh/,
    properties: {
      businessName: text('Tên hộ kinh doanh', 'Household business name'),
      registrationNumber: text('Mã số hộ kinh doanh', 'Household business registration number', 20),
      requestContent: longText('Nội dung đề nghị', 'What is requested'),
    },
    required: ['businessName', 'requestContent'],
  },
  {
    id: 'cooperative',
    match: /hop tac xa|to hop tac/,
    properties: {
      organisationName: text('Tên hợp tác xã / tổ hợp tác', 'Cooperative or cooperative group name'),
      headOfficeAddress: text('Địa chỉ trụ sở chính', 'Head office address'),
      charterCapitalVND: vnd('Vốn điều lệ (đồng)', 'Charter capital'),
      memberCount: int('Số thành viên', 'Number of members', 1, 100000),
      requestContent: longText('Nội dung đề nghị', 'What is requested'),
    },
    required: ['organisationName', 'headOfficeAddress', 'requestContent'],
  },
  {
    id: 'enterprise',
    match: /doanh nghiep|cong ty/,
    properties: {
      enterpriseName: text('Tên doanh nghiệp', 'Enterprise name'),
      enterpriseType: choice('Loại hình doanh nghiệp', 'Type of enterprise', [
        'Công ty TNHH một thành viên', 'Công ty TNHH hai thành viên trở lên', 'Công ty cổ phần',
        'Công ty hợp danh', 'Doanh nghiệp tư nhân',
      ]),
      enterpriseCode: { type: 'string', title: 'Mã số doanh nghiệp', description: 'Enterprise code (10 digits; blank when registering a new one)', pattern: '^[0-9]{10}(-[0-9]{3})?$' },
      headOfficeAddress: text('Địa chỉ trụ sở chính', 'Head office address'),
      charterCapitalVND: vnd('Vốn điều lệ (đồng)', 'Charter capital'),
      lineOfBusiness: longText('Ngành, nghề kinh doanh', 'Lines of business'),
    },
    required: ['enterpriseName', 'enterpriseType', 'headOfficeAddress'],
  },
  {
    id: 'construction_permit',
    match: /giay phep xay dung|giay phep di doi/,
    properties: {
      plotAddress: text('Địa điểm xây dựng', 'Construction site address'),
      landUseCertificateNumber: text('Số Giấy chứng nhận quyền sử dụng đất', 'Land-use right certificate number', 50),
      floorAreaM2: area('Tổng diện tích sàn (m²)', 'Total floor area (m²)'),
      floors: int('Số tầng', 'Number of floors', 1, 200),
      constructionDescription: longText('Mô tả công trình', 'Description of the works'),
    },
    required: ['plotAddress', 'landUseCertificateNumber', 'floorAreaM2', 'floors'],
  },
  {
    id: 'residence',
    match: /thuong tru|tam tru|tam vang|luu tru|tach ho|cu tru/,
    properties: {
      residenceAddress: text('Địa chỉ chỗ ở đề nghị đăng ký / khai báo', 'Address of the residence concerned'),
      reason: longText('Lý do', 'Reason'),
      durationMonths: int('Thời hạn (tháng)', 'Duration in months (temporary residence / absence)', 1, 60),
    },
    required: ['residenceAddress', 'reason'],
  },
  {
    id: 'land',
    match: /dat dai|thua dat|quyen su dung dat|giay chung nhan/,
    properties: {
      parcelNumber: text('Số thửa', 'Parcel number', 20),
      mapSheetNumber: text('Số tờ bản đồ', 'Map sheet number', 20),
      areaM2: area('Diện tích (m²)', 'Area (m²)'),
      landAddress: text('Địa chỉ thửa đất', 'Parcel address'),
      certificateNumber: text('Số phát hành Giấy chứng nhận (nếu có)', 'Certificate serial number, if any', 50),
      requestContent: longText('Nội dung đề nghị', 'What is requested'),
    },
    required: ['parcelNumber', 'mapSheetNumber', 'areaM2', 'landAddress'],
  },
  {
    id: 'driving_licence',
    match: /giay phep lai xe/,
    properties: {
      licenceNumber: text('Số giấy phép lái xe', 'Driving licence number', 20),
      licenceClass: choice('Hạng giấy phép', 'Licence class', [
        'A1', 'A', 'B1', 'B', 'C1', 'C', 'D1', 'D2', 'D', 'BE', 'C1E', 'CE', 'D1E', 'D2E', 'DE',
      ]),
      reason: longText('Lý do cấp lại', 'Reason for re-issue'),
    },
    required: ['licenceClass', 'reason'],
  },
  {
    id: 'vehicle',
    match: /\bxe\b|bien so/,
    properties: {
      vehicleType: choice('Loại xe', 'Vehicle type', [
        'Xe ô tô', 'Xe mô tô', 'Xe gắn máy', 'Xe máy điện', 'Xe máy chuyên dùng', 'Rơ moóc, sơ mi rơ moóc',
      ]),
      plateNumber: text('Biển số xe', 'Number plate (blank for a first registration), e.g. 74A-123.45', 15),
      brand: text('Nhãn hiệu', 'Make', 50),
      frameNumber: text('Số khung', 'Chassis number', 30),
      engineNumber: text('Số máy', 'Engine number', 30),
    },
    required: ['vehicleType'],
  },
];

export const GENERIC_TEMPLATE: EformTemplate = {
  id: 'generic',
  match: /(?:)/,
  properties: { requestContent: longText('Nội dung đề nghị', 'What is requested') },
  required: ['requestContent'],
};
