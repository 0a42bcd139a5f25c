/**
 * English polarity words, hand-written for support messages and general short text.
 * Two tables of magnitudes: 2 strong (awful, love), 1 plain (bad, good), 0.5 or less for mild or
 * domain words that lean one way in support (works, arrived, still waiting). A trailing '*' matches
 * any word starting with the stem, so one entry covers inflections; keys with spaces are phrases,
 * matched before single words. Keys are normalised on load (see lexicon.ts).
 */
export const englishPositive: Readonly<Record<string, number>> = {
  // General words for short posts (measured on TweetEval dev).
  'thrilled': 2, 'lucky': 1, 'enjoyed': 1.5, 'epic': 1, 'gorgeous': 2, 'stunning': 2, 'adorable': 2, 'funny': 1,
  'hilarious': 1.5, 'laugh*': 0.5, 'smile*': 1, 'loving': 1.5, 'pleasure': 1.5, 'honored': 1.5, 'honoured': 1.5,
  'inspir*': 1.5, 'genius': 1.5, 'legendary': 1.5, 'champion*': 1, 'victory': 1, 'wins': 1, 'hero': 1, 'heroes': 1,
  'joy': 1.5, 'fabulous': 2, 'terrific': 2, 'marvelous': 2, 'magnificent': 2, 'greatest': 2, 'happiest': 2,
  'praise': 1, 'peace': 0.5, 'interesting': 0.5, 'party': 0.5, 'birthday': 0.5, 'luck': 0.5, 'relax*': 0.5,
  'beautifully': 1.5, 'glad to': 1, 'fun night': 1.5, 'good luck': 1, 'best wishes': 1.5, 'happy birthday': 1.5,
  // Strong.
  'love*': 2, 'excellent': 2, 'amazing': 2, 'awesome': 2, 'fantastic': 2, 'outstanding': 2, 'perfect': 2,
  'wonderful': 2, 'brilliant': 2, 'superb': 2, 'best': 1.5, 'grateful': 2, 'thankful': 2, 'delighted': 2,
  'lifesaver': 2, 'legend': 1.5, 'exceptional': 2, 'incredible': 1.5, 'phenomenal': 2, 'flawless': 2,
  // Plain, and support outcomes (fixed, arrived).
  'good': 1, 'great': 1.5, 'nice': 1, 'happy': 1, 'glad': 1, 'pleased': 1, 'satisfied': 1, 'thanks': 1,
  'thank': 1, 'thx': 1, 'ty': 0.5, 'appreciat*': 1.5, 'helpful': 1.5, 'kind': 1, 'quick': 0.5, 'fast': 0.5,
  'easy': 0.5, 'smooth': 1, 'friendly': 1, 'polite': 1, 'professional': 1, 'recommend*': 1, 'cool': 1,
  'fun': 1, 'enjoy*': 1, 'like': 0.5, 'liked': 1, 'likes': 0.5, 'beautiful': 1.5, 'lovely': 1.5, 'cute': 1,
  'win': 1, 'won': 1, 'winning': 1, 'congrat*': 1.5, 'excited': 1.5, 'exciting': 1.5, 'favorite': 1, 'favourite': 1,
  'fine': 0.5, 'ok': 0.3, 'okay': 0.3, 'cheers': 0.5, 'yay': 1.5, 'lol': 0.5, 'haha*': 0.5, 'hope': 0.5,
  'hopefully': 0.5, 'welcome': 0.5, 'better': 0.5, 'success*': 1, 'proud': 1, 'impressed': 1.5, 'impressive': 1.5,
  'blessed': 1.5, 'bless': 1, 'wow': 0.5, 'sweet': 1, 'glorious': 1.5, 'celebrat*': 1,
  'sorted': 1, 'solved': 1, 'resolved': 1, 'fixed': 1, 'works': 0.5, 'working': 0.5, 'worked': 0.5,
  'arrived': 0.5, 'received': 0.3, 'helped': 1, 'helps': 0.5, 'reliable': 1, 'fair': 0.5, 'safe': 0.5, 'ready': 0.3,
  "can't wait": 1, 'cant wait': 1, 'looking forward': 1, 'well done': 1.5, 'thank you': 1.5, 'much appreciated': 1.5,
  'good job': 1.5, 'great job': 2, 'top notch': 2, 'spot on': 1.5, 'no problem': 0.5, 'all good': 1, 'problem solved': 1.5,
};

