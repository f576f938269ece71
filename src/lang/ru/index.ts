/**
 * Russian: wire and Telegram-channel phrasing of strikes and their tolls. Number words carry their
 * case forms ("три/трех/трем", collective "трое/троих"), since a count takes the case its verb or
 * preposition demands ("гибель трех человек", "погибли трое").
 */
import * as chrono from 'chrono-node';
import { stemmer } from '@orama/stemmers/russian';
import { probed } from '../chrono.js';
import { transliterator } from '../translit.js';
import type { Lexicon, LexiconTrigger } from '../index.js';
import { stopwordsOf } from '../stopwords.js';
import { BAT, EXP, STR, VAC, demonymTable, joinTriggers, withPhrases, withYears, type RelativeRow, numberTable, placeTable, stems, trigger } from '../rows.js';

const translit = transliterator('ru');

/** Years on from the year of writing, by the adjective's stem ("прошлого года" → -1). */
function yearsOn(word: string): number | null {
  const w = word.toLowerCase();
  if (/^позапрошл/.test(w)) return -2;
  if (/^(?:прошл|минувш|прошедш)/.test(w)) return -1;
  if (/^(?:эт|текущ|нынешн)/.test(w)) return 0;
  if (/^(?:следующ|будущ|наступающ)/.test(w)) return 1;
  return null;
}
const MONTHS_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const SEASON: Record<string, number> = { весн: 3, лет: 6, осен: 9, зим: 1 };
const seasonOf = (w: string) => { const l = w.toLowerCase(); for (const k in SEASON) if (l.startsWith(k)) return SEASON[k]; return undefined; };
const YEAR_ADJ = '(позапрошл|прошл|минувш|прошедш|эт|текущ|нынешн|следующ|будущ|наступающ)\\p{L}{0,3}';

/** Dates written relative to the day of writing that chrono's ru locale leaves out. */
const RELATIVE: RelativeRow[] = [
  // "осенью прошлого года", "в конце прошлого года", "бюджет следующего года", "в будущем году"
  { pattern: `(?:(весной|летом|осенью|зимой)\\s+|(?:в начале|в конце|в середине|до конца|к концу|с начала)\\s+)?${YEAR_ADJ}\\s+(?:года|году|год)`, cue: 'год', value: (m) => { const y = yearsOn(m[2]); return y === null ? null : m[1] ? { years: y, month: seasonOf(m[1]) } : { years: y }; } },
  // "этим летом", "прошлой осенью"
  { pattern: `${YEAR_ADJ}\\s+(весной|летом|осенью|зимой)`, cue: 'весной|летом|осенью|зимой', value: (m) => { const y = yearsOn(m[1]); return y === null ? null : { years: y, month: seasonOf(m[2]) }; } },
  // "в конце прошлой недели", "на этой неделе", "в минувшие выходные"
  { pattern: `(?:(?:в конце|в начале|в середине)\\s+)?${YEAR_ADJ}\\s+(?:недели|неделе|неделю)`, cue: 'недел', value: (m) => { const y = yearsOn(m[1]); return y === null ? null : { days: 7 * y }; } },
  { pattern: `(?:в|на)\\s+(?:прошлые|минувшие|прошедшие|эти)\\s+выходные|(?:на|в)\\s+выходных`, cue: 'выходн', value: () => ({ days: -2 }) },
  // "накануне" alone is the day before writing; "накануне выборов" is the eve of something else
  { pattern: `накануне(?=\\s*[,.;:!?—–)]|\\s*$|\\s+(?:он|она|оно|они|мы|я|вы|в|во|на|по|около|поздно|вечером|днем|днём|утром|ночью|стало|\\p{L}+(?:л|ла|ло|ли|лся|лась|лось|лись))(?!\\p{L}))`, cue: 'накануне', value: () => ({ days: -1 }) },
  // "вечером 21 июня": chrono's ru locale joins the time of day to the date and loses the day
  { pattern: `(?:утром|днем|днём|вечером|ночью)\\s+(\\d{1,2})\\s+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)(?:\\s+((?:19|20)\\d\\d))?`, cue: 'утром|днем|днём|вечером|ночью', value: (m) => ({ date: [m[3] ? Number(m[3]) : undefined, MONTHS_GENITIVE.indexOf(m[2].toLowerCase()) + 1, Number(m[1])] }) },
  // "в начале года", "к концу года": the year of writing
  { pattern: `(?:в начале|в конце|в середине|до конца|к концу|с начала)\\s+(?:года|году)`, cue: 'год', value: () => ({ years: 0 }) },
  { pattern: `сегодняшн\\p{L}{1,3}`, cue: 'сегодняшн', value: () => ({ days: 0 }) },
  { pattern: `вчерашн\\p{L}{1,3}`, cue: 'вчерашн', value: () => ({ days: -1 }) },
];


