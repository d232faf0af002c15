import type { AssistantMessages } from './assistant.en.js';

export const assistantPt: AssistantMessages = {
  assistant: {
    name: 'Assistente',
    tryFirst: 'Deixe o assistente tentar primeiro',
    tryFirstHint: 'Ele responde na hora com a nossa central de ajuda; uma pessoa está a um toque.',
    holding:
      'O assistente está respondendo com a nossa central de ajuda. Uma pessoa pode assumir a qualquer momento.',
    solved: 'Isso resolveu',
    stillNeedHelp: 'Ainda preciso de ajuda',
    human: 'Falar com uma pessoa',
    selfServed: 'Que bom que ajudou! Este pedido foi encerrado; você pode perguntar de novo quando quiser.',
    articles: 'Artigos',
    openArticle: 'Ler “{{title}}”',
    closeArticle: 'Fechar artigo',
    articleLoading: 'Carregando o artigo…',
    articleUnavailable: 'Não foi possível carregar o artigo',
    suggestions: 'Estes artigos talvez já respondam',
    handedOver: 'O assistente passou a vez: {{reason}}',
    handoff: {
      urgent: 'urgente, direto para uma pessoa',
      asked_for_human: 'pediu uma pessoa',
      no_confident_match: 'nenhum artigo correspondeu bem',
      not_helped_twice: 'os artigos não ajudaram',
      language_not_supported: 'não há artigos no idioma do usuário',
      recorded_message: 'enviou uma gravação',
      unanswered: 'o usuário parou de responder',
      assistant_unavailable: 'o assistente não conseguiu responder',
    },
    card: 'Assistente',
    held: 'Respondidos primeiro',
    selfServedCount: 'Autoatendimento',
    deflection: 'Taxa de resolução sem atendente',
    handoffs: 'Transferências por motivo',
    noHandoffs: 'Nenhuma transferência ainda',
  },
};
