import type { LocaleReplies } from '../wording.js';

// Romanised Hindi, as such users write it; like hi.ts, without the gendered first person.
export const hiLatn: LocaleReplies = {
  account_security: {
    'secure-now': {
      title: 'Account secure karna',
      text: 'Aapka account abhi secure kiya ja raha hai: saare active sessions se logout kiya ja raha hai aur haal ke changes check kiye ja rahe hain. Please koi bhi code kisi ke saath share na karein.',
    },
    'verify-owner': {
      title: 'Ownership verify karna',
      text: 'Access wapas dilane ke liye confirm karna hoga ki account aapka hi hai. Change se pehle wale email ya phone number par ek verification link bheja jayega.',
    },
  },
  payment: {
    'freeze-charges': {
      title: 'Charges rokna',
      text: 'In charges ko flag kar diya gaya hai aur jaanch poori hone tak aapke account se nayi kharidari rok di gayi hai. Bina permission ka koi bhi charge refund kar diya jayega.',
    },
    'refund-timeline': {
      title: 'Refund ka samay',
      text: 'Aapka refund submit ho gaya hai. Yeh aam taur par 3–5 working days mein aapke original payment method mein wapas aa jata hai.',
    },
  },
  content_moderation: {
    'review-now': {
      title: 'Action ka review',
      text: 'Aapka case turant ek insaan ke review ke liye bhej diya gaya hai. Agar action galti se hua tha, to use wapas le liya jayega aur aapke record se hata diya jayega.',
    },
    'appeal-steps': {
      title: 'Appeal kaise hoti hai',
      text: 'Aapki taraf se appeal file kar di gayi hai. Faisla aam taur par 24 ghante ke andar app mein mil jayega.',
    },
  },
  technical: {
    'collect-info': {
      title: 'Kuch details chahiye',
      text: 'Kya aap apne app ka version aur phone ka model bata sakte hain? Tab tak please app update karke use restart karein.',
    },
    'known-issue': {
      title: 'Known issue',
      text: 'Yeh ek known issue hai jise hamare engineers abhi theek kar rahe hain. Theek hote hi aapko bata diya jayega.',
    },
  },
  copyright: {
    takedown: {
      title: 'Copy ki shikayat',
      text: 'Copy kiye gaye content ke liye copyright complaint file kar di gayi hai. Please apne original posts ke links bhejein taaki hum jaldi action le sakein.',
    },
    'dispute-claim': {
      title: 'Claim ko challenge karna',
      text: 'Aap is claim ko challenge kar sakte hain. Dispute shuru kar diya gaya hai; please proof bhejein ki yeh material aapka hai ya aapke paas iska license hai.',
    },
  },
  feedback: {
    thanks: {
      title: 'Shukriya',
      text: 'Idea ke liye shukriya! Ise hamari product team tak pahuncha diya gaya hai.',
    },
  },
  general: {
    'happy-to-help': {
      title: 'Madad ke liye haazir',
      text: 'Zaroor madad karenge! Yeh raha poora tareeka, step by step:',
    },
  },
};
