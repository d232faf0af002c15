import type { LocaleReplies } from '../wording.js';

export const pt: LocaleReplies = {
  account_security: {
    'secure-now': {
      title: 'Protegendo a conta',
      text: 'Estou protegendo a sua conta agora mesmo: as sessões ativas estão sendo encerradas e as alterações recentes, revisadas. Não compartilhe nenhum código com ninguém.',
    },
    'verify-owner': {
      title: 'Confirmar titularidade',
      text: 'Para recuperar o acesso, preciso confirmar que a conta é sua. Vou enviar um link de verificação para o e-mail ou o número de telefone que você usava antes da alteração.',
    },
  },
  payment: {
    'freeze-charges': {
      title: 'Bloqueando cobranças',
      text: 'Sinalizei essas cobranças e bloqueei novas compras na sua conta enquanto investigamos. Qualquer cobrança não autorizada será reembolsada.',
    },
    'refund-timeline': {
      title: 'Prazo do reembolso',
      text: 'Seu reembolso foi solicitado. Ele costuma chegar ao meio de pagamento original em 3 a 5 dias úteis.',
    },
  },
  content_moderation: {
    'review-now': {
      title: 'Revisando a medida',
      text: 'Enviei o seu caso para uma revisão humana urgente. Se a medida tiver sido um erro, ela será revertida e removida do seu histórico.',
    },
    'appeal-steps': {
      title: 'Como funcionam os recursos',
      text: 'Registrei o recurso para você. A decisão vai chegar pelo app, normalmente em até 24 horas.',
    },
  },
  technical: {
    'collect-info': {
      title: 'Preciso de alguns dados',
      text: 'Você pode me dizer a versão do app e o modelo do seu celular? Enquanto isso, atualize o app e reinicie-o.',
    },
    'known-issue': {
      title: 'Problema conhecido',
      text: 'Este é um problema conhecido que nossos engenheiros já estão corrigindo. Aviso você assim que for resolvido.',
    },
  },
  copyright: {
    takedown: {
      title: 'Denunciar a cópia',
      text: 'Abri uma denúncia de direitos autorais contra o conteúdo copiado. Envie os links das suas publicações originais para agirmos rápido.',
    },
    'dispute-claim': {
      title: 'Contestar uma reivindicação',
      text: 'Você pode contestar essa reivindicação. Já iniciei a contestação; envie uma prova de que o material é seu ou de que você tem licença para usá-lo.',
    },
  },
  feedback: {
    thanks: {
      title: 'Agradecimento',
      text: 'Agradecemos a ideia! Já a encaminhei para a equipe de produto.',
    },
  },
  general: {
    'happy-to-help': { title: 'Posso ajudar', text: 'Claro, posso ajudar! Veja o passo a passo:' },
  },
};
