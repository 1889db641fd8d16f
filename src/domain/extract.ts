/**
 * Follower counts in chat text: "Sara has 45k on IG and 1.2M on TikTok" → 45,000 (Sara,
 * Instagram) and 1,200,000 (Sara, TikTok). Each count is read by /tier's own reader
 * (readCountText), so a count written any way /tier reads it is read here ("45K subs", "30 000
 * abonnés", "1,2 Mio", "45kfollowers"), and what /tier refuses is set aside here. Numbers that are
 * clearly something else (dates, prices, times, phone numbers, addresses, IDs, mentions, hashtags,
 * percentages, views, ranges, code, struck-through text) are set aside with the reason, so the
 * reply can say what it skipped; a spoiler is hidden on purpose, so none of it is read or quoted.
 * A number is read whole or set aside whole: no piece of one ("192.168" of an IP address) is read
 * as a count, and no digit group is dropped without a word.
 */

import { partsSetApart, withoutSpoilers } from './discord-markdown';
import { ATTACHED_MULTIPLIERS, COUNT_MULTIPLIERS, FOLLOWER_WORD, MIL_IS_THOUSAND_BEFORE, SCIENTIFIC_NUMBER, countReadingNote, normaliseDigits, readCountText } from './followers';
import { shorten } from './format';
import { PLATFORM_BY_ALIAS, PLATFORM_DOMAINS, platformName } from './platforms';
import { OTHER_CURRENCY_CODES, OTHER_CURRENCY_SIGNS, OTHER_CURRENCY_WORDS, alternatives } from './words';

// ── Platforms ─────────────────────────────────────────────────────────────────────────────────

/** Every platform alias but "x", which is a platform only where nothing else can be meant (see PLATFORM_TOKEN). */
const PLATFORM_ALIAS = alternatives([...PLATFORM_BY_ALIAS.keys()].filter((alias) => alias !== 'x'));

// ── Finding counts in a message ───────────────────────────────────────────────────────────────

export interface FoundCount {
  value: number;
  /** The count as written ("45k", "1,2 Mio"). */
  text: string;
  /** Where it is in the (normalised) text. */
  start: number;
  end: number;
  platform?: string;
  /** The creator's name or @handle next to it, or shared with the count before it ("Sara has 45k on IG and 1.2M on TikTok"). */
  name?: string;
  /** How the count was read, when that needs saying: /tier's note for "30 mil" read as a million. */
  note?: string;
}

export type IgnoreKind =
  | 'mention'
  | 'link'
  | 'hashtag'
  | 'struck'
  | 'spoiler'
  | 'phone'
  | 'ip'
  | 'address'
  | 'code'
  | 'hex'
  | 'date'
  | 'time'
  | 'price'
  | 'percentage'
  | 'ordinal'
  | 'id'
  | 'year'
  | 'duration'
  | 'change'
  | 'range'
  | 'multiplier'
  | 'exponent'
  | 'not-followers'
  | 'small'
  | 'fraction'
  | 'too-large'
  | 'unreadable';

export interface IgnoredNumber {
  /** As written, shortened to 40 characters. */
  text: string;
  kind: IgnoreKind;
  /** Why, in a few words: "a date", "a price", "counts views, not followers". */
  reason: string;
}

export interface Extraction {
  counts: FoundCount[];
  ignored: IgnoredNumber[];
}

/** Longest message looked at (Discord's own limit is 4,000 characters with Nitro). */
const MAX_MESSAGE_LENGTH = 10_000;

/** Why each kind of number is set aside, as the reply says it; a roster cell that is no count is refused in some of the same words. */
export const REASONS: Record<Exclude<IgnoreKind, 'not-followers'>, string> = {
  mention: 'a mention, channel, emoji or timestamp',
  link: 'part of a link',
  hashtag: 'a hashtag',
  struck: 'struck through',
  spoiler: 'in a spoiler, left hidden',
  phone: 'a phone number',
  ip: 'an IP address',
  address: 'a street address',
  code: 'part of code',
  hex: 'a hexadecimal number',
  date: 'a date',
  time: 'a time',
  price: 'a price',
  percentage: 'a percentage',
  ordinal: 'an ordinal or a date',
  id: 'an ID or reference number',
  year: 'a year',
  duration: 'a duration or an age',
  change: 'a change, not a follower total',
  range: 'a range, not one count',
  multiplier: 'a multiplier or a size, not a follower count',
  exponent: 'a number with an exponent; write the count out',
  small: 'a small number with nothing saying it counts followers',
  fraction: 'not a whole number',
  'too-large': 'too large to be a follower count',
  unreadable: 'not a number I can read',
};

const NOT_FOLLOWER_WORD = String.raw`(?:views?|likes?|subscriptions?|impressions?|plays?|streams?|downloads?|comments?|shares?|saves?|reach|clicks?|visits?|visitors?|listeners?|reads?|engagements?|posts?|videos?|reels?|stories|creators|influencers|people|members|orders?|sales|users|emails?|signups?|sign-ups?|installs?|hearts?|retweets?|reposts?|watch hours?|units?|items?|products?|pieces?|pcs|copies|tickets?|packages?|parcels?|boxes|bottles?|samples?)`;
// Building blocks of the tokenizer. Every alternative is tried at each position in order, so the
// specific shapes (a date, a price) win over the plain number they start with.
// Chinese and Japanese run words together ("她有4.5万粉丝"), and Korean writes counters on a number
// ("45,000명", "3만"): a number may touch their letters, not others' ("ID12345").
const SPACED_WORD_CHARACTER = String.raw`(?![\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}])[\p{L}\p{N}_]`;
const END = String.raw`(?!${SPACED_WORD_CHARACTER})`;
// Where a count ends: at the end of a word, or where a word about it is typed on without a space
// ("45kfollowers", "1.2Msubs", "45k_followers", "12kish"), as /tier reads them.
const COUNT_END = String.raw`(?=_?(?:${FOLLOWER_WORD}|${NOT_FOLLOWER_WORD}|ish)${END}|${END})`;
// Every multiplier /tier reads after a count ("k", "Mio.", "lakh", "тыс."), so the message reads the counts /tier does.
const SUFFIX = String.raw`(?:${alternatives(Object.keys(COUNT_MULTIPLIERS).filter((word) => word !== ''))})${COUNT_END}`;
// And those a message reads only on the digits ("45rb") or before a follower word ("45 rb pengikut").
const ATTACHED_SUFFIX = String.raw`(?:(?:${alternatives(Object.keys(ATTACHED_MULTIPLIERS))})${COUNT_END}| (?:${alternatives(Object.keys(ATTACHED_MULTIPLIERS))})(?= ${FOLLOWER_WORD}${END}))`;
/** Multipliers /tier reads as abbreviations with a dot ("1,5 Mio.", "45 тыс."): that dot is the count's, and ends no sentence. */
const ABBREVIATED_MULTIPLIERS = Object.keys(COUNT_MULTIPLIERS)
  .filter((word) => word.endsWith('.'))
  .map((word) => word.slice(0, -1));
