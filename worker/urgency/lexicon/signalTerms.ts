import type { Signal, SignalTerms } from './signals.js';

export const SIGNAL_TERMS: Record<Signal, SignalTerms> = {
  takeover: {
    en: ['hacked', 'hacker', 'hijacked', 'compromised', 'stolen account', 'account stolen', 'account was stolen', 'someone logged', 'someone else logged', 'got into my account', 'logged into my account', 'accessed my account', 'broke into', 'unknown device', 'unrecognized device', 'login from', 'another country', 'using my account', 'posting from my account', 'changed my password', 'changed my email', 'password was changed', 'email was changed', 'someone is using my account', 'took over my account', 'taken over', 'phishing'],
    zh: ['被盗(?!刷)', '盗号', '被黑', '黑客', '异地登录', '陌生设备', '密码.{0,3}被.{0,2}改', '被改了?密码', '绑定.{0,3}被.{0,2}(改|换)', '被人登录', '被别人登录', '账号被人', '号被.{0,2}(盗|偷)', '有人.{0,3}登录', '别人.{0,3}登录', '用我的(号|账号)'],
  },
  activeTakeover: {
    en: ['posting from my account', 'using my account', 'posting on my account', 'changed my password', 'changed my email', 'password was changed', 'email was changed', 'cant sign in', 'can not sign in', 'cannot sign in', 'cant log in', 'cannot log in', 'cant login', 'locked me out', 'they are posting', 'sending messages from my account', 'streaming on my account', 'dming my followers', 'messaging my followers', 'asking for money'],
    zh: ['登不上', '登录不了', '无法登录', '进不去', '正在用我的', '用我的(号|账号)', '密码.{0,3}被.{0,2}改', '发广告', '冒充我', '私信.{0,4}(粉丝|好友)', '借钱', '改我的(资料|密码)'],
  },
  lockout: {
    en: ['locked', 'cant sign in', 'cannot sign in', 'cant log in', 'cannot log in', 'account is frozen', 'frozen account', 'suspended', 'deactivated', 'disabled', 'cant access', 'cannot access', 'lost access', 'banned account', 'account banned'],
    zh: ['冻结', '封号', '停用', '禁用', '无法访问', '被限制登录', '号被封', '登不上', '登录不了'],
  },
  moneyTaken: {
    en: ['unauthorized', 'unauthorised', 'fraud', 'fraudulent', 'unknown purchase', 'purchases i didnt make', 'didnt make', 'didnt authorize', 'stolen money', 'money stolen', 'charging my card', 'drained', 'without my permission', 'never made', 'didnt buy', 'not mine', 'charges i dont recognize'],
    zh: ['盗刷', '被刷', '莫名.{0,2}扣', '乱扣', '不是我.{0,3}(买|充|消费)', '不是我买', '扣款.{0,6}不是我', '被盗.{0,3}(钱|款|余额)', '偷.{0,2}钱'],
  },
  billingError: {
    en: ['charged twice', 'double charged', 'charged two times', 'overcharged', 'wrong amount', 'refund', 'never arrived', 'never received', 'not received', 'didnt receive', 'havent received', 'hasnt arrived', 'missing payout', 'missing payment', 'payout is missing', 'payment failed but', 'still not paid', 'money back', 'renewed even though', 'charged after i cancel', 'balance still', 'shows zero', 'not been paid', 'havent been paid', 'wasnt paid', 'not paid out'],
    zh: ['扣了?两次', '重复扣', '多扣', '退款', '退还', '退钱', '没到账', '未到账', '没有到账', '没收到', '少了', '扣.{0,2}(钱|费).{0,4}(没|未)', '自动续费', '取消.{0,6}(还|仍).{0,4}(扣|续)'],
  },
  liveContext: {
    en: ['live', 'livestream', 'stream', 'streaming', 'broadcast', 'going live', 'viewers', 'live room'],
    zh: ['直播', '开播', '观众', '直播间', '连麦'],
  },
  liveNow: {
    en: ['live now', 'currently live', 'im live', 'i am live', 'while live', 'in the middle of', 'mid stream', 'midstream', 'during my stream', 'during my live', 'right now'],
    zh: ['正在直播', '直播中', '直播.{0,4}正在', '正在进行', '开播中', '直播到一半', '直播中途', '直播的时候'],
  },
  streamCut: {
    en: ['stream banned', 'stream got banned', 'stream was banned', 'banned in the middle', 'stream was cut', 'stream got cut', 'cut off my stream', 'shut down my stream', 'stream ended', 'ended my stream', 'ended my broadcast', 'cut my broadcast', 'stopped my stream', 'stopped my broadcast', 'shut down my broadcast', 'stream terminated', 'live banned', 'kicked off live', 'kicked me off'],
    zh: ['直播.{0,8}(被封|封了|被禁|断了|被断|被关|中断|被停)', '(被封|被禁|被断).{0,6}直播', '关播', '断播', '停播'],
  },
  banned: {
    en: ['banned', 'got a ban', 'blocked from', 'suspended from'],
    zh: ['被封', '封了', '被禁', '封禁', '禁播'],
  },
  streamBroken: {
    en: ['stream freezing', 'stream keeps freezing', 'stream frozen', 'freezing for', 'stream lagging', 'stream lag', 'black screen', 'viewers cant see', 'viewers cannot see', 'no one can see my stream', 'stream keeps dropping', 'stream dropping'],
    zh: ['(观众|画面|直播).{0,6}(卡住|卡死|卡顿|黑屏|不动|掉线|看不到)', '画面不动'],
  },
  safety: {
    en: ['home address', 'my address', 'where i live', 'come find me', 'find me', 'doxx', 'doxxed', 'dox', 'doxing', 'leak my', 'threat', 'threaten', 'kill me', 'stalking', 'stalker', 'personal information', 'leaked my', 'harass', 'harassment', 'blackmail', 'extort', 'suicide', 'hurt myself'],
    zh: ['地址', '住址', '住在哪', '来找我', '发我的.{0,2}(手机号|电话|照片)', '人肉', '威胁', '恐吓', '骚扰', '曝光.{0,4}(隐私|信息|电话)', '泄露.{0,4}(隐私|信息)', '敲诈', '勒索', '跟踪', '自杀'],
  },
  contentAction: {
    en: ['removed', 'taken down', 'deleted my video', 'got a strike', 'a strike for', 'strike on', 'violat', 'against guidelines', 'banned', 'demonetized', 'hidden', 'muted'],
    zh: ['下架', '(被|给我)删', '删除了?我的', '判定违规', '说我违规', '处罚', '封禁', '被封', '警告'],
  },
  copyrightHarm: {
    en: ['reuploaded', 're uploaded', 'reupload', 'stole my video', 'stole my content', 'stealing my', 'copied my', 'my original', 'claim on my', 'copyright claim', 'copyright strike', 'claimed my', 'pirated', 'using my video without', 'took my video', 'took my', 'their watermark', 'reposted my', 'repost my'],
    zh: ['搬运', '盗用', '抄袭', '(投诉|举报).{0,3}侵权', '侵权了', '未经.{0,2}(授权|允许)', '盗.{0,2}(我的)?视频'],
  },
  technicalFault: {
    en: ['crash', 'bug', 'error', 'glitch', 'not working', 'doesnt work', 'dont work', 'broken', 'freez', 'lag', 'stuck', 'wont load', 'fail', 'no sound', 'black screen', 'slow', 'keeps closing', 'cutting out', 'cuts out', 'stopped working', 'cant hear', 'dropped'],
    zh: ['闪退', '崩溃', '卡顿', '卡住', '报错', '失败', '打不开', '加载不', '黑屏', '没声音', '听不到', '没有声音', '故障', '不能用', '用不了', '(很|特别|好|太|超)卡', '掉了', 'bug'],
  },
  immediacy: {
    en: ['right now', 'just now', 'now', 'currently', 'at the moment', 'minutes', 'minute ago', 'an hour ago', 'hour ago', 'seconds ago', 'as we speak', 'happening', 'in progress', 'again just now', 'live now', 'in the middle of', 'ongoing', 'tonight', 'immediately'],
    zh: ['正在', '刚刚', '刚才', '现在', '突然', '此刻', '马上', '立刻', '分钟前'],
  },
  recurring: {
    en: ['again', 'keep', 'keeps', 'repeatedly', 'every time', 'still'],
    zh: ['一直', '又', '再次', '反复', '不停', '还在'],
  },
  lasting: {
    en: ['days', 'weeks', 'months', 'since last', 'for a week', 'two weeks', 'never arrived', 'still not'],
    zh: ['[一二两三四五六七八九十几多\\d]+(天|周|个?星期|个?月)', '上个月', '到现在', '一直没有'],
  },
  impact: {
    en: ['viewers', 'followers', 'subscribers', 'millions', 'thousands', '000', 'k viewers', 'my income', 'for work', 'my job', 'sponsor', 'brand deal', 'launch', 'scheduled event', 'selling merch'],
    zh: ['[万千百]人', '几万', '粉丝', '收入', '工作', '商单', '带货', '发布会', '合作'],
  },
  distress: {
    en: ['please help', 'help me', 'urgent', 'urgently', 'asap', 'emergency', 'immediately', 'desperate'],
    zh: ['求', '救命', '紧急', '马上', '立刻', '赶紧', '尽快', '帮帮我'],
  },
  negative: {
    en: ['cant', 'cannot', 'wont', 'never', 'wrong', 'unfair', 'angry', 'frustrated', 'terrible', 'worst', 'annoying', 'problem', 'issue', 'not', 'no one', 'fewer', 'nothing wrong', 'dont know why', 'no reason', 'even though'],
    zh: ['不行', '没有回复', '没人', '生气', '失望', '太差', '垃圾', '为什么', '不公平', '很低', '没有违规'],
  },
  positive: {
    en: ['love', 'great', 'awesome', 'thanks', 'thank you', 'nice', 'amazing', 'wish', 'would be great', 'would be nice', 'suggest', 'suggestion', 'idea', 'enjoy', 'helpful'],
    zh: ['喜欢', '很好', '好用', '好看', '谢谢', '感谢', '希望', '建议', '方便', '棒', '不错', '点赞'],
  },
};
