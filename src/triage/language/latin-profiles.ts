/**
 * Hand-made evidence for telling Arabizi, English and French apart in Latin-script support text:
 * cue words (short, frequent, typical of each language) and a small seed text per language from
 * which character trigram profiles are built at load time. Everything here was written by hand
 * for Sanad; no corpus was downloaded. Pure data, no I/O.
 */

export const latinLanguages = ['ar-Latn', 'en', 'fr'] as const;
export type LatinLanguage = (typeof latinLanguages)[number];

/** Cue words and their weight. Words common to two languages are left out (e.g. "app", "ok"). */
export const cueWords: Record<LatinLanguage, Record<string, number>> = {
  'ar-Latn': weighted(
    2,
    'ana enta enti inta inti ehna e7na homa msh mesh mish mush mosh mafi mafish mafesh fein feen fen wein wen ezay ezzay izay ' +
      'leh lesh lish keda kda kida 3ayez 3ayz 3awez 3ayza 3awza 3ayzen abi abgha abghi baddi biddi bade bghit bghina daba wash bzaf bezzaf ' +
      'delwa2ty dilwa2ti dlw2ty lessa lesa lissa lsa wallah walla wallahi inshallah inshalla insha2allah yalla yallah habibi 7abibi ' +
      'shukran shokran shokrn salam slm ahlan marhaba mar7aba tayeb tayyeb tamam mashy mashi ma3lesh ma3lish momken mumken mumkin ' +
      'ba2a bta3 beta3 bta3i bta3y beta3y 3shan 3ashan 3lshan 3ala 3la ya3ni y3ni hal2 halla2 hala2 shu shou shlon shlonak kif keef ' +
      'kteer kteir ktir awi 2awi gedan giddan khalas 5alas zay zai lakin lakn bas wala law lw feeh fih fi mafeesh el fel bel lel ' +
      'di da dah deh ento intu enty ehh aywa aiwa la2 wa7ed 7aga 7aja sha3\'al sha8al shaghal shaghghal byshta3\'al mzyan mezyan safi ' +
      'wakha diyal dyal hadshi hadchi walo 3afak 3endi 3andi 3ndi 3indi ma3a m3a mn men elly elli illi illy ' +
      'dyali diali dyalek dyalo dyalha dyalna nheb n7eb nsit makaynch makach mazal mazel bghiti kanbghi ghadi ndir chno chnou wach n9der',
  ),
  en: weighted(
    1,
    'the is are was were be been my your our i i\'m im you it it\'s its this that these with and or but not no to of for from in at ' +
      'have has had do does did don\'t doesn\'t didn\'t can can\'t cannot could would should will won\'t please thanks thank hi hello hey ' +
      'still yet already why when where what how who which there here just any some again after before since today yesterday ' +
      'order refund account payment money charged charge received receive delivered delivery package card password login email ' +
      'help issue problem working work wrong cancel cancelled update need want get got back waiting wait days week hours support ' +
      'we they he she them us an as by about into than then also only very',
  ),
  fr: weighted(
    1.2,
    'le la les de des du un une je j\'ai j\'en mon ma mes ton ta tes votre vos notre nos est sont suis ai avez avons pas ne n\'est n\'ai ' +
      'pour avec et ou mais qui que quoi pourquoi quand comment où toujours jamais reçu recu depuis livraison colis commande ' +
      'remboursement compte paiement carte mot passe bonjour bonsoir merci svp s\'il plaît plait aide aidez besoin problème probleme ' +
      'encore déjà deja hier aujourd\'hui demain jours semaine heures ça ca c\'est cette ce ces sur dans chez par très tres rien ' +
      'annuler annulé annule vous nous il elle ils leur fait faire marche fonctionne impossible veux voudrais peux pouvez attends',
  ),
};

function weighted(weight: number, words: string): Record<string, number> {
  const table: Record<string, number> = {};
  for (const word of words.split(/\s+/)) if (word) table[word] = weight;
  return table;
}

