import type { AssistantMessages } from './assistant.en.js';

export const assistantEs: AssistantMessages = {
  assistant: {
    name: 'Asistente',
    tryFirst: 'Deja que el asistente lo intente primero',
    tryFirstHint: 'Responde al momento con nuestro centro de ayuda; una persona está a un toque.',
    holding:
      'El asistente te está respondiendo con nuestro centro de ayuda. Una persona puede atenderte en cualquier momento.',
    solved: 'Esto lo ha resuelto',
    stillNeedHelp: 'Todavía necesito ayuda',
    human: 'Hablar con una persona',
    selfServed:
      '¡Nos alegra haberte ayudado! Esta solicitud está cerrada; puedes volver a preguntar cuando quieras.',
    articles: 'Artículos',
    openArticle: 'Leer «{{title}}»',
    closeArticle: 'Cerrar artículo',
    articleLoading: 'Cargando el artículo…',
    articleUnavailable: 'No se pudo cargar el artículo',
    suggestions: 'Puede que estos artículos ya lo respondan',
    handedOver: 'El asistente se ha apartado: {{reason}}',
    handoff: {
      urgent: 'es urgente, directamente a una persona',
      asked_for_human: 'pidió hablar con una persona',
      no_confident_match: 'ningún artículo encajaba bien',
      not_helped_twice: 'los artículos no ayudaron',
      language_not_supported: 'no hay artículos en el idioma del usuario',
      recorded_message: 'envió una grabación',
      unanswered: 'el usuario dejó de responder',
      assistant_unavailable: 'el asistente no pudo responder',
    },
    card: 'Asistente',
    held: 'Respondidas primero',
    selfServedCount: 'Autoservicio',
    deflection: 'Tasa de resolución sin agente',
    handoffs: 'Traspasos por motivo',
    noHandoffs: 'Aún no hay traspasos',
  },
};