const NUM = [
  String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)`,
  // "1,00,000": the Indian grouping, in twos before the last three digits.
  String.raw`\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?!\d)`,
  String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d)`,
  String.raw`\d{1,3}(?:'\d{3})+(?:[.,]\d+)?(?!\d)`,
  // "30 000": space-grouped, but never with a multiplier ("top 5 100k" is 5 and 100k).
  String.raw`\d{1,3}(?: \d{3})+(?:[.,]\d+)?(?!\d)(?! ?${SUFFIX})`,
  String.raw`\d+(?:[.,]\d+)?`,
].join('|');
// "1.2E+06", as spreadsheets write large numbers: one amount, read by readCount. Any exponent is
// taken whole ("1.2E-06" too), so it is read or set aside as one number, never as "1" and "06".
const SCIENTIFIC_BODY = new RegExp(`^${SCIENTIFIC_NUMBER}$`, 'iu');
// Where a number written in digit groups ends: not before more digits, nor before a separator and
// more digits, where BEFORE lets no number start (the ".0.0" of "00.000.0.0" would be dropped unsaid).
const NO_MORE_GROUPS = String.raw`(?![.,']?\d)`;
// A number with more digit groups after it than any count has ("192.168" of "192.168.1.1") is no
// amount: it is set aside whole, as RUN_ON_DIGITS or what it is (an IP address), not read in part.
const AMOUNT = String.raw`(?:${SCIENTIFIC_NUMBER}|(?:${NUM})${NO_MORE_GROUPS}(?: ?${SUFFIX}|${ATTACHED_SUFFIX})?)`;
const MONTH = String.raw`(?:jan(?:uary|vier|uar)?|feb(?:ruary|ruar)?|févr(?:ier)?|mar(?:ch|s)?|märz|apr(?:il)?|avr(?:il)?|may|mai|june?|juin|juni|july?|juil(?:let)?|juli|aug(?:ust)?|août|sept?(?:ember|embre)?|oct(?:ober|obre)?|okt(?:ober)?|nov(?:ember|embre)?|dec(?:ember)?|déc(?:embre)?|dez(?:ember)?)\.?`;
const CURRENCY_SIGN = String.raw`[$${OTHER_CURRENCY_SIGNS}]`;
// Codes and short forms, written right before or after the amount ("Rs. 50,000", "50.000 TL", "5 000 kr"):
// only there, beside a number, are "kr" and "TL" money.
const CURRENCY_CODES = ['usd', ...OTHER_CURRENCY_CODES];
const CURRENCY_CODE = String.raw`(?:${alternatives(CURRENCY_CODES)})`;
/**
 * Codes that are also words ("let's try 45k", "php 8"): before an amount they are money only in
 * capitals ("TRY 500", "PHP 500"); after it ("500 try") in any case, as every code is.
 */
const WORD_CODE_FIRST = /^(try|rub|php|sar|cad)(?![\p{L}])/iu;
const CURRENCY_WORD = String.raw`(?:${alternatives(['dollar', 'dollars', 'bucks', ...OTHER_CURRENCY_WORDS])})`;
const BEFORE = String.raw`(?<!${SPACED_WORD_CHARACTER}|\d[.,'])`;

// Phone numbers are set aside whole, so that no piece of one is read as a count.
// With a country code: "+44 20 7946 0958", "+1-415-555-0123".
const INTERNATIONAL_PHONE = String.raw`\+\d{1,3}[ -]?\(?\d{1,4}\)?(?:[ -]?\d{2,4}){2,}(?!\d)`;
// North American, with one separator throughout: "(555) 123 4567", "555-123-4567", "555.123.4567"
// (a count grouped in threes ends in three digits: "555.123.456" is one).
const NORTH_AMERICAN_PHONE = String.raw`${BEFORE}(?:\(\d{3}\) ?\d{3}[-. ]\d{4}|\d{3}(?:-\d{3}-|\.\d{3}\.| \d{3} )\d{4})${NO_MORE_GROUPS}`;
// National, seven digits or more from the trunk prefix 0 that no count starts with: "07911 123456",
// "0171-1234567", "030 1234567". Later groups have three digits or more, so a date ("05.06.2024") is no phone.
const NATIONAL_PHONE = String.raw`${BEFORE}(?=(?:\d[-/. ]?){6}\d)0\d{1,4}[-/. ]?\d{3,8}(?:[-. ]\d{2,8})*${NO_MORE_GROUPS}`;
/** Words after which digits are a phone number: "call me on 555-1234", "tel: 030 1234567". */
const PHONE_WORD = String.raw`(?:phone|telephone|tel|cell|mobile|mob|whatsapp|fax|call|ring|text|sms|handy|telefon|téléphone|tél|teléfono|móvil|celular)`;
// Seven digits or more, in groups, right after a phone word: "555-1234" alone could be a range.
const AFTER_PHONE_WORD = String.raw`(?=(?:\d[-. /]?){6}\d)(?<=(?<![\p{L}])${PHONE_WORD}(?:\s(?:number|no\.|nr\.?|#))?(?:\s(?:me|us|her|him))?(?:\s(?:on|at))?\s?[:.#]?\s?)\d+(?:[-. /]\d+)*${NO_MORE_GROUPS}`;
// Four dot-separated groups of 0–255: an IP address ("192.168.1.1"), never "192,168" and a dropped
// ".1.1". When each group after the first has three digits, they are thousands ("8.193.134.100").
const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
const IP_ADDRESS = String.raw`${BEFORE}(?!\d+(?:\.\d{3}){3}${NO_MORE_GROUPS})${OCTET}(?:\.${OCTET}){3}${NO_MORE_GROUPS}`;
// A leading zero ("07911", "030"): an area code or a reference, never a follower count.
const LEADING_ZERO = String.raw`${BEFORE}0\d+(?:[.,']\d+)*(?!\d)`;
const LINK = String.raw`(?:https?:\/\/|www\.)[^\s<>]+|(?<![\p{L}\p{N}_.@])[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|co|me|tv|gg|ly|app|be)\/[^\s<>]*`;
const HANDLE = String.raw`(?<![\p{L}\p{N}_])@[\p{L}\p{N}_][\p{L}\p{N}_.]*`;
// "#10k", "#100kfollowers", "#top10": a hashtag, never a creator's count. ("#12345" is a number: an ID.)
const HASHTAG = String.raw`(?<![\p{L}\p{N}_&#])#(?=[\p{N}_]*\p{L})(?=[\p{L}_]*\p{N})[\p{L}\p{N}_]+`;
// "2x the reach", "x3", "1920x1080", "3 × 5": how many times, or a size.
const MULTIPLIER = String.raw`${BEFORE}\d+(?:[.,]\d+)?(?:[x×]|\s×)(?:\s?\d+(?:[.,]\d+)?)?${END}|(?<![\p{L}\p{N}_])[x×]\d+(?:[.,]\d+)?${END}`;
// Digit groups joined in a way no count is written ("1.2.3", "10,000,00"): set aside whole.
const RUN_ON_DIGITS = String.raw`${BEFORE}\d+(?:[.,']\d+)+`;

const TOKEN = new RegExp(
  [
    String.raw`(?<mention><(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:-?\d+(?::[a-z])?)>)`,
    String.raw`(?<link>${LINK})`,
    String.raw`(?<handle>${HANDLE})`,
    String.raw`(?<phone>${INTERNATIONAL_PHONE}|${NORTH_AMERICAN_PHONE}|${NATIONAL_PHONE}|${AFTER_PHONE_WORD})`,
    String.raw`(?<ip>${IP_ADDRESS})`,
    String.raw`(?<date>${BEFORE}(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{1,2}\/\d{1,2}(?![\d/]))${NO_MORE_GROUPS}|${BEFORE}\d{1,2}(?:st|nd|rd|th|er|\.)?\s(?:of\s)?${MONTH}${END}(?:,?\s\d{4}(?!\d))?|(?<![\p{L}])${MONTH}\s\d{1,4}(?:st|nd|rd|th)?${END}(?:,?\s\d{4}(?!\d))?|${BEFORE}(?:\d{4}年\s?)?\d{1,2}月\s?\d{1,2}日)`,
    String.raw`(?<time>${BEFORE}(?:\d{1,2}:\d{2}(?::\d{2})?${NO_MORE_GROUPS}(?:\s?[ap]\.?m\.?${END})?|\d{1,2}[.:]\d{2}\s?(?:[ap]\.?m\.?|uhr)${END}|\d{1,2}\s?[ap]\.?m\.?${END}|\d{1,2}h\d{2}${END}|\d{1,2}\s?uhr${END}))`,
    String.raw`(?<price>(?:${CURRENCY_SIGN}|(?<![\p{L}])${CURRENCY_CODE}\s?)\s?${AMOUNT}|${BEFORE}${AMOUNT}\s?(?:${CURRENCY_SIGN}|(?:${CURRENCY_CODE}|${CURRENCY_WORD})${END}))`,
    String.raw`(?<percentage>${BEFORE}[+\-−]?${AMOUNT}\s?(?:%|percent${END}|per cent${END}|pct${END}))`,
    String.raw`(?<ordinal>${BEFORE}\d+(?:st|nd|rd|th)${END})`,
    String.raw`(?<hashtag>${HASHTAG})`,
    String.raw`(?<id>#\d+${END}|${BEFORE}\d{12,}(?!\d)|${LEADING_ZERO})`,
    String.raw`(?<hex>${BEFORE}0x[\da-f]+${END})`,
    String.raw`(?<multiplier>${MULTIPLIER})`,
    String.raw`(?<number>(?:(?<=^|[\s(\[:/])[+\-−–](?=\d))?${BEFORE}${AMOUNT}\+?${COUNT_END})`,
    String.raw`(?<unreadable>${RUN_ON_DIGITS})`,
  ].join('|'),
  'giu',
);

