/** Vietnamese: the integration gateway (LGSP) admin pages. */
export const gateway = {
  gw: {
    title: 'Nền tảng tích hợp, chia sẻ dữ liệu (LGSP)',
    nav: { label: 'Quản trị LGSP', members: 'Thành viên', services: 'Dịch vụ', credentials: 'Xác thực', log: 'Nhật ký thông điệp', monitoring: 'Giám sát' },
    health: {
      unhealthy: 'Nhật ký thông điệp chưa được gắn dấu thời gian đúng hạn',
      last: 'Dấu thời gian gần nhất: {{at}} ({{age}} trước). Bản ghi chưa gắn dấu: {{count}}.',
      never: 'Chưa có dấu thời gian nào. Bản ghi chưa gắn dấu: {{count}}.',
      refusing: 'Cổng đang từ chối mọi yêu cầu cho đến khi gắn được dấu thời gian.',
      healthy: 'Nhật ký thông điệp hoạt động bình thường (dấu thời gian gần nhất {{at}}).',
      unknown: 'Không đọc được tình trạng nhật ký thông điệp.',
    },
    members: {
      title: 'Thành viên và hệ thống con', lead: 'Mỗi cơ quan, tổ chức là một thành viên (INSTANCE/CLASS/MEMBER); mỗi hệ thống thông tin của họ là một hệ thống con.',
      add: 'Đăng ký hệ thống con', id: 'Mã hệ thống con', idHint: 'Dạng VN/GOV/000.00.44.H56/MOTCUA', name: 'Tên hệ thống', memberName: 'Tên thành viên (khi đăng ký mới)',
      save: 'Đăng ký', saved: 'Đã đăng ký {{id}}', none: 'Chưa có thành viên nào.', subsystems: 'Hệ thống con', credentials: '{{count}} thông tin xác thực',
    },
    services: {
      title: 'Dịch vụ', lead: 'Dịch vụ do hệ thống con cung cấp qua cổng; nhập tài liệu OpenAPI để lấy danh sách điểm cuối.',
      add: 'Đăng ký hoặc cập nhật dịch vụ', id: 'Mã dịch vụ', idHint: 'Dạng VN/GOV/000.00.44.H56/MOTCUA/tra-cuu-ho-so',
      url: 'Địa chỉ máy chủ dịch vụ (URL)', urlHint: 'Để trống để dùng máy chủ đầu tiên trong tài liệu OpenAPI', openapi: 'Tài liệu OpenAPI (JSON hoặc YAML)',
      serviceTitle: 'Tên dịch vụ', digestOnly: 'Chỉ lưu mã băm nội dung (không lưu nội dung thông điệp)', timeout: 'Thời gian chờ (ms)',
      save: 'Lưu dịch vụ', saved: 'Đã lưu dịch vụ {{id}} ({{count}} điểm cuối)', none: 'Chưa có dịch vụ nào.',
      endpoints: 'Điểm cuối', noEndpoints: 'Không khai báo điểm cuối (cả dịch vụ)', disabled: 'Tạm dừng', enabled: 'Đang hoạt động',
      disable: 'Tạm dừng dịch vụ', enable: 'Bật lại dịch vụ', digest: 'Chỉ mã băm', rights: 'Quyền truy cập', manage: 'Quản lý quyền',
    },
    rights: {
      title: 'Quyền truy cập dịch vụ {{id}}', lead: 'Mặc định không ai được gọi dịch vụ; cấp quyền cho hệ thống con, nhóm hoặc mã ứng dụng (client_id).',
      subject: 'Đối tượng được cấp quyền', subjectHint: 'Mã hệ thống con, group:MÃ-NHÓM hoặc client_id', method: 'Phương thức', path: 'Đường dẫn',
      pathHint: '* là mọi đường dẫn; /ho-so/* hoặc /ho-so/{ma}', grant: 'Cấp quyền', granted: 'Đã cấp quyền cho {{subject}}', already: '{{subject}} đã có quyền này',
      revoke: 'Thu hồi', revoked: 'Đã thu hồi quyền của {{subject}}', none: 'Chưa cấp quyền cho ai.', any: 'mọi', back: 'Về danh sách dịch vụ', notFound: 'Không có dịch vụ này.',
    },
    credentials: {
      title: 'Thông tin xác thực', lead: 'Mã ứng dụng và khóa bí mật (OAuth 2.0) hoặc chứng thư số TLS cho hệ thống con gọi qua cổng.',
      add: 'Cấp thông tin xác thực mới', subsystem: 'Hệ thống con', choose: 'Chọn hệ thống con', certificate: 'Chứng thư số (PEM), để trống để cấp khóa bí mật',
      create: 'Cấp', createdTitle: 'Đã cấp thông tin xác thực', secretOnce: 'Khóa bí mật chỉ hiển thị một lần này. Hãy sao chép và chuyển an toàn cho đơn vị quản lý hệ thống.',
      clientId: 'Mã ứng dụng (client_id)', secret: 'Khóa bí mật (client_secret)', fingerprint: 'Dấu vân tay SHA-256', copy: 'Sao chép', copied: 'Đã sao chép',
      kind: 'Loại', kinds: { secret: 'Khóa bí mật', certificate: 'Chứng thư số' }, created: 'Ngày cấp', state: 'Trạng thái', active: 'Đang dùng',
      revokedAt: 'Đã thu hồi {{at}}', revoke: 'Thu hồi', revoked: 'Đã thu hồi {{id}}', none: 'Chưa cấp thông tin xác thực nào.', dismiss: 'Đã lưu, ẩn khóa',
    },
    log: {
      title: 'Nhật ký thông điệp', lead: 'Mọi yêu cầu và phản hồi qua cổng, đã ký số, nối chuỗi băm và gắn dấu thời gian.',
      xRoadId: 'Mã thông điệp (X-Road-Id)', client: 'Bên gọi', service: 'Dịch vụ', from: 'Từ', to: 'Đến', search: 'Tìm', more: 'Xem thêm',
      at: 'Thời điểm', kind: 'Loại', kinds: { request: 'Yêu cầu', response: 'Phản hồi' }, status: 'Mã trạng thái', size: 'Dung lượng', none: 'Không có bản ghi phù hợp.',
      timestamped: 'Đã gắn dấu thời gian', pending: 'Chờ gắn dấu', open: 'Xem', detail: 'Bản ghi {{id}}', headers: 'Tiêu đề (headers)', body: 'Nội dung',
      digestOnly: 'Dịch vụ chỉ lưu mã băm: nội dung không được lưu.', noBody: 'Không có nội dung.', binary: 'Nội dung nhị phân ({{size}})', sha: 'SHA-512 nội dung',
      error: 'Lỗi', requestId: 'X-Road-Request-Id', method: 'Phương thức', path: 'Đường dẫn', close: 'Đóng',
    },
    monitoring: {
      title: 'Giám sát vận hành', lead: 'Số yêu cầu, lỗi, dung lượng và độ trễ theo bên gọi và dịch vụ.', period: 'Khoảng thời gian',
      periods: { h1: '1 giờ qua', h24: '24 giờ qua', d7: '7 ngày qua' }, requests: 'Yêu cầu', errors: 'Lỗi', bytesIn: 'Dữ liệu vào', bytesOut: 'Dữ liệu ra',
      p50: 'Trung vị (ms)', p95: 'P95 (ms)', p99: 'P99 (ms)', traffic: 'Lưu lượng theo thời gian', latency: 'Độ trễ P95 theo thời gian (ms)',
      histogram: 'Phân bố độ trễ', table: 'Theo bên gọi và dịch vụ', none: 'Chưa có lưu lượng trong khoảng này.', le: '≤ {{ms}} ms', over: '> {{ms}} ms',
    },
  },
};