export const englishNegative: Readonly<Record<string, number>> = {
  // General words for short posts (measured on TweetEval dev).
  'screw*': 1.5, 'loser*': 1.5, 'crook*': 1.5, 'pissed': 2, 'jealous': 1, 'struggl*': 1, 'ruin*': 1.5, 'bitter': 1,
  'racism': 1.5, 'vulnerab*': 0.5, 'destr*': 1.5, 'disaster*': 2, 'tragic*': 1.5, 'tragedy': 1.5, 'sucked': 1.5,
  'lame': 1.5, 'fear': 1, 'fears': 1, 'scary': 1, 'lies': 1.5, 'corrupt*': 1.5, 'abus*': 1.5, 'crisis': 1,
  'hypocri*': 1.5, 'shocking': 1, 'sadly': 1, 'regret*': 1.5, 'poorly': 1.5, 'pointless': 1.5, 'nonsense': 1.5,
  'insult*': 1.5, 'offensive': 1.5, 'miserable': 2, 'misery': 2, 'murder*': 1.5, 'dying': 1, 'dies': 1, 'weak': 1,
  'loss': 1, 'defeat*': 1, 'banned': 1, 'arrest*': 1, 'prison': 1, 'jail': 1, 'guilty': 1, 'crime': 1, 'criminal*': 1.5,
  'enemy': 1, 'hostile': 1, 'rage': 1.5, 'hatred': 2, 'embarrass*': 1.5, 'awkward': 1, 'cringe': 1.5, 'ugh': 1.5,
  'meh': 0.5, 'smh': 1.5, 'fml': 2, 'sigh': 1, 'annoyed': 1.5, 'disgusted': 2, 'sadness': 1.5, 'depress*': 1.5,
  'lonely': 1, 'unfair': 1.5, 'illegal': 1, 'greedy': 1.5, 'sucks so': 2, 'stop it': 1,
  // Strong.
  'worst': 2, 'terrible': 2, 'horrible': 2, 'awful': 2, 'disgust*': 2, 'pathetic': 2, 'useless': 2,
  'hate*': 2, 'furious': 2, 'scam*': 2, 'fraud*': 2, 'ridiculous': 2, 'unacceptable': 2, 'outrage*': 2,
  'shameful': 2, 'disgrace*': 2, 'incompetent': 2, 'rubbish': 2, 'garbage': 2, 'trash': 1.5, 'nightmare': 2,
  'joke': 1, 'clowns': 1.5, 'liar*': 2, 'lying': 1.5, 'lied': 1.5, 'crap': 1.5, 'shit*': 1.5, 'fuck*': 1.5,
  'wtf': 1.5, 'damn': 1, 'sucks': 2, 'suck': 1.5, 'stupid': 1.5, 'idiot*': 2, 'dumb': 1.5, 'hell': 1,
  // Plain, and support complaints.
  'bad': 1, 'poor': 1, 'slow': 1, 'broken': 1.5, 'fail*': 1, 'error': 0.5, 'problem*': 0.5, 'issue*': 0.5,
  'wrong': 1, 'angry': 1.5, 'annoy*': 1.5, 'frustrat*': 1.5, 'disappoint*': 1.5, 'upset': 1.5, 'sad': 1,
  'unhappy': 1.5, 'worse': 1.5, 'complain*': 1, 'complaint': 1, 'rude': 1.5, 'unprofessional': 1.5,
  'missing': 0.5, 'lost': 0.5, 'late': 0.5, 'delay*': 1, 'stuck': 1, 'crash*': 1, 'bug': 0.5, 'buggy': 1,
  'charged twice': 1, 'overcharg*': 1.5, 'waste': 1.5, 'wasted': 1.5, 'waiting': 0.5, 'still': 0.3,
  'again': 0.3, 'ignor*': 1.5, 'nobody': 0.5, 'never': 0.3, 'cancel*': 0.5, 'refund': 0.3, 'sick': 1,
  'tired': 1, 'fed up': 2, 'sick of': 2, 'sick and tired': 2, 'cry': 1, 'crying': 1, 'cried': 1, 'sorry': 0.5, 'unfortunately': 1,
  'worried': 1, 'worry': 0.5, 'scared': 1, 'afraid': 1, 'dead': 1, 'die': 1, 'died': 1, 'kill*': 1,
  'war': 1, 'attack*': 1, 'violence': 1.5, 'terror*': 1.5, 'death': 1, 'racist': 1.5, 'evil': 1.5,
  'mess': 1, 'messed': 1.5, 'confus*': 0.5, 'miss': 0.3, 'lose': 0.5, 'losing': 0.5, 'pain': 1, 'painful': 1.5, 'hurt': 1,
  'shame': 1, 'blame': 1, 'fake': 1, 'cheat*': 1.5, 'steal*': 1.5, 'stole': 1.5, 'stolen': 1.5, 'threat*': 1,
  'boring': 1, 'bored': 1, 'ugly': 1.5, 'weird': 0.5, 'crazy': 0.5, 'insane': 0.5, 'mad': 1, 'hopeless': 1.5,
  'unreliable': 1.5, 'not working': 1, 'doesnt work': 1.5, 'not work': 1.5, 'waste of time': 2, 'waste of money': 2,
  'no response': 1.5, 'no reply': 1.5, 'no answer': 1.5, 'no one': 0.5, 'on hold': 1, 'third time': 1.5,
  'second time': 1, 'fourth time': 2, 'how many times': 1.5, 'so many times': 1.5, 'still waiting': 1.5,
  'still not': 1, 'still no': 1, 'never again': 2, 'thanks for nothing': 2, 'not happy': 1.5,
};