// What may come between a count and a word after it about the count: "50k+", "12k-ish", "(45k)", "45k_followers".
const AROUND_COUNT = String.raw`\+?(?:[\s_-]?ish)?\)?[\s_]?`;
const AFTER_FOLLOWERS = new RegExp(String.raw`^${AROUND_COUNT}(?:(?:real|total|active|organic|engaged|${PLATFORM_ALIAS})\s)?${FOLLOWER_WORD}${END}`, 'iu');
const BEFORE_FOLLOWERS = new RegExp(String.raw`${FOLLOWER_WORD}\s?(?:count)?\s?(?:[:=\-–—]|of|is|are|at)?\s?\(?\s?(?:around|about|approx\.?|over|under|almost|nearly|~|≈)?\s*$`, 'iu');
/** Words that make a number near them an amount of money, and what to call that amount. */
const MONEY_WORDS: Readonly<Record<string, string>> = {
  budget: 'a budget',
  budgets: 'a budget',
  fee: 'a fee',
  fees: 'a fee',
  rate: 'a rate',
  rates: 'a rate',
  price: 'a price',
  prices: 'a price',
  cost: 'a price',
  costs: 'a price',
  costing: 'a price',
  revenue: 'revenue',
  gmv: 'gross merchandise value',
  cpm: 'a CPM (cost per thousand impressions)',
  cpe: 'a CPE (cost per engagement)',
  // The same words in the languages FOLLOWER_WORD reads: "Ücret 50k", "Koszt 5k".
  preis: 'a price',
  kosten: 'a price',
  gebühr: 'a fee',
  prix: 'a price',
  tarif: 'a rate',
  precio: 'a price',
  costo: 'a price',
  custo: 'a price',
  tarifa: 'a rate',
  preço: 'a price',
  prezzo: 'a price',
  prijs: 'a price',
  koszt: 'a price',
  cena: 'a price',
  ücret: 'a fee',
  fiyat: 'a price',
  цена: 'a price',
  стоимость: 'a price',
};
/** Any of MONEY_WORDS, as a regular expression. */
const MONEY_WORD = `(?:${Object.keys(MONEY_WORDS).join('|')})`;
// A money word sets a number aside on either side of it: "budget 10k" and "10k budget".
const AFTER_NOT_FOLLOWERS = new RegExp(String.raw`^\s?(?:(?:monthly|avg\.?|average|total|daily|weekly|unique)\s)?(${NOT_FOLLOWER_WORD}|${MONEY_WORD})${END}`, 'iu');
const BEFORE_NOT_FOLLOWERS = new RegExp(String.raw`(?<![\p{L}])(views?|likes?|impressions?|plays?|streams?|reach|engagements?|sales|downloads?|listeners?|${MONEY_WORD})\s?(?:[:=\-–—]|of|is|was|at|around|about|approx\.?)?\s*$`, 'iu');
// "we paid 2k for a reel", "spent 15k on ads": money paid, spent or earned (with a follower word
// after it, "earned 2k followers", the number counts followers).
const MONEY_VERB_BEFORE = /(?<![\p{L}])(?:paid|pay|pays|paying|spent|spend|spends|spending|charged|charge|charges|charging|earned|earn|earns|earning|invoiced|owe|owes|owed|raised|donated|tipped|offered|offering)\s(?:(?:her|him|them|us|me|you|about|around|roughly|nearly|almost|over|under|just|only|another)\s){0,2}(?:~\s?|≈\s?)?$/iu;
const MONEY_VERB_REASON = 'an amount of money, not a follower count';
/** "3 posts @ 15k each", "2 reels at 4k": a price per post, written before the number. */
const POSTS_AT_BEFORE = /(?<![\p{L}])(?:posts?|reels?|stories|story|videos?|tiktoks?|shorts?)\s*(?:@|at|for)\s*(?:~\s?|≈\s?)?$/iu;
/** How a street's name ends, capitalised or not: "Main St", "Baker Street", "Sunset Blvd." */
const STREET_KIND = ['st', 'street', 'ave', 'avenue', 'rd', 'road', 'blvd', 'boulevard', 'ln', 'lane', 'dr', 'drive', 'way', 'ct', 'court', 'pl', 'place', 'sq', 'square']
  .map((kind) => `[${kind[0]!.toUpperCase()}${kind[0]}]${kind.slice(1)}`)
  .join('|');