/** Seed text per language, written for this profile, in the register of support chats. */
const seedText: Record<LatinLanguage, string> = {
  'ar-Latn':
    'salam 3aleikom ana 3ayez a3raf el order bta3i fein ana talabt men osbo3 w lessa mawsalsh. el flos et5asamet men el kart ' +
    'bas el talab msh zaher 3andi. momken t2oly eh elly 7asal? el app msh sha3\'al w kol ma aft7o y2fel. law sama7t 3ayez arga3 ' +
    'el flos. ana ba3at message embare7 w mafish 7ad rad 3alaya. ya3ni eh el mawdoo3 da? shukran ya habibi. marhaba, baddi ' +
    'a3rif shu sar bel talab taba3i, sarli jom3a bestanna. lesh ma 7ada byrod? hal2 ana kteer ta3ban. keefak, abi afham wesh ' +
    'elli sar, dafa3t w ma wasalni shay. shlon ageb el flos? bghit nerja3 flousi, daba jouj simanat w walo. wash kayn chi 7al? ' +
    'el 7esab bta3i et2afal w msh 3aref ad5ol. el rasa2el msh bt3ady. ana 3andi moshkela fel da3f. e7na mostaneyeen men badri. ' +
    'tayeb ya3ni a3mel eh delwa2ty? 5alas ana hal3\'a el talab. mumkin tsa3edni? 3ala fekra el talab gali 8alat.',
  en:
    'hello i ordered a pair of shoes last week and they still have not arrived. can you please check the status of my order? ' +
    'i was charged twice for the same payment and i want a refund for the second charge. the app keeps crashing when i try to ' +
    'log in to my account. my password reset email never came through. how long does delivery usually take? i need to change ' +
    'the shipping address on my order before it ships. thanks for your help, the issue is fixed now. why was my card declined ' +
    'when there is money on it? the package was delivered to the wrong address and nobody answered the phone. please cancel ' +
    'my subscription and confirm by email. this is the third time i am writing about the same problem. could someone call me back.',
  fr:
    'bonjour j\'ai commandé une paire de chaussures la semaine dernière et je ne l\'ai toujours pas reçue. pouvez-vous vérifier ' +
    'le statut de ma commande s\'il vous plaît? j\'ai été débité deux fois pour le même paiement et je voudrais être remboursé. ' +
    'l\'application plante quand j\'essaie de me connecter à mon compte. je n\'ai jamais reçu le courriel pour changer mon mot ' +
    'de passe. combien de temps prend la livraison? je dois modifier l\'adresse de livraison avant l\'expédition. merci pour ' +
    'votre aide, le problème est réglé. pourquoi ma carte a-t-elle été refusée alors qu\'il y a de l\'argent dessus? le colis ' +
    'a été livré à la mauvaise adresse et personne ne répond. veuillez annuler mon abonnement et me le confirmer par courriel.',
};

export type TrigramProfile = { logProb: Map<string, number>; unseen: number };

/** Trigrams of each word padded with spaces ("ana" → " an", "ana", "na "). */
export function wordTrigrams(word: string): string[] {
  const padded = ` ${word} `;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i += 1) grams.push(padded.slice(i, i + 3));
  return grams;
}

function buildProfile(text: string): TrigramProfile {
  const counts = new Map<string, number>();
  let total = 0;
  for (const word of text.toLowerCase().match(/[\p{L}0-9'’]+/gu) ?? []) {
    for (const gram of wordTrigrams(word)) {
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
      total += 1;
    }
  }
  const vocabulary = counts.size + 2000; // add-one smoothing over seen grams plus room for unseen ones
  const logProb = new Map<string, number>();
  for (const [gram, count] of counts) logProb.set(gram, Math.log((count + 1) / (total + vocabulary)));
  return { logProb, unseen: Math.log(1 / (total + vocabulary)) };
}

export const trigramProfiles: Record<LatinLanguage, TrigramProfile> = {
  'ar-Latn': buildProfile(seedText['ar-Latn']),
  en: buildProfile(seedText.en),
  fr: buildProfile(seedText.fr),
};
