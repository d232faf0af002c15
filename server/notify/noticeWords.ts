import { localeFor, type UserLocale } from '../../core/language/localeFor.js';

export type NoticeType = 'message' | 'callback.due';

/** What a push says: generic, so it never carries the agent's words or anything about the case. */
export interface NoticeWords {
  title: string;
  body: string;
}

export const NOTICE_WORDS: Record<UserLocale, Record<NoticeType, NoticeWords>> = {
  en: {
    message: {
      title: 'Support replied to you',
      body: 'You have a new reply from our support team. Open the app to read it.',
    },
    'callback.due': {
      title: 'We are calling you back',
      body: 'A support agent is calling you back now. Open the app to answer.',
    },
  },
  'zh-Hans': {
    message: { title: '客服回复了您', body: '您收到了客服的新回复，打开应用即可查看。' },
    'callback.due': { title: '客服正在给您回电', body: '客服人员正在给您回电，请打开应用接听。' },
  },
  'zh-Hant': {
    message: { title: '客服回覆了您', body: '您收到客服的新回覆，開啟應用程式即可查看。' },
    'callback.due': { title: '客服正在回電給您', body: '客服人員正在回電給您，請開啟應用程式接聽。' },
  },
  es: {
    message: {
      title: 'Soporte te ha respondido',
      body: 'Tienes una nueva respuesta de nuestro equipo de soporte. Abre la aplicación para leerla.',
    },
    'callback.due': {
      title: 'Te estamos llamando',
      body: 'Un agente de soporte te está devolviendo la llamada ahora. Abre la aplicación para contestar.',
    },
  },
  pt: {
    message: {
      title: 'O suporte respondeu você',
      body: 'Você tem uma nova resposta da nossa equipe de suporte. Abra o app para ler.',
    },
    'callback.due': {
      title: 'Estamos ligando para você',
      body: 'Um atendente do suporte está retornando a sua ligação agora. Abra o app para atender.',
    },
  },
  id: {
    message: {
      title: 'Tim dukungan membalas Anda',
      body: 'Ada balasan baru dari tim dukungan kami. Buka aplikasi untuk membacanya.',
    },
    'callback.due': {
      title: 'Kami sedang menelepon Anda',
      body: 'Petugas dukungan sedang menelepon Anda kembali. Buka aplikasi untuk menjawab.',
    },
  },
  hi: {
    message: {
      title: 'सपोर्ट टीम ने जवाब दिया है',
      body: 'हमारी सपोर्ट टीम की ओर से आपके लिए नया जवाब आया है। पढ़ने के लिए ऐप खोलें।',
    },
    'callback.due': {
      title: 'हम आपको कॉल कर रहे हैं',
      body: 'हमारी सपोर्ट टीम अभी आपको वापस कॉल कर रही है। जवाब देने के लिए ऐप खोलें।',
    },
  },
  'hi-Latn': {
    message: {
      title: 'Support team ne jawab diya hai',
      body: 'Hamari support team ki taraf se aapke liye naya jawab aaya hai. Padhne ke liye app kholein.',
    },
    'callback.due': {
      title: 'Hum aapko call kar rahe hain',
      body: 'Hamari support team abhi aapko wapas call kar rahi hai. Jawab dene ke liye app kholein.',
    },
  },
  ar: {
    message: {
      title: 'ردّ عليك فريق الدعم',
      body: 'لديك ردّ جديد من فريق الدعم لدينا. افتح التطبيق لقراءته.',
    },
    'callback.due': {
      title: 'نتصل بك الآن',
      body: 'أحد موظفي الدعم يعاود الاتصال بك الآن. افتح التطبيق للرد.',
    },
  },
  vi: {
    message: {
      title: 'Bộ phận hỗ trợ đã trả lời bạn',
      body: 'Bạn có câu trả lời mới từ bộ phận hỗ trợ. Mở ứng dụng để xem.',
    },
    'callback.due': {
      title: 'Chúng tôi đang gọi lại cho bạn',
      body: 'Nhân viên hỗ trợ đang gọi lại cho bạn. Mở ứng dụng để nghe máy.',
    },
  },
};

/** A notice's words in the user's language (English for one Lifeline does not speak), and which that is. */
export function noticeWords(type: NoticeType, language: string): NoticeWords & { textLanguage: UserLocale } {
  const textLanguage = localeFor(language);
  return { textLanguage, ...NOTICE_WORDS[textLanguage][type] };
}