// "1500 Main St", "221 Baker Street": a house number before a street's capitalised name ("1500 on the way" is none).
const STREET_AFTER = new RegExp(String.raw`^\s(?:\p{Lu}[\p{L}'’.-]*\s){1,3}(?:${STREET_KIND})\.?${END}`, 'u');
const AFTER_DURATION = new RegExp(String.raw`^\s?(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|wks?|months?|mos?|years?|yrs?|y\/o|yo|decades?)${END}`, 'iu');
const GROWTH_BEFORE = /(?<![\p{L}])(?:gained|gaining|gains?|grew|grown|growing|lost|losing|loses|added|adding|adds|up|down|jumped|dropped|increased|decreased)\s(?:by\s|about\s|around\s|over\s|almost\s|nearly\s|another\s)?$/iu;
const PERIOD = String.raw`(?:day|week|month|year|days|weeks|months|wk|mo|yr)`;
// "2k a month", "500 new followers per day": a rate, whatever the sign.
const RATE_AFTER = new RegExp(String.raw`^\s?(?:new\s)?(?:${FOLLOWER_WORD}\s)?(?:(?:per|a|an|each|every)\s${PERIOD}|\/\s?(?:${PERIOD}|d|w))${END}`, 'iu');
// "+2k this week": a change over a period, when the sign says so ("45k followers this month" is a total).
const PERIOD_AFTER = new RegExp(String.raw`^\s?(?:new\s)?(?:${FOLLOWER_WORD}\s)?(?:this|last|past|in\s(?:a|an|one|two|three|\d+))\s${PERIOD}${END}`, 'iu');
const ID_BEFORE = /(?<![\p{L}])(?:id|order|invoice|ticket|ref|no\.|nr\.?|number|code|zip|postcode|room|page|ext\.?|version|case)\s?[:#]?\s*$/iu;
const PER_POST_AFTER = /^\s?(per|\/|a|an|each)\s?(post|video|reel|story|tiktok|short|integration|deliverable|campaign)s?(?![\p{L}])/iu;
// What follows a platform's name when it labels a count of its own: "TikTok: 1.2M", "TikTok 1.2M".
const OWN_COUNT_AFTER_PLATFORM = new RegExp(String.raw`^\s?(?:[:=\-–—]\s?)?(?:~|≈)?\s?${AMOUNT}${END}`, 'iu');
const VIDEO_AFTER = /^\s?(?:video|tv|resolution|camera|footage|monitor|screen|stream|uhd|hdr)/iu;
const RANGE_BETWEEN = /^\s?(?:-|–|—|to|bis|à|a)\s?$/iu;
// "between 10k and 50k": "and" joins a range's ends only after "between".
const RANGE_AND = /^\s(?:and|und|et|y|e)\s$/iu;
const BETWEEN_BEFORE = /(?<![\p{L}])(?:between|zwischen|entre|tra|fra)\s$/iu;
// "from 20k to 40k": the word before a range, shown with it.
const RANGE_LEAD = /(?<![\p{L}])(?:between|from|zwischen|von|entre|de|du|tra|fra)\s$/iu;
// "she went from 12k to 30k": a change over time, from an earlier count to the count now.
const CHANGE_FROM = /(?<![\p{L}])(?:went|gone|going|goes|grew|grown|growing|jumped|climbed|rose|risen|fell|fallen|dropped|increased|decreased|moved|shot)\s(?:(?:up|down|all\sthe\sway)\s)?from\s$/iu;

// "x" alone is X only after "on" or in brackets ("45k on X", "(X)"), or before a colon ("X: 12k").
const PLATFORM_TOKEN = new RegExp(String.raw`(?<![\p{L}\p{N}_@])(?:${PLATFORM_ALIAS}|(?<=\bon\s|\()x(?=[\s).,!?]|$)|x(?=\s?:))(?![\p{L}\p{N}_])`, 'giu');
// A sentence ends at a line break, at . ! ? followed by a space, and at ; | •.
const SENTENCE_BREAK = /\n|[.!?](?=\s)|[;|•]/gu;
/** A count's abbreviation right before a dot: "1,5 Mio", "45 тыс". */
const ABBREVIATION_BEFORE_DOT = new RegExp(String.raw`\d\s?(?:${alternatives(ABBREVIATED_MULTIPLIERS)})$`, 'iu');
/**
 * After the dot of an abbreviation, a digit or a capitalised word starts a new sentence ("Anna: 2
 * Mio. 45k is the other one"), unless the word is about the count: German capitalises its nouns
 * ("45 Tsd. Follower auf Instagram"). A word in lower case goes on with the sentence ("1,5 Mio. auf TikTok").
 */
const NEW_SENTENCE_AFTER_DOT = /^\s+[\d\p{Lu}]/u;
const SAME_SENTENCE_AFTER_DOT = new RegExp(String.raw`^\s+(?:${FOLLOWER_WORD}|${PLATFORM_ALIAS})(?![\p{L}\p{N}_])`, 'iu');

/**
 * Capitalised words that start sentences, not names; and the platforms. Besides English, the words
 * for she, he, has, with, costs, fee and price in the languages FOLLOWER_WORD reads, as they open a
 * sentence about a count ("Tiene 1,5 millones de seguidores", "Sie hat 45k", "Koszt 5k"). Not the
 * pronouns that are as often names: Ella, Elle, Ela, Lei, Han.
 */
const NOT_NAMES = new Set([
  ...(
    'i im i\'m we she he they it its the a an this that these those our my your their his her hey hi hello ok okay yes no so also and but or ' +
    'total budget followers follower subs note update fyi top both all each every current currently now today tomorrow yesterday ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december ' +
    'views likes reach engagement nano micro mid macro mega tier tiers creator creators influencer influencers account accounts channel ' +
    'just only about around over under almost nearly approx roughly maybe probably sure thanks thx pls please can could would should will ' +
    'did does do is are was were has have had got per via with for from to in on at by of if when then what which who how why where ' +
    're fwd hmm lol wow oh ah let let\'s here there new old last next first second third quick btw imo tbh also plus minus still ' +
    'between from since until after before among across awesome great nice cool best worst amazing perfect good bad ps sum average avg median min range approximately ' +
    'rate rates price prices fee fees cost costs call calls meet meeting check send ping post posted see ask tell remember reminder question summary status stats result results goal target audience numbers count counts sources name handle platform ' +
    'requirement requirements required minimum maximum campaign campaigns brief need needs looking wanted client clients brand brands ' +
    'sie er wir hat haben hatte mit kostet kosten preis gebühr honorar ' + // German
    'il ils elles ont avec coût prix tarif frais ' + // French ("a" is above)
    'él ellos tiene tienen tengo tenía con cuesta costo coste precio tarifa ' + // Spanish
    'ele eles tem têm tenho tinha com custa custo preço taxa cachê ' + // Portuguese
    'lui ha hanno ho aveva costa prezzo tariffa compenso ' + // Italian
    'zij hij ze heeft hebben heb met kost prijs tarief ' + // Dutch
    'hon hun har hadde hade med koster kostar pris ' + // Danish, Norwegian, Swedish
    'ona on oni ma mają mam miał miała koszt kosztuje cena stawka ' + // Polish
    'var ile ücret ücreti fiyat fiyatı ' + // Turkish
    'она он есть имеет цена стоимость' // Russian
  ).split(' '),
  ...PLATFORM_BY_ALIAS.keys(),
  // "Rs 5 per click", "Kr 500": a currency, written capitalised before its amount.
  ...CURRENCY_CODES,
]);

/** A count right after a word: "Max 50k", "Max: 50k". */
const BEFORE_A_COUNT = /\s?:?\s?[\d~≈+]/y;
/** "Min 10k, Max 50k": a sentence with a minimum, where "Max" is its maximum. */
const MIN_WORD = /(?<![\p{L}])(?:min|minimum)(?![\p{L}])/giu;
/**
 * "has" in the languages FOLLOWER_WORD reads, between a name and a count ("Ana tiene 45k", "Tom
 * heeft 30k"). Not French "a": "Found a 45k creator" would make "Found" a name.
 */
const HAS_WORDS = ['hat', 'tiene', 'tem', 'ha', 'heeft', 'har', 'ma'];
/**
 * Words that may stand between a creator's name and their count: "Sara has about 45k", "Tom’s IG
 * account is at 12k", "Sara hit 100k, then 120k", "… and her TikTok 1.2M".
 */
const BETWEEN_NAME_AND_COUNT = new Set(
  (
    `${HAS_WORDS.join(' ')} ` +
    'has have had is are was were at with got gets sits hit hits reached now currently just only does on in via across ' +
    'and also plus then about around approx roughly nearly almost over under like the a an her his their ' +
    'et und y e sur auf en no na account acct channel profile handle count'
  ).split(' '),
);
const FOLLOWER_WORD_ALONE = new RegExp(`^${FOLLOWER_WORD}$`, 'iu');
const WORD_CHARACTER = /[\p{L}\p{N}_'’]/u;
const POSSESSIVE = /^[\p{L}\p{N}_]+['’]s$/iu;

const NAME_TOKEN = new RegExp(
  String.raw`(?<![\p{L}\p{N}_@'’])(\p{Lu}[\p{Ll}\p{Lm}]+(?:[- ]\p{Lu}[\p{Ll}\p{Lm}]+)?)(?=\s?(?:['’]s(?![\p{L}])|:|\s[-–—]\s|\s\(|\s(?:has|is|at|with|got|sits|hit|hits|reached|now|currently|just|was|does|${HAS_WORDS.join('|')})(?![\p{L}])|\s[\d~≈+]))`,
  'gu',
);

interface Token {
  /** The tokenizer's group names: 'number', 'handle', or what the text is when it is no count. */
  kind: 'number' | 'handle' | Exclude<IgnoreKind, 'not-followers'>;
  text: string;
  start: number;
  end: number;
}

interface NumberToken {
  text: string;
  start: number;
  end: number;
  /** The number and its unit without a sign or a trailing "+". */
  body: string;
  sign: '' | '+' | '-';
  hasSuffix: boolean;
  /** Plain digits only (no grouping, decimal or unit). */
  bare: boolean;
  value?: number;
  /** Set once the token is known not to be a count. */
  ignored?: { kind: IgnoreKind; reason: string };
  followerWord: boolean;
  platform?: string;
  name?: string;
  note?: string;
  /** The range's second end, when this number is the first ("50k" for "10k" in "10k-50k"). */
  rangeTo?: NumberToken;
  /** The range's first end, when this number is the second. */
  rangeFrom?: NumberToken;
  /** Where the whole range this number is an end of starts and ends; where the number is, when it is no range's end. */
  rangeStart: number;
  rangeEnd: number;
}

interface Mention {
  start: number;
  end: number;
  text: string;
}

/**
 * Markdown around words (**45k**, _45k_, `45k`, **likes:**) says nothing about a
 * number: it is dropped so that the words next to a count read as if typed plain ("1.2k **likes**"
 * is likes). Underscores inside a word (@jane_doe) stay, and so do those a handle or a link ends
 * with (@_sara_x_, instagram.com/__tom__). Code blocks, struck-through text and spoilers are taken
 * out before (see discord-markdown.ts).
 */
const MARKDOWN_AT_WORD_EDGE = /(?<=^|[\s(["'])[*_~|`]+(?=\S)|(?<=\S)[*_~|`]+(?=$|[\s)\]"'.,:;!?])/gu;
/** Handles and links, as written: where underscores are part of a name, not markdown. */
const NAMES_WRITTEN = new RegExp(`${HANDLE}|${LINK}`, 'gu');

/** What the reply quotes for a spoiler set aside: that there was one, not what it hides. */
const SPOILER_SHOWN = '||…||';

/** Mentions of everyone in a channel, never a creator's handle. */
const MASS_MENTION = /^@(everyone|here)$/i;

/** Finds the follower counts in a message, and the numbers it set aside with the reason. */
export function extractCounts(message: string): Extraction {
  // Spaces are folded before code and spoilers are blanked out: what they hid stays a gap, so no
  // count, name or platform is joined across it.
  const { text, numbersInCode, namesSetApart } = withoutCode(oneSpaced(normaliseDigits(message.slice(0, MAX_MESSAGE_LENGTH))));
  const tokens = [...tokenize(text), ...numbersInCode].sort((a, b) => a.start - b.start);
  const numbers: NumberToken[] = [];
  const ignored: SetAside[] = [];
  const handles: Mention[] = [];
  const platforms: (Mention & { name: string })[] = [];

  for (const token of tokens) {
    if (token.kind === 'handle') {
      const handle = token.text.replace(/\.+$/, '');
      if (!MASS_MENTION.test(handle)) handles.push({ start: token.start, end: token.start + handle.length, text: handle });
    }
    else if (token.kind === 'number') numbers.push(numberToken(token));
    else if (token.kind === 'link') {
      const platform = linkPlatform(token.text);
      if (platform) platforms.push({ start: token.start, end: token.end, text: token.text, name: platform.platform });
      if (platform?.handle) handles.push({ start: token.start, end: token.end, text: `@${platform.handle}` });
      if (/\d/.test(token.text)) ignored.push(ignore(token, 'link'));
    } else ignored.push(ignore(token, token.kind as Exclude<IgnoreKind, 'not-followers'>));
  }
  const spans = tokens.filter((t) => t.kind === 'link' || t.kind === 'handle' || t.kind === 'mention');
  const spanStarts = spans.map((t) => t.start);
  const inside = (at: number) => spans.length > 0 && spanStarts[0]! <= at && at < spans[lastAtOrBefore(spanStarts, at)]!.end;
  for (const m of text.matchAll(PLATFORM_TOKEN)) {
    if (!inside(m.index)) platforms.push({ start: m.index, end: m.index + m[0].length, text: m[0], name: platformName(m[0]) });
  }
  platforms.sort((a, b) => a.start - b.start);

  linkRanges(text, numbers);
  const milIsThousand = SPANISH_OR_PORTUGUESE.test(text);
  for (const n of numbers) judgeByContext(text, n, milIsThousand);
  inheritAcrossRanges(numbers);
  setAsideRanges(text, numbers);
  const sentences = sentenceStarts(text);
  const sentenceOf = (pos: number) => lastAtOrBefore(sentences, pos);
  bindPlatforms(text, numbers.filter((n) => !n.ignored), platforms, sentenceOf);
  for (const n of numbers) if (!n.ignored) judgeBareNumber(n);
  nameCreators(text, numbers, handles, platforms, sentences, namesSetApart);

  const counts: FoundCount[] = [];
  for (const n of numbers) {
    if (n.ignored) {
      // A range is listed once, as a whole, where it starts.
      if (n.ignored.kind === 'range' && n.rangeFrom) continue;
      const shown = n.ignored.kind === 'range' ? rangeText(text, n) : { text: n.text, start: n.start };
      ignored.push({ text: quoted(shown.text), kind: n.ignored.kind, reason: n.ignored.reason, at: shown.start });
      continue;
    }
    counts.push({
      value: n.value!,
      text: n.body,
      start: n.start,
      end: n.end,
      ...(n.platform ? { platform: n.platform } : {}),
      ...(n.name ? { name: n.name } : {}),
      ...(n.note ? { note: n.note } : {}),
    });
  }
  return { counts, ignored: orderAndDedupe(ignored) };
}

/** A stretch of the text, from `start` to `end`. */
interface Stretch {
  start: number;
  end: number;
}

/**
 * The message without its markdown and with its code blocks, struck-through text and spoilers
 * blanked out (line breaks kept, so sentences stay as they were), and each number written in them,
 * where it is in that text; a spoiler with numbers in it is one entry, which does not quote them.
 * Also where the struck-through text and spoilers that may hold a creator's name were: a count
 * after one is not known to be the count of a name before it (see bindNames).
 */
function withoutCode(message: string): { text: string; numbersInCode: Token[]; namesSetApart: Stretch[] } {
  let text = '';
  const numbersInCode: Token[] = [];
  const namesSetApart: Stretch[] = [];
  let at = 0;
  for (const { kind, start, end } of partsSetApart(message)) {
    text += withoutMarkdown(message.slice(at, start));
    const apart = message.slice(start, end);
    if (kind !== 'code' && mayHoldAName(apart)) namesSetApart.push({ start: text.length, end: text.length + apart.length });
    if (kind === 'spoiler') {
      if (/\d/.test(apart)) numbersInCode.push({ kind, text: SPOILER_SHOWN, start: text.length, end: text.length + apart.length });
    } else {
      // A spoiler inside struck-through text stays hidden too.
      const inner = kind === 'struck' ? withoutSpoilers(apart.slice(2, -2)) : apart;
      const offset = text.length + (kind === 'struck' ? 2 : 0);
      for (const t of tokenize(inner)) {
        if (/\d/.test(t.text)) numbersInCode.push({ kind, text: t.text, start: offset + t.start, end: offset + t.end });
      }
    }
    text += apart.replace(/[^\n]/g, ' ');
    at = end;
  }
  return { text: text + withoutMarkdown(message.slice(at)), numbersInCode, namesSetApart };
}

/**
 * Whether text set apart may hold a creator's name ("~~Carl~~", "~~Carl has 40k~~", "||@carl||"): a
 * word written as a name is (a handle, a capital, or a script without capitals), other than a
 * platform or a word that may stand between a name and its count. A struck count ("~~1M~~ 1.2M",
 * "~~old: 45k~~") and lowercase words ("~~n/a~~", "||don't tell||") are a correction or a remark,
 * and do not say whose the count after them is.
 */
function mayHoldAName(text: string): boolean {
  const rest = text.replace(PLATFORM_TOKEN, (platform) => ' '.repeat(platform.length));
  return [...rest.matchAll(WRITTEN_AS_NAME)].some(([word]) => !BETWEEN_NAME_AND_COUNT.has(word.toLowerCase()) && !FOLLOWER_WORD_ALONE.test(word));
}
/** A handle, or a word of two letters or more starting with a capital or in a script without capitals. */
const WRITTEN_AS_NAME = /@[\p{L}\p{N}_.]+|(?<![\p{L}\p{N}_'’])[\p{Lu}\p{Lo}][\p{L}\p{N}_'’]+/gu;

/**
 * Spaces, tabs and no-break spaces, but not line breaks, which end sentences. The reader's patterns
 * allow one space between words: a message pasted from an aligned list ("900     followers", "IG:
 * \t\t45k") is read as if typed with single spaces.
 */
const SPACE_RUN = /[\t\p{Zs}]+/gu;

/**
 * `text` with each run of SPACE_RUN as one space, or as one tab where it parts cells: a run with a
 * tab in it, or a run of several spaces between two digits ("Sara  25   450", columns aligned with
 * spaces). A tab keeps the numbers on either side apart, never 25,450; one space still groups
 * thousands ("25 450").
 */
function oneSpaced(text: string): string {
  return text.replace(SPACE_RUN, (run, at: number) => {
    const betweenDigits = /\d/.test(text[at - 1] ?? '') && /\d/.test(text[at + run.length] ?? '');
    return run.includes('\t') || (betweenDigits && [...run].length > 1) ? '\t' : ' ';
  });
}

/** `text` without MARKDOWN_AT_WORD_EDGE, but for the underscores that end a handle or a link. */
function withoutMarkdown(text: string): string {
  const names = [...text.matchAll(NAMES_WRITTEN)];
  let next = 0;
  return text.replace(MARKDOWN_AT_WORD_EDGE, (run: string, at: number) => {
    // A pipe shown between two numbers parts them as a table's cells ("| 25 |450 |"), never 25,450.
    if (run.includes('|') && /\d ?$/.test(text.slice(Math.max(0, at - 2), at)) && /\d/.test(text[at + run.length] ?? '')) return '\t';
    while (next < names.length && names[next]!.index + names[next]![0].length <= at) next++;
    const name = names[next];
    // Only a run that ends a handle or a link keeps the underscores in it, unless the name starts
    // with one too: "_instagram.com/x_" is a link in italics.
    if (!name || name.index >= at || name[0].startsWith('_')) return '';
    return /^_*/.exec(run.slice(0, name.index + name[0].length - at))![0];
  });
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const groups = m.groups ?? {};
    const kind = (Object.keys(groups).find((k) => groups[k] !== undefined) ?? 'number') as Token['kind'];
    // "may 30" is a verb and a number more often than a date: only "May 30" is the month.
    if (kind === 'date' && /^may\s/.test(m[0])) {
      TOKEN.lastIndex = m.index + 3;
      continue;
    }
    const wordCode = kind === 'price' ? WORD_CODE_FIRST.exec(m[0]) : null;
    if (wordCode && wordCode[1] !== wordCode[1]!.toUpperCase()) {
      TOKEN.lastIndex = m.index + wordCode[1]!.length;
      continue;
    }
    tokens.push({ kind, text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** A number set aside, and where it starts in the text. */
type SetAside = IgnoredNumber & { at: number };

function ignore(token: Token, kind: Exclude<IgnoreKind, 'not-followers'>): SetAside {
  return { text: quoted(token.text), kind, reason: REASONS[kind], at: token.start };
}

/** What is quoted back of a number set aside: on one line, and short enough to list. */
function quoted(text: string): string {
  return shorten(text.replace(/\s+/g, ' '), 40);
}

function numberToken(token: Token): NumberToken {
  let body = token.text;
  let sign: NumberToken['sign'] = '';
  if (/^[+\-−–]/.test(body)) {
    sign = body[0] === '+' ? '+' : '-';
    body = body.slice(1);
  }
  const trailingPlus = body.endsWith('+');
  if (trailingPlus) body = body.slice(0, -1);
  // The "e" of "1.2E+06" is no unit: such a number is judged like "1,200,000".
  const hasSuffix = /[\p{L}]/u.test(body) && !SCIENTIFIC_BODY.test(body);
  const n: NumberToken = { text: token.text, start: token.start, end: token.end, body, sign, hasSuffix, bare: /^\d+$/.test(body), followerWord: false, rangeStart: token.start, rangeEnd: token.end };
  return n;
}

/**
 * "10k-50k", "10 to 20k", "between 10k and 50k": links the two ends of each range written, and
 * gives both the whole range's place. Three numbers or more joined so ("1-2-3") are no range.
 */
function linkRanges(text: string, numbers: NumberToken[]): void {
  const joins = numbers.map((a, i) => {
    const b = numbers[i + 1];
    if (!b || a.sign) return false;
    const between = text.slice(a.end, b.start);
    return RANGE_BETWEEN.test(between) || (RANGE_AND.test(between) && BETWEEN_BEFORE.test(text.slice(Math.max(0, a.start - 12), a.start)));
  });
  joins.forEach((joined, i) => {
    if (!joined || joins[i - 1] || joins[i + 1]) return;
    const a = numbers[i]!;
    const b = numbers[i + 1]!;
    a.rangeTo = b;
    b.rangeFrom = a;
    b.rangeStart = a.rangeStart;
    a.rangeEnd = b.rangeEnd;
  });
}

/**
 * The two ends of a range are the same kind of number: "2.5k-3k per post" is two prices, as the
 * unit after the range is the second end's. (The words around the whole range are judged for
 * both ends in judgeByContext.)
 */
function inheritAcrossRanges(numbers: NumberToken[]): void {
  for (let i = numbers.length - 1; i >= 0; i--) {
    const a = numbers[i]!;
    const b = a.rangeTo;
    if (b?.ignored && !a.ignored && !a.followerWord && b.ignored.kind !== 'fraction' && b.ignored.kind !== 'too-large') a.ignored = b.ignored;
  }
}

/**
 * /tier refuses a range ("10k–50k looks like a range"), and so does the message: a range is no
 * creator's count, nor two creators' counts. It is set aside whole, unless both its ends are set
 * aside for what they count ("reach 10k-50k"). "She went from 12k to 30k" is no range: 12k is
 * where she was, 30k her count now.
 */
function setAsideRanges(text: string, numbers: NumberToken[]): void {
  for (const a of numbers) {
    const b = a.rangeTo;
    if (!b) continue;
    if (CHANGE_FROM.test(text.slice(Math.max(0, a.start - 40), a.start))) {
      a.ignored ??= { kind: 'change', reason: 'an earlier count, before a change' };
      continue;
    }
    if (a.ignored && b.ignored && a.ignored.reason === b.ignored.reason) continue;
    a.ignored = b.ignored = { kind: 'range', reason: REASONS.range };
  }
}

/** A range as written, from the word that leads it ("between 10k and 50k", "10-20k"). */
function rangeText(text: string, a: NumberToken): { text: string; start: number } {
  const lead = RANGE_LEAD.exec(text.slice(Math.max(0, a.start - 12), a.start));
  const start = lead ? a.start - lead[0].length : a.start;
  return { text: text.slice(start, a.rangeTo!.end), start };
}

/** Rules that set a number aside whatever else is near it: signs, units, words around it. */
function judgeByContext(text: string, n: NumberToken, milIsThousand: boolean): void {
  // The words before a range are before both its ends, and a follower word after it is after both:
  // "reach 10k-50k" is reach twice, and "10k-50k followers" counts followers (a range, set aside in setAsideRanges).
  const after = text.slice(n.end, n.end + 60);
  const before = text.slice(Math.max(0, n.rangeStart - 40), n.rangeStart);
  const set = (kind: Exclude<IgnoreKind, 'not-followers'>) => (n.ignored = { kind, reason: REASONS[kind] });

  n.followerWord = AFTER_FOLLOWERS.test(text.slice(n.rangeEnd, n.rangeEnd + 60)) || BEFORE_FOLLOWERS.test(before);
  const mil = MIL_AFTER_DIGITS.test(n.body);
  const parsed = readCountText(mil ? n.body.replace(/mil$/i, milIsThousand ? 'k' : 'm') : n.body);
  if (mil && !milIsThousand) n.note = countReadingNote(n.body);

  if (n.bare && n.body.length >= 12) return void set('id');
  if (n.sign === '-') return void set('change');
  if (/^[48]k$/i.test(n.body) && VIDEO_AFTER.test(after)) return void (n.ignored = { kind: 'not-followers', reason: 'a video resolution' });
  const notFollowers = AFTER_NOT_FOLLOWERS.exec(after) ?? (n.followerWord ? null : BEFORE_NOT_FOLLOWERS.exec(before));
  if (notFollowers) {
    const what = notFollowers[1]!.toLowerCase();
    const money = MONEY_WORDS[what];
    n.ignored = money ? { kind: 'price', reason: `${money}, not a follower count` } : { kind: 'not-followers', reason: `counts ${what}, not followers` };
    return;
  }
  if (n.bare && STREET_AFTER.test(after)) return void set('address');
  if (isRatePerPost(after) || (!n.followerWord && POSTS_AT_BEFORE.test(before))) return void (n.ignored = { kind: 'price', reason: 'a rate per post, not a follower count' });
  if (AFTER_DURATION.test(after)) return void set('duration');
  // After the duration: "spent 3 weeks" is time, "spent 2k" money.
  if (!n.followerWord && MONEY_VERB_BEFORE.test(before)) return void (n.ignored = { kind: 'price', reason: MONEY_VERB_REASON });
  if (GROWTH_BEFORE.test(before) || RATE_AFTER.test(after) || (n.sign === '+' && PERIOD_AFTER.test(after))) return void set('change');
  if (!n.followerWord && ID_BEFORE.test(before)) return void set('id');
  // /tier refuses an exponent ("1e3", "1.2E+06"): it is set aside whole, never read as "1" and "06".
  if (SCIENTIFIC_BODY.test(n.body)) return void set('exponent');
  if (!parsed.ok) return void set(parsed.problem === 'fraction' || parsed.problem === 'too-large' ? parsed.problem : 'unreadable');
  n.value = parsed.value;
}

/**
 * "2k per TikTok" and "45k/post" are rates; but in "IG: 45k / TikTok: 1.2M" the slash separates
 * two platforms' counts, as it does whenever the platform after it has a count of its own (one
 * that is not itself a rate: "5k / TikTok, 3k / reel" stays two rates).
 */
function isRatePerPost(after: string): boolean {
  const rate = PER_POST_AFTER.exec(after);
  if (!rate) return false;
  if (rate[1] !== '/' || !PLATFORM_BY_ALIAS.has(rate[2]!.toLowerCase())) return true;
  const rest = after.slice(rate[0].length);
  const ownCount = OWN_COUNT_AFTER_PLATFORM.exec(rest);
  return !ownCount || PER_POST_AFTER.test(rest.slice(ownCount[0].length));
}

const MIL_AFTER_DIGITS = /\d\s?mil$/i;
/**
 * "1.2 mil followers" is 1.2 million in English shorthand; "45 mil" is 45 thousand in Spanish and
 * Portuguese. A message in either language says so somewhere, not always next to each count ("Ana
 * tiene 45 mil seguidores y Bea 30 mil"): by its words for followers, for million, or for "has".
 */
const SPANISH_OR_PORTUGUESE = new RegExp(
  String.raw`(?<![\p{L}])(?:${MIL_IS_THOUSAND_BEFORE}|seguidor|millones|millón|milhões|milhoes|milhão|milhao|tiene|tienen|tem|têm)(?![\p{L}])`,
  'iu',
);

/**
 * Multipliers that are everyday English words ("3 bin bags"): the number before one is a count
 * only where a follower word or a platform says so ("45 bin takipçi"), as a plain number is.
 */
const WORD_MULTIPLIER = /^\d[\d.,]*\s?bin$/i;

/** A plain number ("45000", "800") is a count only when something says so, and is not a year. */
function judgeBareNumber(n: NumberToken): void {
  if (n.followerWord) return;
  if (WORD_MULTIPLIER.test(n.body)) {
    if (!n.platform) n.ignored = { kind: 'small', reason: 'a number with nothing saying it counts followers' };
    return;
  }
  if (n.hasSuffix) return;
  const value = n.value!;
  if (n.bare && n.body.length === 4 && value >= 1900 && value <= 2100) {
    n.ignored = { kind: 'year', reason: REASONS.year };
    return;
  }
  if (value < 1000 && !n.platform) n.ignored = { kind: 'small', reason: REASONS.small };
}

/** The index of the last of `sorted` at or before `pos` (0 when none is). */
const lastAtOrBefore = (sorted: readonly number[], pos: number): number => Math.max(0, sorted.findLastIndex((at) => at <= pos));

function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(SENTENCE_BREAK)) {
    const end = m.index + m[0].length;
    if (m[0] === '.' && ABBREVIATION_BEFORE_DOT.test(text.slice(Math.max(0, m.index - 12), m.index))) {
      const next = text.slice(end, end + 40);
      if (!NEW_SENTENCE_AFTER_DOT.test(next) || SAME_SENTENCE_AFTER_DOT.test(next)) continue;
    }
    starts.push(end);
  }
  return starts;
}

// Between a count and a platform after it: "45k on IG", "45k followers on Instagram", "45k (TikTok)",
// "45k (on IG)", "45k [TT]", "45 тыс. подписчиков в Instagram".
const AFTER_LINK = new RegExp(String.raw`^${AROUND_COUNT}(?:${FOLLOWER_WORD}\s?)?[([]?\s?(?:(on|in|at|via|over on|across|auf|sur|en|no|na|su|в|на)\s)?(?:the\s)?[([]?\s?$`, 'iu');
// Between a platform and a count after it: "IG: 45k", "TikTok - 1.2M", "Instagram followers 45k".
const BEFORE_LINK = new RegExp(String.raw`^\)?\s?(?:${FOLLOWER_WORD}|account|acct|handle|channel)?\s?([:=\-–—]|is at|is|at|has|with|count)?\s?(?:~|≈|about|around|approx\.?|over|almost|nearly|just over|just under)?\s?$`, 'iu');

// Platforms named together ("IG/TT", "ig + tt", "IG & TikTok"), and counts written together ("45k/12k").
const PLATFORM_JOIN = /^\s?(?:[/&+]|and|und|et)\s?$/iu;
const COUNT_JOIN = /^\s?\/\s?$/;

type Platform = Mention & { name: string };

/**
 * Links each platform named in a sentence to the count it belongs to: the count before it when a
 * word like "on" joins them ("45k on IG"), the count after it when a colon or dash does ("IG:
 * 45k"); otherwise the count right before it if that one has none yet ("45k IG, 1.2M TikTok"),
 * else the count right after ("IG 45k TikTok 1.2M"). Platforms named together are linked together
 * first (see bindPlatformGroup).
 */
function bindPlatforms(text: string, numbers: NumberToken[], platforms: Platform[], sentenceOf: (pos: number) => number): void {
  const ends = numbers.map((n) => n.end);
  const grouped = new Set<Platform>();
  for (let first = 0; first < platforms.length; ) {
    let last = first;
    while (last + 1 < platforms.length && PLATFORM_JOIN.test(text.slice(platforms[last]!.end, platforms[last + 1]!.start))) last++;
    const group = platforms.slice(first, last + 1);
    if (group.length > 1 && bindPlatformGroup(text, numbers, ends, group, sentenceOf)) group.forEach((p) => grouped.add(p));
    first = last + 1;
  }
  for (const p of platforms) {
    if (grouped.has(p)) continue;
    const sentence = sentenceOf(p.start);
    // Numbers are in text order and never overlap a platform name: the one before it, and the one after.
    const i = ends[0] !== undefined && ends[0] <= p.start ? lastAtOrBefore(ends, p.start) : -1;
    const before = numbers[i];
    const after = numbers[i + 1];
    const prev = before && sentenceOf(before.start) === sentence ? before : undefined;
    const next = after && after.start >= p.end && sentenceOf(after.start) === sentence ? after : undefined;
    const afterPrev = prev ? AFTER_LINK.exec(text.slice(prev.end, p.start)) : null;
    const beforeNext = next ? BEFORE_LINK.exec(text.slice(p.end, next.start)) : null;
    const free = (n: NumberToken | undefined): n is NumberToken => n !== undefined && n.platform === undefined;
    let to: NumberToken | undefined;
    if (afterPrev?.[1] && free(prev)) to = prev;
    else if (beforeNext?.[1] && /[:=\-–—]/.test(beforeNext[1]) && free(next)) to = next;
    else if (afterPrev && free(prev)) to = prev;
    else if (beforeNext && free(next)) to = next;
    if (to) to.platform = p.name;
  }
}

/**
 * "IG/TT: 45k/12k" and "45k/12k on IG/TT": as many counts as platforms, each its own, in order.
 * "ig + tt: 57k total" and "57k on IG and TikTok": one count for them all, labelled with them all.
 * Returns false, linking nothing, when the counts near the group say neither.
 */
function bindPlatformGroup(text: string, numbers: NumberToken[], ends: number[], group: Platform[], sentenceOf: (pos: number) => number): boolean {
  const first = group[0]!;
  const last = group.at(-1)!;
  const sentence = sentenceOf(first.start);
  const free = (n: NumberToken | undefined): n is NumberToken => n !== undefined && n.platform === undefined && sentenceOf(n.start) === sentence;
  const before = ends[0] !== undefined && ends[0] <= first.start ? lastAtOrBefore(ends, first.start) : -1;
  // Counts after a colon or dash: "IG/TT: 45k/12k".
  const after = numbers[before + 1];
  const linkAfter = free(after) && after.start >= last.end ? BEFORE_LINK.exec(text.slice(last.end, after.start)) : null;
  let counts: NumberToken[];
  let combined: boolean;
  if (linkAfter?.[1] && /[:=\-–—]/.test(linkAfter[1])) {
    counts = [after!];
    for (let i = before + 2; free(numbers[i]) && COUNT_JOIN.test(text.slice(counts.at(-1)!.end, numbers[i]!.start)); i++) counts.push(numbers[i]!);
    combined = counts.length === 1;
  } else {
    // Counts before: "45k/12k on IG/TT", "57k on IG and TikTok".
    const prev = numbers[before];
    const linkBefore = free(prev) ? AFTER_LINK.exec(text.slice(prev.end, first.start)) : null;
    if (!linkBefore) return false;
    counts = [prev!];
    for (let i = before - 1; free(numbers[i]) && COUNT_JOIN.test(text.slice(numbers[i]!.end, counts[0]!.start)); i--) counts.unshift(numbers[i]!);
    // "57k on IG and TikTok 1.2M" is 57k on IG, and TikTok's own 1.2M.
    combined = counts.length === 1 && linkBefore[1] !== undefined && !OWN_COUNT_AFTER_PLATFORM.test(text.slice(last.end));
  }
  if (combined) {
    counts[0]!.platform = [...new Set(group.map((p) => p.name))].join(' + ');
    return true;
  }
  if (counts.length !== group.length) return false;
  counts.forEach((n, i) => (n.platform = group[i]!.name));
  return true;
}

/**
 * Creators named in the text: @handles, and capitalised names where names stand ("Sara: 45k",
 * "Tom has", "Mia’s TikTok"). "Max" right before a count is kept apart: it may be a name or "at most".
 */
function creatorNames(text: string, handles: Mention[]): { names: Mention[]; maxBeforeCounts: Mention[] } {
  const names: Mention[] = [...handles];
  const maxBeforeCounts: Mention[] = [];
  for (const m of text.matchAll(NAME_TOKEN)) {
    const words = m[1]!.split(/[ ]/);
    while (words.length && NOT_NAMES.has(words[0]!.toLowerCase())) words.shift();
    if (words.length === 0 || words.some((w) => NOT_NAMES.has(w.toLowerCase()) || PLATFORM_BY_ALIAS.has(w.toLowerCase()))) continue;
    const name = words.join(' ');
    const end = m.index + m[1]!.length;
    BEFORE_A_COUNT.lastIndex = end;
    (name === 'Max' && BEFORE_A_COUNT.test(text) ? maxBeforeCounts : names).push({ start: end - name.length, end, text: name });
  }
  return { names, maxBeforeCounts };
}

/**
 * Gives each number the creator named next to it. "Max 50k followers" is "at most 50k" unless
 * other counts belong to named creators ("Léa 30k, Max 12k"), and always beside a minimum ("Min
 * 10k, Max 50k"). `namesSetApart`: struck-through text and spoilers that may hold a name (see bindNames).
 */
function nameCreators(text: string, numbers: NumberToken[], handles: Mention[], platforms: Mention[], sentences: number[], namesSetApart: readonly Stretch[]): void {
  const { names, maxBeforeCounts } = creatorNames(text, handles);
  bindNames(text, numbers, names, platforms, sentences, namesSetApart);
  const withMinimum = new Set([...text.matchAll(MIN_WORD)].map((m) => lastAtOrBefore(sentences, m.index)));
  const maxes = maxBeforeCounts.filter((m) => !withMinimum.has(lastAtOrBefore(sentences, m.start)));
  if (maxes.length && numbers.some((n) => !n.ignored && n.name)) bindNames(text, numbers, [...names, ...maxes], platforms, sentences, namesSetApart);
}

/**
 * What stands before a number in its clause: a name, other words but no name (or a name set apart:
 * struck through, or in a spoiler), or nothing that says.
 */
type NextToNumber = Mention | 'other word' | 'clause start';

/**
 * Links each number to the creator named before it in its own clause: walking back from the number
 * to the number before it (or to the start of its sentence), the first name or @handle is the
 * creator ("Sara is a fitness creator with 45k followers", "Sara (fitness, IG): 45k"). A clause
 * with words but no name ("Total 60k", "her brother has 20k") links none. A number with nothing of
 * its own before it but what may stand between a name and a count (punctuation, "and", "on IG":
 * "Sara has 45k on IG and 1.2M on TikTok", "Jana (IG 88k, TikTok 1.4M)") shares the creator of the
 * number before it in its sentence. The walk never goes past that number, so a count never takes
 * another count's name. Nor past struck-through text or a spoiler that may hold a name
 * (`namesSetApart`): in "Anna 45k, ~~Carl~~ 12k" and "Anna 45k, ||Carl|| 12k" the name of 12k is
 * set apart, so 12k links none.
 */
function bindNames(text: string, numbers: NumberToken[], names: Mention[], platforms: Mention[], sentences: number[], namesSetApart: readonly Stretch[]): void {
  const nameEndingAt = new Map(names.map((m) => [m.end, m]));
  const platformEndingAt = new Map(platforms.map((p) => [p.end, p]));
  numbers.forEach((n, i) => {
    const sentence = lastAtOrBefore(sentences, n.start);
    const previous = numbers[i - 1];
    const sharesSentence = previous !== undefined && lastAtOrBefore(sentences, previous.start) === sentence;
    const next = nextToNumber(text, n.start, sharesSentence ? previous.end : sentences[sentence]!, nameEndingAt, platformEndingAt, namesSetApart);
    n.name = next === 'clause start' ? (sharesSentence ? previous.name : undefined) : next === 'other word' ? undefined : next.text;
  });
}

function nextToNumber(text: string, numberStart: number, clauseStart: number, nameEndingAt: Map<number, Mention>, platformEndingAt: Map<number, Mention>, namesSetApart: readonly Stretch[]): NextToNumber {
  let at = numberStart;
  let otherWords = false;
  for (;;) {
    const gapEnd = at;
    while (at > clauseStart && !WORD_CHARACTER.test(text[at - 1]!)) at--;
    // Text set apart is blanked out, so it lies in a gap between words.
    const gapStart = Math.max(at, clauseStart);
    if (namesSetApart.some((apart) => apart.start < gapEnd && apart.end > gapStart)) return 'other word';
    if (at <= clauseStart) return otherWords ? 'other word' : 'clause start';
    const name = nameEndingAt.get(at);
    if (name && name.start >= clauseStart) return name;
    const platform = platformEndingAt.get(at);
    if (platform && platform.start >= clauseStart) {
      at = platform.start;
      continue;
    }
    let wordStart = at;
    while (wordStart > clauseStart && WORD_CHARACTER.test(text[wordStart - 1]!)) wordStart--;
    const word = text.slice(wordStart, at);
    // "Mia’s TikTok is at 800": the name ends before the ’s.
    if (POSSESSIVE.test(word)) at -= 2;
    else {
      otherWords ||= !(BETWEEN_NAME_AND_COUNT.has(word.toLowerCase()) || FOLLOWER_WORD_ALONE.test(word));
      at = wordStart;
    }
  }
}

function linkPlatform(url: string): { platform: string; handle?: string } | undefined {
  const m = /^(?:https?:\/\/)?(?:www\.|m\.)?([^/\s]+)\/?([^/?#\s]*)/i.exec(url);
  const platform = m ? PLATFORM_DOMAINS[m[1]!.toLowerCase()] : undefined;
  if (!platform) return undefined;
  const handle = m![2]!.replace(/^@/, '');
  return /^[\p{L}\p{N}_.]{2,30}$/u.test(handle) && !/^(watch|channel|c|user|p|reel|video|shorts)$/i.test(handle) ? { platform, handle } : { platform };
}

/** Each set-aside number once, in the order the message has them. */
function orderAndDedupe(ignored: SetAside[]): IgnoredNumber[] {
  const seen = new Set<string>();
  return ignored
    .sort((a, b) => a.at - b.at)
    .filter((item) => {
      const key = `${item.text}\u0000${item.reason}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(({ text, kind, reason }) => ({ text, kind, reason }));
}
