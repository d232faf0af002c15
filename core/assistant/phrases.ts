import { localeFor, type UserLocale } from '../language/localeFor.js';

/**
 * What the assistant says, in every language Lifeline speaks to users in. Its lines are stored as
 * conversation messages, so they are worded here once, not by each client. The button names it
 * quotes are the widget's own labels in that language.
 */
export interface Phrases {
  firstAnswer: string;
  nextAnswer: string;
  askIfSolved: string;
  handingOver: string;
  glad: string;
}

export const PHRASES: Record<UserLocale, Phrases> = {
  en: {
    firstAnswer: 'Here is what our help centre says about this:',
    nextAnswer: 'Here is something else that may help:',
    askIfSolved: 'Did this solve it? If not, tap “Still need help” or “Talk to a person” at any time.',
    handingOver:
      'I am passing you to a person now. They will see everything above, so you will not need to repeat it.',
    glad: 'Glad that helped. If anything else comes up, you can ask again at any time.',
  },
  'zh-Hans': {
    firstAnswer: '帮助中心关于这个问题是这样说的：',
    nextAnswer: '下面的内容也许能帮到您：',
    askIfSolved: '问题解决了吗？如果没有，可以随时点“仍需帮助”或“联系人工客服”。',
    handingOver: '现在为您转接人工客服。对方会看到以上全部内容，您不需要再重复一遍。',
    glad: '很高兴能帮到您。如果还有其他问题，随时可以再来问。',
  },
  'zh-Hant': {
    firstAnswer: '說明中心對這個問題是這樣說的：',
    nextAnswer: '以下內容也許能幫到您：',
    askIfSolved: '問題解決了嗎？如果沒有，可以隨時點「仍需幫助」或「聯繫人工客服」。',
    handingOver: '現在為您轉接真人客服。對方會看到以上所有內容，您不需要再重複一次。',
    glad: '很高興能幫到您。如果還有其他問題，隨時可以再來問。',
  },
  es: {
    firstAnswer: 'Esto es lo que dice nuestro centro de ayuda sobre el tema:',
    nextAnswer: 'Aquí tienes algo más que puede ayudarte:',
    askIfSolved:
      '¿Esto resolvió tu problema? Si no, toca «Todavía necesito ayuda» o «Hablar con una persona» cuando quieras.',
    handingOver: 'Te paso ahora con una persona. Verá todo lo anterior, así que no tendrás que repetirlo.',
    glad: 'Me alegra haberte ayudado. Si surge cualquier otra cosa, puedes volver a preguntar cuando quieras.',
  },
  pt: {
    firstAnswer: 'Veja o que a nossa central de ajuda diz sobre isso:',
    nextAnswer: 'Aqui está mais uma coisa que pode ajudar:',
    askIfSolved:
      'Isso resolveu? Se não, toque em “Ainda preciso de ajuda” ou “Falar com uma pessoa” a qualquer momento.',
    handingOver:
      'Vou transferir você agora para uma pessoa da nossa equipe. Ela vai ver toda a conversa acima, então você não precisa repetir nada.',
    glad: 'Que bom que ajudou. Se surgir mais alguma coisa, é só perguntar de novo quando quiser.',
  },
  id: {
    firstAnswer: 'Berikut penjelasan pusat bantuan kami tentang hal ini:',
    nextAnswer: 'Berikut hal lain yang mungkin membantu:',
    askIfSolved:
      'Apakah masalahnya sudah teratasi? Jika belum, ketuk “Masih butuh bantuan” atau “Bicara dengan manusia” kapan saja.',
    handingOver:
      'Saya akan menghubungkan Anda dengan petugas sekarang. Petugas dapat melihat semua percakapan di atas, jadi Anda tidak perlu mengulanginya.',
    glad: 'Senang bisa membantu. Jika ada hal lain, Anda bisa bertanya lagi kapan saja.',
  },
  hi: {
    firstAnswer: 'इस बारे में हमारा सहायता केंद्र यह कहता है:',
    nextAnswer: 'यह जानकारी भी आपके काम आ सकती है:',
    askIfSolved:
      'क्या इससे समस्या हल हुई? अगर नहीं, तो कभी भी “अब भी मदद चाहिए” या “किसी व्यक्ति से बात करें” पर टैप करें।',
    handingOver:
      'अब आपको हमारी टीम के एक सदस्य से जोड़ा जा रहा है। वे ऊपर की पूरी बातचीत देख पाएँगे, इसलिए आपको कुछ भी दोहराना नहीं पड़ेगा।',
    glad: 'खुशी है कि इससे मदद मिली। अगर कुछ और पूछना हो, तो कभी भी दोबारा पूछ सकते हैं।',
  },
  'hi-Latn': {
    firstAnswer: 'Is baare mein hamara help centre yeh kehta hai:',
    nextAnswer: 'Yeh jaankari bhi aapke kaam aa sakti hai:',
    askIfSolved:
      'Kya isse problem solve hui? Agar nahi, to kabhi bhi “Abhi bhi madad chahiye” ya “Kisi insaan se baat karein” par tap karein.',
    handingOver:
      'Ab aapko hamari team ke ek member se joda ja raha hai. Woh upar ki poori baatcheet dekh payenge, isliye aapko kuch bhi dobara batane ki zaroorat nahi hai.',
    glad: 'Khushi hai ki isse madad mili. Kuch aur poochna ho to kabhi bhi dobara pooch sakte hain.',
  },
  ar: {
    firstAnswer: 'إليك ما يقوله مركز المساعدة لدينا عن هذا الموضوع:',
    nextAnswer: 'إليك معلومات أخرى قد تفيدك:',
    askIfSolved:
      'هل حُلّت المشكلة؟ إن لم تُحل، يمكنك في أي وقت النقر على «ما زلت بحاجة إلى مساعدة» أو «التحدث إلى شخص».',
    handingOver: 'سأحوّلك الآن إلى أحد موظفينا. سيرى كل ما ورد أعلاه، فلن تحتاج إلى تكراره.',
    glad: 'يسعدنا أن ذلك ساعدك. إذا احتجت إلى أي شيء آخر، يمكنك السؤال مجددًا في أي وقت.',
  },
  vi: {
    firstAnswer: 'Trung tâm trợ giúp của chúng tôi hướng dẫn về vấn đề này như sau:',
    nextAnswer: 'Thông tin dưới đây cũng có thể giúp bạn:',
    askIfSolved:
      'Vấn đề đã được giải quyết chưa? Nếu chưa, bạn có thể nhấn “Vẫn cần trợ giúp” hoặc “Nói chuyện với nhân viên” bất cứ lúc nào.',
    handingOver:
      'Tôi sẽ chuyển bạn đến nhân viên hỗ trợ ngay bây giờ. Họ sẽ thấy toàn bộ nội dung ở trên, nên bạn không cần nhắc lại.',
    glad: 'Rất vui vì đã giúp được bạn. Nếu có vấn đề gì khác, bạn có thể hỏi lại bất cứ lúc nào.',
  },
};

/** The request's language picks the wording: Traditional Chinese by script or region, unknown as English. */
export const phrasesFor = (language: string): Phrases => PHRASES[localeFor(language)];

export interface QuotedArticle {
  title: string;
  snippet: string;
}

/** An answer: each article's title and its opening quoted, then the question whether it solved it. */
export function answerText(language: string, articles: readonly QuotedArticle[], again: boolean): string {
  const words = phrasesFor(language);
  const quoted = articles.map(
    ({ title, snippet }) => `**${title}**\n> ${snippet.replace(/\s+/g, ' ').trim()}…`,
  );
  return [again ? words.nextAnswer : words.firstAnswer, ...quoted, words.askIfSolved].join('\n\n');
}

export const handingOverText = (language: string) => phrasesFor(language).handingOver;
export const gladText = (language: string) => phrasesFor(language).glad;
