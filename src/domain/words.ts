/**
 * Word lists the readers share, and how to match them: the currencies other than the US dollar,
 * which /compare refuses by name (units.ts) and the message command sets aside as prices
 * (extract.ts), so that both know the same ones.
 */

/** Words as a regular expression's alternatives, longest first so that "millions" wins over "mil". */
export function alternatives(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, String.raw`\s`))
    .join('|');
}

/** Signs of currencies other than the US dollar. */
export const OTHER_CURRENCY_SIGNS = '€£¥₹₽₩₺₪₫₱₦₴₸₡₲₵₭₮₾₼৳฿元円圓원';

/** Their codes and short forms, written right before or after an amount ("Rs. 50,000", "50.000 TL", "5 000 kr"). */
export const OTHER_CURRENCY_CODES: readonly string[] = [
  ...['eur', 'gbp', 'chf', 'cad', 'aud', 'nzd', 'hkd', 'sgd', 'inr', 'rs', 'rs.', 'jpy', 'cny', 'rmb', 'krw', 'brl', 'mxn', 'ars', 'clp', 'cop'],
  ...['sek', 'nok', 'dkk', 'kr', 'kr.', 'pln', 'zł', 'czk', 'huf', 'try', 'tl', 'rub', 'руб', 'руб.', 'uah', 'грн', 'zar', 'ngn', 'aed', 'sar'],
  ...['ils', 'myr', 'idr', 'rp', 'rp.', 'php', 'thb', 'vnd'],
];

/** Their names, written after an amount ("5.000 reais"). */
export const OTHER_CURRENCY_WORDS: readonly string[] = [
  ...['euro', 'euros', 'pound', 'pounds', 'quid', 'rupee', 'rupees', 'reais', 'peso', 'pesos', 'lira', 'liras', 'lire', 'yen', 'yuan', 'renminbi'],
  ...['ruble', 'rubles', 'rouble', 'roubles', 'рублей', 'рубля', 'hryvnia', 'hryvnias', 'zloty', 'zlotys', 'złotych', 'złote'],
  ...['kronor', 'kroner', 'kronur', 'krona', 'krone', 'franc', 'francs', 'rand', 'naira', 'ringgit', 'baht', 'rupiah', 'dirham', 'dirhams', 'riyal', 'riyals'],
];