const TRIGGERS: LexiconTrigger[] = [
    trigger('беспилотник|бпла|дрон|fpv|шахед|герань|ланцет', EXP, 'air_drone_strike', ['drone'], 0.85),
    trigger('авиаудар|авианал[её]т|авиабомб|бомбардир|кабами|каб |ракетно-бомбов', EXP, 'air_drone_strike', ['air_strike'], 0.9),
    trigger('артобстрел|обстрел|минометн|артиллерийск|ракетн(?:ый|ого|ым|ом) удар|ракетн(?:ой|ая|ую) атак|удар(?:ом|ы|а)? ракет|ракетами|рсзо|град(?:ом|а|ы)(?!\\p{L})|искандер|хаймарс|himars|снаряд', EXP, 'shelling_artillery_missile_attack', [], 0.9),
    trigger('смертник|теракт', EXP, 'suicide_bomb', [], 0.7),
    trigger('сдв|самодельн(?:ое|ым|ого) взрывн|фугас|подрыв|мина(?!\\p{L})|на мине', EXP, 'remote_explosive_landmine_ied', [], 0.75),
    trigger('взрыв', EXP, 'remote_explosive_landmine_ied', [], 0.5),
    trigger('бо(?:й|ев|и|ях|ями)(?!\\p{L})|боестолкновен|столкновен|перестрелк|штурм|наступлен|контрнаступ', BAT, 'armed_clash', [], 0.8),
    trigger('перемири|прекращени[ея] огня|обмен(?:а|ом)? пленн|соглашени', STR, 'agreement', ['agreement'], 0.8),
    trigger('похищ|похитил', VAC, 'abduction_forced_disappearance', ['abduction'], 0.8),
    trigger('задержа|арестова|задержан', STR, 'arrests', ['arrest'], 0.7),
    trigger('митинг|протест|акци[яиюей] протеста|демонстрац', 'protests', 'peaceful_protest', ['protest'], 0.7),
    trigger('расстрел|застрел|обстрелял(?:и)? автомобил|напал', VAC, 'attack', [], 0.6),
    trigger('погиб|убит|убил', VAC, 'attack', [], 0.3),
];

/** Noun case endings (see Lexicon.caseEndings), longest first. */
const ENDINGS = ['ией', 'ами', 'ями', 'ии', 'ию', 'ия', 'ой', 'ей', 'ом', 'ем', 'ам', 'ах', 'ях', 'ям', 'ь', 'у', 'ю', 'е', 'и', 'ы', 'а', 'я', 'о'];

