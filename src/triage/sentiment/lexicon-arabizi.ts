/**
 * Arabizi (Arabic in Latin letters with digits for sounds: 3 ع, 7 ح, 5 خ, 2 ء) polarity words.
 * Spelling varies a lot, so common variants are listed and stems carry '*'. Same conventions as
 * lexicon-en.ts. Used for Latin-script words unless the caller says the text is English.
 */
export const arabiziPositive: Readonly<Record<string, number>> = {
  'shukran': 1.5, 'shokran': 1.5, 'shukrn': 1.5, 'shokrn': 1.5, 'choukran': 1.5, 'chokran': 1.5, 'sukran': 1.5,
  'mashkoor*': 1.5, 'mashkour*': 1.5, 'mshkor*': 1.5, 'mamnoon*': 1.5, 'mamnun*': 1.5, 'merci': 1.5, 'mersi': 1.5,
  'tislam*': 1, 'teslam*': 1, 'yislamo*': 1, 'ya3tik*': 1, 'ya3teek*': 1, 'alf shukr': 2,
  '7elw*': 1.5, 'helw*': 1.5, '7lw*': 1.5, '7ilw*': 1.5, 'gamed': 1, 'gamda': 1, 'gameel*': 1.5, 'jameel*': 1.5,
  'gamil*': 1.5, 'jamil*': 1.5, 'kwayes*': 1, 'kowayes*': 1, 'kwais*': 1, 'kuwais*': 1, 'kwyes': 1, 'mnee7*': 1,
  'mni7*': 1, 'tamam': 1, 'tmam': 1, 'zain': 1, 'zein': 1, 'momtaz*': 2, 'mumtaz*': 2, 'rawe3*': 2, 'ra2e3*': 2,
  'ro3a': 2, 'rou3a': 2, '3azeem*': 1.5, '3azim*': 1.5, '3agbni': 1.5, '3ajabni': 1.5, '3ajbni': 1.5, 'a3gabni': 1.5,
  '3agabni': 1.5, '3agebni': 1.5, '3jbni': 1.5, '3ajebni': 1.5, '3agbny': 1.5, '3gbni': 1.5, '3gbny': 1.5, '3jbny': 1.5, '3ajabny': 1.5, 'ba7eb*': 1.5,
  'b7eb*': 1.5, 'baheb*': 1.5, 'mabsoot*': 1.5, 'mabsout*': 1.5, 'mabsut*': 1.5, 'mzyan*': 1.5, 'mezyan*': 1.5,
  'zwin*': 1.5, 'mli7*': 1.5, 'behi': 1.5, 'bahi': 1.5, 'to7fa': 2, 'tu7fa': 2, '5orafi': 2, 'yehbel': 2,
  'shaghal': 0.5, 'sha3\'al': 0.5, 'byeshta3\'al': 0.5, 'wesel': 0.5, 'wsl': 0.5, 'byrod': 0.3, 'yrod': 0.3,
  'yerod': 0.3, 'byrud': 0.3,
};

export const arabiziNegative: Readonly<Record<string, number>> = {
  'zift': 2, 'zeft': 2, 'wi7esh': 1.5, 'we7esh': 1.5, 'we7sh': 1.5, 'wa7esh': 1.5, 'wi7sh': 1.5, 'sayi2': 1.5,
  'say2': 1.5, 'sayee2': 1.5, '5ara': 2, 'khara': 2, 'ma3fan*': 2, 'mo2ref': 2, 'mo2rif': 2, '2araf*': 2,
  'araftoni': 2, '2raf*': 2, 'qaraf*': 2, 'ta3ban*': 1, 't3ban*': 1, 'ta3ebt*': 1.5, 't3bt*': 1.5,
  'zah2an*': 1.5, 'zahe2t*': 1.5, 'zh2t*': 1.5, 'za3lan*': 1.5, 'z3lan*': 1.5, '5arban*': 1.5, 'kharban*': 1.5,
  'fashel*': 2, 'fashil*': 2, 'fashleen': 2, 'nasab*': 2, 'nassab*': 2, '7aram': 1, '7aramiya': 2, '7arame*': 2,
  '3eib': 1.5, '3ayb': 1.5, 'tfsht': 1.5, 'tafasht': 1.5, '6afasht': 1.5, '5ayeb*': 1.5, 'khayeb*': 1.5,
  '5ayes*': 2, 'khayes*': 2, '7asbi': 2, '7asbya': 2, 'mohzala': 2, 'mas5ara': 2, 'kars*': 2,
  'mo4kla': 0.5, 'moshkela': 0.5, 'mushkila': 0.5, 'mshkla': 0.5, 'lesh': 0.3, 'leh': 0.3, 'leih': 0.3,
  'lessa': 0.3, 'lesa': 0.3, 'lsa': 0.3, 'talet mara': 1.5, 'tani mara': 1, 'kol mara': 1, 'kol marra': 1,
};
