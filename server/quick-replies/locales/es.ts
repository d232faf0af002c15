import type { LocaleReplies } from '../wording.js';

export const es: LocaleReplies = {
  account_security: {
    'secure-now': {
      title: 'Protegiendo la cuenta',
      text: 'Estoy protegiendo tu cuenta ahora mismo: estamos cerrando las sesiones activas y revisando los cambios recientes. No compartas ningún código con nadie.',
    },
    'verify-owner': {
      title: 'Verificar titularidad',
      text: 'Para recuperar el acceso, necesito confirmar que la cuenta es tuya. Enviaré un enlace de verificación al correo electrónico o al número de teléfono que tenías antes del cambio.',
    },
  },
  payment: {
    'freeze-charges': {
      title: 'Detener cargos',
      text: 'He marcado estos cargos y he bloqueado nuevas compras en tu cuenta mientras investigamos. Te reembolsaremos cualquier cargo no autorizado.',
    },
    'refund-timeline': {
      title: 'Plazo del reembolso',
      text: 'Tu reembolso ya está solicitado. Suele llegar a tu método de pago original en un plazo de 3 a 5 días hábiles.',
    },
  },
  content_moderation: {
    'review-now': {
      title: 'Revisando la medida',
      text: 'He enviado tu caso a una revisión urgente por parte de una persona. Si la medida fue un error, se anulará y se eliminará de tu historial.',
    },
    'appeal-steps': {
      title: 'Cómo funcionan las apelaciones',
      text: 'He presentado la apelación por ti. Recibirás la decisión en la aplicación, normalmente en menos de 24 horas.',
    },
  },
  technical: {
    'collect-info': {
      title: 'Necesito algunos datos',
      text: '¿Me dices qué versión de la aplicación y qué modelo de teléfono tienes? Mientras tanto, actualiza la aplicación y reiníciala.',
    },
    'known-issue': {
      title: 'Problema conocido',
      text: 'Es un problema conocido que nuestros ingenieros ya están solucionando. Te avisaré en cuanto esté resuelto.',
    },
  },
  copyright: {
    takedown: {
      title: 'Denunciar la copia',
      text: 'He abierto una denuncia por derechos de autor sobre el contenido copiado. Envíame los enlaces a tus publicaciones originales para que podamos actuar rápido.',
    },
    'dispute-claim': {
      title: 'Impugnar una reclamación',
      text: 'Puedes impugnar esta reclamación. Ya he iniciado la impugnación; envíanos una prueba de que el material es tuyo o de que tienes licencia para usarlo.',
    },
  },
  feedback: {
    thanks: { title: 'Gracias', text: '¡Gracias por la idea! Se la he pasado al equipo de producto.' },
  },
  general: {
    'happy-to-help': { title: 'Con gusto te ayudo', text: '¡Con gusto te ayudo! Estos son los pasos:' },
  },
};
