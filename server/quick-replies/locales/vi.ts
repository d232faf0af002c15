import type { LocaleReplies } from '../wording.js';

export const vi: LocaleReplies = {
  account_security: {
    'secure-now': {
      title: 'Đang bảo vệ tài khoản',
      text: 'Tôi đang bảo vệ tài khoản của bạn ngay lúc này: các phiên đăng nhập đang hoạt động sẽ bị đăng xuất và những thay đổi gần đây đang được kiểm tra. Vui lòng không chia sẻ bất kỳ mã nào với người khác.',
    },
    'verify-owner': {
      title: 'Xác minh chủ tài khoản',
      text: 'Để khôi phục quyền truy cập, tôi cần xác nhận bạn là chủ tài khoản. Tôi sẽ gửi đường liên kết xác minh đến email hoặc số điện thoại bạn dùng trước khi có thay đổi.',
    },
  },
  payment: {
    'freeze-charges': {
      title: 'Dừng trừ tiền',
      text: 'Tôi đã đánh dấu các khoản trừ tiền này và tạm chặn giao dịch mua mới trên tài khoản của bạn trong lúc chúng tôi kiểm tra. Mọi khoản trừ tiền trái phép sẽ được hoàn lại.',
    },
    'refund-timeline': {
      title: 'Thời gian hoàn tiền',
      text: 'Yêu cầu hoàn tiền của bạn đã được gửi. Tiền thường về phương thức thanh toán ban đầu trong vòng 3–5 ngày làm việc.',
    },
  },
  content_moderation: {
    'review-now': {
      title: 'Xem xét lại quyết định',
      text: 'Tôi đã gửi trường hợp của bạn để nhân viên xem xét khẩn cấp. Nếu quyết định xử lý bị sai, quyết định đó sẽ được hủy và xóa khỏi hồ sơ của bạn.',
    },
    'appeal-steps': {
      title: 'Quy trình kháng nghị',
      text: 'Tôi đã gửi kháng nghị giúp bạn. Bạn sẽ nhận được kết quả trong ứng dụng, thường trong vòng 24 giờ.',
    },
  },
  technical: {
    'collect-info': {
      title: 'Xin thêm thông tin',
      text: 'Bạn cho tôi biết phiên bản ứng dụng và mẫu điện thoại đang dùng nhé? Trong lúc đó, vui lòng cập nhật ứng dụng và khởi động lại.',
    },
    'known-issue': {
      title: 'Lỗi đã biết',
      text: 'Đây là lỗi đã biết và các kỹ sư của chúng tôi đang khắc phục. Tôi sẽ báo cho bạn ngay khi lỗi được sửa.',
    },
  },
  copyright: {
    takedown: {
      title: 'Báo cáo nội dung sao chép',
      text: 'Tôi đã tạo báo cáo bản quyền cho nội dung bị sao chép. Vui lòng gửi đường liên kết đến các bài đăng gốc của bạn để chúng tôi xử lý nhanh chóng.',
    },
    'dispute-claim': {
      title: 'Phản đối khiếu nại',
      text: 'Bạn có thể phản đối khiếu nại này. Tôi đã bắt đầu thủ tục phản đối; vui lòng cung cấp bằng chứng cho thấy bạn sở hữu hoặc được cấp phép sử dụng nội dung này.',
    },
  },
  feedback: {
    thanks: {
      title: 'Cảm ơn',
      text: 'Cảm ơn ý tưởng của bạn! Tôi đã chuyển ý tưởng này cho đội ngũ sản phẩm.',
    },
  },
  general: {
    'happy-to-help': {
      title: 'Sẵn lòng hỗ trợ',
      text: 'Rất sẵn lòng hỗ trợ bạn! Dưới đây là các bước thực hiện:',
    },
  },
};
