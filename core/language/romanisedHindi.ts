/**
 * Hindi typed in Latin letters (Hinglish), which statistical detectors trained on Devanagari
 * cannot see. Its frequent words are unlike any other language's: one of the distinctive ones
 * says it, or two of the short ones that other languages share ("me", "ho", "ka").
 */
const DISTINCTIVE = new Set(
  (
    'hai hain h nahi nahin nhi mera meri mere mujhe mujhko kya kyu kyun kyon kaise kese kaisa kab kaha kahan ' +
    'kar karo kardo karu kare kre karna karke kiya kiye gaya gayi gaye raha rahi rahe rha rhi tha thi abhi ' +
    'bhai yaar paisa paise pesa aur lekin kuch jaldi chahiye hoga hota hoti hua hui diya liya liye dekho ' +
    'batao bataiye kijiye badle badal accha acha achha badhiya bahut bohot zyada jyada pehle pichle baar ' +
    'wala wali wale kitna kitni kitne kisse kisi kaun sirf hamesha dost naya naye nayi pasand kaash aaya ' +
    'aayi aaye aayega mila mile milega milenge chalega chalte sakte sakta sakti paate paya dalo daalo ' +
    'hatao hata bina apna apni apne humara hamara tumhara aapka aapke shukriya dhanyavad namaste kripya ' +
    'waise matlab samajh pata chal gaana gaane hafte mahine ghante din raat subah kal aaj'
  ).split(' '),
);
const SHARED = new Set('ho se ko ka ki ke me mein pe par bhi koi sab ek do toh to na ye wo'.split(' '));

export function isRomanisedHindi(text: string): boolean {
  const words = text.toLowerCase().match(/\p{Script=Latin}+/gu) ?? [];
  const distinctive = words.filter((word) => DISTINCTIVE.has(word)).length;
  const shared = new Set(words.filter((word) => SHARED.has(word))).size;
  return distinctive >= 1 && distinctive + shared >= (words.length <= 3 ? 1 : 2);
}