/** Built when a document of this language first asks (lexiconFor): the patterns, chrono's included, cost start-up time. */
export const ru = (): Lexicon => Object.freeze({
  code: 'ru',
  script: 'Cyrillic',
  native: true,
  abbreviations: new Set(
    ('г гг ул пр просп пер д корп кв обл р-н р-на пгт с пос дер им т тт н э см стр рис ок млн млрд тыс руб долл ' +
      'янв фев февр мар апр авг сент окт нояб дек пн вт ср чт пт сб вс ген полк подп майор лейт ст мл кап адм зам рук нач проф акад ' +
      'т.е т.д т.п т.к т.н и.о с.г н.э').split(' '),
  ),
  stem: stemmer,
  caseEndings: ENDINGS,
  firstNames: new Set('александр алексей анатолий андрей антон аркадий артем артём борис вадим валентин валерий василий виктор виталий владимир владислав вячеслав геннадий георгий глеб григорий даниил денис дмитрий евгений егор иван игорь илья кирилл константин лев леонид максим марк михаил никита николай олег павел петр пётр роман руслан сергей станислав степан тимур федор фёдор юрий ярослав анна алла алина анастасия валентина вера виктория галина дарья екатерина елена елизавета ирина ксения людмила мария марина надежда наталья нина ольга светлана софья татьяна юлия дэвид дэвис джон джордж джеймс джозеф майкл пол питер ричард роберт томас уильям чарльз дональд тереза мэри элизабет ангела эммануэль доминик франсуа'.split(' ').map(stemmer)),
  stopwords: stopwordsOf('ru', 'вс всу минобороны мчс', 'москва россия'),
  numbers: numberTable({
    'один одна одно одного одной одному одним одном одну': 1,
    'два две двух двум двумя двое двоих двоим двоими': 2,
    'три трех трёх трем трём тремя трое троих троим троими': 3,
    'четыре четырех четырёх четырем четырём четырьмя четверо четверых четверым': 4,
    'пять пяти пятью пятеро пятерых пятерым': 5,
    'шесть шести шестью шестеро шестерых': 6,
    'семь семи семью семеро семерых': 7,
    'восемь восьми восемью восьмеро восьмерых': 8,
    'девять девяти девятью девятеро девятерых': 9,
    'десять десяти десятью десятеро десятерых': 10,
    'одиннадцать одиннадцати': 11, 'двенадцать двенадцати': 12, 'тринадцать тринадцати': 13,
    'четырнадцать четырнадцати': 14, 'пятнадцать пятнадцати': 15, 'шестнадцать шестнадцати': 16,
    'семнадцать семнадцати': 17, 'восемнадцать восемнадцати': 18, 'девятнадцать девятнадцати': 19,
    'двадцать двадцати': 20, 'тридцать тридцати': 30, 'сорок сорока': 40, 'пятьдесят пятидесяти': 50,
    'шестьдесят шестидесяти': 60, 'семьдесят семидесяти': 70, 'восемьдесят восьмидесяти': 80,
    'девяносто девяноста': 90, 'сто ста': 100,
  }),
  notPeople: stems(
    'час|минут|секунд|км|километр|метр|м$|кг|тонн|лет|год|раз|дн|дня|сут|недел|месяц|ракет|дрон|беспилот|бпла|снаряд|мин$|танк|бтр|бмп|' +
      'единиц|процент|млн|млрд|тыс|дом|здани|объект|населенн|район|област|рубл|долл|евро|гривен|удар|атак|бо[ий]|штурм|направлен|' +
      'самол[её]т|вертол[её]т|артиллер|оруд|гаубиц|населённ|квартир|машин|автомобил|автобус|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря',
  ),
  casualtyWords: [
    { pattern: stems('погиб|гибел|убит|убил|убив|смерт(?!ельн)|скончал|ликвидир|жертв(?!ам)|тела$|тел$'), field: 'fatalities' },
    { pattern: stems('ранен|ранил|ранени|пострада|травм|госпитализ|смертельн'), field: 'injured' },
    { pattern: stems('пленн|плен$|пленил'), field: 'captured' },
  ],
  tally: /^(?:число|количество|числа)$/u,
  singular: /^(?:погиб|погибла|убит|убита|убили|ранен|ранена|скончался|скончалась|пострадал|пострадала|погибшим|погибшая|погибший|ранил|тело)$/u,
  noCasualties: /(?<!\p{L})(?:без жертв|жертв нет|погибших нет|пострадавших нет|обошлось без (?:жертв|пострадавших)|никто не пострадал|о жертвах не сообщается|о пострадавших не сообщается)(?!\p{L})/iu,

  triggers: TRIGGERS,
  triggerScan: joinTriggers(TRIGGERS),
  prepositions: new Map([
    ['в', 'in'], ['во', 'in'], ['у', 'near'], ['под', 'near'], ['возле', 'near'], ['около', 'near'], ['близ', 'near'], ['вблизи', 'near'],
    ['недалеко', 'near'], ['над', 'over'], ['на', 'on'], ['из', 'from'], ['к', 'to'], ['до', 'to'], ['по', 'on'],
  ]),
  actionNoun: stems('обстрел|удар|атак|бомбардир|штурм|взрыв|нападени|наступлени|окрестност|пригород|центр|район|окраин'),
  regionNoun: stems('област|обл$|кра[йяюе]$|краем$|республик'),
  regionSuffix: /(?:ск|ов)$/u,
  cityAdjective: /^(\p{L}[\p{L}-]{2,}?)(?:ск|цк)(?:ий|ая|ое|ие|ого|ой|ому|ом|ую|ими|их|ым|ыми|ых|ей)$/u,
  attribution: [
    /(?<!\p{L})(?:по данным|по словам|по информации|по сообщению|как сообщ\p{L}{0,6}|как заявил\p{L}{0,2}|сообщил\p{L}{0,2}|заявил\p{L}{0,2}|переда[её]т|пишет|утверждает|утверждают)\s+([^,.;:«»"()\n—–]{2,80}?)(?=[,.;:«»"()\n—–]|$)/iu,
  ],
  dates: probed(withPhrases(withYears(chrono.ru.casual, 'в|во|с|со|до|к|по|от|на|год|года|году|в конце|в начале|в середине', 'годы|годах|годов|году|года|год|гг?\\.'), RELATIVE, 'годах|годы|годов|гг'), { clock: 'RUTimeExpressionParser' }),
  dateHint: /\d|накануне|выходн|весн|лет[оа]м|осен|зим|январ|феврал|март|апрел|ма[йяюе]|июн|июл|август|сентябр|октябр|ноябр|декабр|понедельн|вторник|сред[уаы]|четверг|пятниц|суббот|воскресен|вчера|сегодня|завтра|ночь|ночью|утр|вечер|недел|месяц|год|назад|сутк/iu,
  relativeDate: /(?<!\p{L})(?:вчера|сегодня|позавчера|завтра|ночью|прошл\p{L}{0,4}|минувш\p{L}{0,4}|назад|эт\p{L}{0,3}|понедельник|вторник|сред[уа]|четверг|пятниц[уа]|суббот[уа]|воскресенье)(?!\p{L})/iu,
  transliterate: translit,
  ...demonymTable('российск RU, российско RU, русск RU, американск US, украинск UA, чешск CZ, британск GB, английск GB, французск FR, немецк DE, германск DE, китайск CN, сирийск SY, турецк TR, израильск IL, иранск IR, белорусск BY, польск PL, итальянск IT, испанск ES, японск JP, индийск IN, грузинск GE, казахстанск KZ, армянск AM, азербайджанск AZ, боснийск BA, сербск RS, молдавск MD, канадск CA, австралийск AU, бразильск BR, мексиканск MX, египетск EG, иракск IQ, афганск AF, пакистанск PK, саудовск SA, катарск QA, ливийск LY, латвийск LV, литовск LT, эстонск EE, финск FI, шведск SE, норвежск NO, датск DK, нидерландск NL, голландск NL, бельгийск BE, австрийск AT, швейцарск CH, греческ GR, венгерск HU, румынск RO, болгарск BG, словацк SK, хорватск HR, северокорейск KP, южнокорейск KR, вьетнамск VN, кубинск CU, венесуэльск VE, аргентинск AR, колумбийск CO, нигерийск NG, ирландск IE, португальск PT, ливанск LB, иорданск JO, йеменск YE, палестинск PS, европейск Europe, московск Moscow, петербургск Saint_Petersburg, киевск Kyiv, харьковск Kharkiv, крымск Crimea, белгородск Belgorod, херсонск Kherson, запорожск Zaporizhzhia, советск RU, киргизск KG, кыргызск KG, африканск Africa, подмосковн Moscow, техасск Texas, калифорнийск California, массачусетск Massachusetts, чеченск Chechen_Republic, башкирск Bashkortostan, татарстанск Tatarstan, дагестанск Dagestan'),
  places: placeTable(
    'США US, РФ RU, КНДР KP, ОАЭ AE, ЮАР ZA, КНР CN, ФРГ DE, Британия GB, Великобритания GB, Соединенное Королевство GB, Соединенные Штаты US, Молдавия MD, Беларусь BY, Белоруссия BY, Европа Europe, Евросоюз Europe, ЕС Europe, Азия Asia, Африка Africa, Америка US, Ближний Восток Middle East, Англия England, Шотландия Scotland, Северная Ирландия Northern Ireland, ДНР Donetsk, ЛНР Luhansk, Крым Crimea, Донбасс Donetsk, Запорожье Zaporizhzhia, ' +
      // a vowel the inflected forms drop ("Египет", "в Египте": stem "египт")
      'Египет EG, Египт EG, ' +
      // states gone, by the state that holds their capital now
      'СССР RU, Советский Союз RU, РСФСР RU, Югославия RS, ' +
      // Russian regions by the short names the press uses; the gazetteer has their official names in Latin letters only
      'Чечня Chechen_Republic, Чечни Chechen_Republic, Татарстан Tatarstan, Башкирия Bashkortostan, Башкортостан Bashkortostan, Чувашия Chuvash_Republic, ' +
      'Дагестан Dagestan, Ингушетия Ingushetia, Приморье Primorsky, Подмосковье Moscow, Забайкалье Zabaykalsky, Приднестровье Transnistria, Кубань Krasnodar, ' +
      'Ставрополье Stavropol’, Якутия Sakha, Бурятия Buryatia, Калмыкия Kalmykia, Адыгея Adygea, Мордовия Mordovia, Удмуртия Udmurt_Republic, Карелия Karelia, ' +
      'Хакасия Khakassia, Тыва Tuva, Тува Tuva, Кузбасс Kemerovo, Камчатка Kamchatka, Чукотка Chukotka, Ямал Yamalo-Nenets, Алтай Altai, ' +
      // US states: the gazetteer has them in Latin letters only, and their Russian spellings follow no rule a transliteration meets
      'Техас Texas, Огайо Ohio, Нью-Джерси New_Jersey, Аризона Arizona, Иллинойс Illinois, Юта Utah, Алабама Alabama, Аляска Alaska, Нью-Мексико New_Mexico, ' +
      'Джорджия Georgia, Невада Nevada, Массачусетс Massachusetts, Калифорния California, Флорида Florida, Мичиган Michigan, Миссури Missouri, Миннесота Minnesota, ' +
      'Висконсин Wisconsin, Индиана Indiana, Айова Iowa, Канзас Kansas, Небраска Nebraska, Оклахома Oklahoma, Арканзас Arkansas, Луизиана Louisiana, ' +
      'Миссисипи Mississippi, Теннесси Tennessee, Кентукки Kentucky, Вирджиния Virginia, Виргиния Virginia, Западная Вирджиния West_Virginia, ' +
      'Северная Каролина North_Carolina, Южная Каролина South_Carolina, Пенсильвания Pennsylvania, Мэриленд Maryland, Делавэр Delaware, Коннектикут Connecticut, ' +
      'Род-Айленд Rhode_Island, Вермонт Vermont, Нью-Гэмпшир New_Hampshire, Монтана Montana, Вайоминг Wyoming, Колорадо Colorado, Айдахо Idaho, Орегон Oregon, ' +
      'Гавайи Hawaii, Северная Дакота North_Dakota, Южная Дакота South_Dakota',
    stemmer,
    ENDINGS,
  ),
}) as Lexicon;
