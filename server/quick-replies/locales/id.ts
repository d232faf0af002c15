import type { LocaleReplies } from '../wording.js';

export const id: LocaleReplies = {
  account_security: {
    'secure-now': {
      title: 'Mengamankan akun',
      text: 'Saya sedang mengamankan akun Anda: semua sesi aktif sedang dikeluarkan dan perubahan terbaru sedang ditinjau. Jangan bagikan kode apa pun kepada siapa pun.',
    },
    'verify-owner': {
      title: 'Verifikasi kepemilikan',
      text: 'Untuk memulihkan akses, saya perlu memastikan bahwa Anda pemilik akun ini. Saya akan mengirim tautan verifikasi ke email atau nomor telepon yang Anda gunakan sebelum perubahan.',
    },
  },
  payment: {
    'freeze-charges': {
      title: 'Menghentikan tagihan',
      text: 'Saya sudah menandai tagihan ini dan memblokir pembelian baru di akun Anda selama kami menyelidikinya. Setiap tagihan yang tidak sah akan dikembalikan.',
    },
    'refund-timeline': {
      title: 'Waktu pengembalian dana',
      text: 'Pengembalian dana Anda sudah diajukan. Biasanya dana masuk ke metode pembayaran awal dalam 3–5 hari kerja.',
    },
  },
  content_moderation: {
    'review-now': {
      title: 'Meninjau tindakan',
      text: 'Saya sudah mengirim kasus Anda untuk segera ditinjau oleh petugas. Jika tindakan itu keliru, tindakan tersebut akan dibatalkan dan dihapus dari catatan Anda.',
    },
    'appeal-steps': {
      title: 'Cara kerja banding',
      text: 'Saya sudah mengajukan banding untuk Anda. Keputusannya akan Anda terima di aplikasi, biasanya dalam 24 jam.',
    },
  },
  technical: {
    'collect-info': {
      title: 'Mohon detailnya',
      text: 'Boleh beri tahu versi aplikasi dan model ponsel Anda? Sementara itu, silakan perbarui aplikasi lalu mulai ulang.',
    },
    'known-issue': {
      title: 'Masalah yang diketahui',
      text: 'Ini masalah yang sudah kami ketahui dan sedang diperbaiki oleh tim teknis kami. Saya akan segera mengabari Anda setelah selesai.',
    },
  },
  copyright: {
    takedown: {
      title: 'Laporkan salinan',
      text: 'Saya sudah membuat laporan hak cipta untuk konten yang disalin. Silakan kirim tautan ke postingan asli Anda agar kami bisa segera menindaklanjutinya.',
    },
    'dispute-claim': {
      title: 'Sanggah klaim',
      text: 'Anda dapat menyanggah klaim ini. Saya sudah memulai proses sanggahan; silakan kirim bukti bahwa Anda pemilik materi tersebut atau memiliki lisensinya.',
    },
  },
  feedback: {
    thanks: { title: 'Terima kasih', text: 'Terima kasih atas idenya! Sudah saya teruskan ke tim produk.' },
  },
  general: {
    'happy-to-help': { title: 'Senang membantu', text: 'Dengan senang hati! Berikut langkah-langkahnya:' },
  },
};
