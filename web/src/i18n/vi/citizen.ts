/** Vietnamese: the citizen's pages — submission wizard, my dossiers, notifications. */
export const citizen = {
  wizard: {
    title: 'Nộp hồ sơ trực tuyến',
    progress: 'Các bước nộp hồ sơ',
    steps: { form: 'Tờ khai', files: 'Giấy tờ', review: 'Xem lại và nộp' },
    next: 'Tiếp tục',
    back: 'Quay lại',
    submit: 'Nộp hồ sơ',
    filesLead: 'Tải lên bản chụp hoặc bản quét (PDF, JPEG, PNG) của từng thành phần hồ sơ.',
    reviewLead: 'Kiểm tra lại thông tin trước khi nộp.',
    formData: 'Thông tin tờ khai',
    documents: 'Giấy tờ đã tải lên',
    declaration: 'Tôi cam đoan những thông tin khai trên là đúng sự thật và chịu trách nhiệm trước pháp luật về lời khai của mình.',
  },
  mine: {
    title: 'Hồ sơ của tôi',
    new: 'Nộp hồ sơ mới',
    none: 'Bạn chưa có hồ sơ nào.',
    unverified: 'Tài khoản của bạn chưa được xác thực. Hồ sơ bạn nộp tại quầy sẽ hiện ở đây sau khi bạn mang thẻ căn cước đến bộ phận một cửa để xác thực tài khoản.',
    dossierTitle: 'Hồ sơ {{code}}',
    back: 'Danh sách hồ sơ',
    receipt: 'Giấy tiếp nhận',
    supplementAsked: 'Cơ quan yêu cầu bổ sung hồ sơ:',
    pleaseRate: 'Hồ sơ đã có kết quả. Mời bạn đánh giá mức độ hài lòng.',
  },
  notifications: {
    title: 'Thông báo',
    unread: '{{count}} thông báo chưa đọc',
    none: 'Chưa có thông báo.',
    new: 'Mới:',
  },
};
