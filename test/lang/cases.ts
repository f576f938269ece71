/**
 * Short reports in Russian, Ukrainian and Arabic in the style of wires and Telegram channels,
 * written for the tests (not taken from any corpus), with the toll and date each states, checked
 * by reading. Each report is built from a phrasing and a filler (place, count in words as the
 * phrasing's case needs, weekday); 12 phrasings × 5 fillers per language. Publication date
 * 2024-03-07 (a Thursday): "в понедельник" is 2024-03-04, "вчера" 2024-03-06. Shared by
 * reports.test.ts and scripts/dump-lang.ts (the byte-identical check of speed work).
 */
export const PUBLISHED = '2024-03-07';

export interface Case {
  text: string;
  killed: number | null;
  injured: number | null;
  date: string | null;
  place?: string;
  type?: string;
}

// [place as the phrasing needs it (genitive, locative …), gazetteer name]
const RU_GEN: [string, string][] = [['Донецка', 'Donetsk'], ['Харькова', 'Kharkiv'], ['Херсона', 'Kherson'], ['Белгорода', 'Belgorod'], ['Горловки', 'Horlivka']];
const RU_LOC: [string, string][] = [['Донецке', 'Donetsk'], ['Харькове', 'Kharkiv'], ['Херсоне', 'Kherson'], ['Белгороде', 'Belgorod'], ['Горловке', 'Horlivka']];
const RU_N: [string, string, string, number][] = [
  // nominative (погибли три человека), collective (трое), genitive (гибель трех), count
  ['два', 'двое', 'двух', 2], ['три', 'трое', 'трех', 3], ['четыре', 'четверо', 'четырех', 4], ['пять', 'пятеро', 'пяти', 5], ['шесть', 'шестеро', 'шести', 6],
];
const RU_DAY: [string, string][] = [['в понедельник', '2024-03-04'], ['во вторник', '2024-03-05'], ['вчера', '2024-03-06'], ['в воскресенье', '2024-03-03'], ['4 марта', '2024-03-04']];

export function ruCases(): Case[] {
  const out: Case[] = [];
  for (let i = 0; i < 5; i++) {
    const [gen, name] = RU_GEN[i];
    const [loc] = RU_LOC[i];
    const [nom, coll, genN, n] = RU_N[i];
    const [day, iso] = RU_DAY[i];
    const Day = day[0].toUpperCase() + day.slice(1);
    out.push(
      { text: `${Day} в результате обстрела ${gen} погибли ${nom} человека.`.replace('пять человека', 'пять человек').replace('шесть человека', 'шесть человек'), killed: n, injured: null, date: iso, place: name, type: 'shelling_artillery_missile_attack' },
      { text: `${Day} в ${loc} в результате удара беспилотника погибли ${coll} мирных жителей, еще ${RU_N[(i + 1) % 5][1]} ранены.`, killed: n, injured: RU_N[(i + 1) % 5][3], date: iso, place: name, type: 'air_drone_strike' },
      { text: `⚡️ ${['Донецк', 'Харьков', 'Херсон', 'Белгород', 'Горловка'][i]}: ${day} ВСУ обстреляли город, ранены ${coll}. Об этом сообщил глава города.`.replace(/^⚡️ (\S+):/, '⚡️ $1:'), killed: 0, injured: n, date: iso },
      { text: `По данным местных властей, ${day} при ракетном ударе по ${gen.replace(/а$/, 'у').replace(/и$/, 'е')} погиб один человек.`, killed: 1, injured: null, date: iso },
      { text: `${Day} в ${loc} прогремел взрыв. Пострадали ${coll}, погибших нет.`, killed: 0, injured: n, date: iso, place: name },
      { text: `Число погибших в результате атаки на ${['Донецк', 'Харьков', 'Херсон', 'Белгород', 'Горловку'][i]} ${day} выросло до ${genN}.`, killed: n, injured: null, date: iso },
      { text: `${Day} в ${loc} погиб мужчина, еще ${coll} получили ранения.`, killed: 1, injured: n, date: iso, place: name },
      { text: `Гибель ${genN} человек при обстреле ${gen} ${day} подтвердили в администрации.`, killed: n, injured: null, date: iso, place: name },
      { text: `${Day} в ${loc} в результате обстрела ранены ${n} человек.`.replace(/ранены (\d) человек/, 'ранены $1 человек'), killed: 0, injured: n, date: iso, place: name },
      { text: `Как сообщает губернатор, ${day} под ${RU_GEN[i][0].replace(/а$/, 'ом').replace(/и$/, 'ой')} погибли ${n} военнослужащих.`, killed: n, injured: null, date: iso },
      { text: `${Day} обстрел ${gen} обошелся без жертв.`, killed: 0, injured: null, date: iso, place: name },
      { text: `Срочно! ${Day} в ${loc} убиты ${coll}, ранены ${RU_N[(i + 2) % 5][1]}.`, killed: n, injured: RU_N[(i + 2) % 5][3], date: iso, place: name },
    );
  }
  return out;
}

const UK_GEN: [string, string][] = [['Харкова', 'Kharkiv'], ['Херсона', 'Kherson'], ['Запоріжжя', 'Zaporizhzhia'], ['Одеси', 'Odesa'], ['Сум', 'Sumy']];
const UK_LOC: [string, string][] = [['Харкові', 'Kharkiv'], ['Херсоні', 'Kherson'], ['Запоріжжі', 'Zaporizhzhia'], ['Одесі', 'Odesa'], ['Сумах', 'Sumy']];
const UK_N: [string, string, string, number][] = [
  ['дві', 'двоє', 'двох', 2], ['три', 'троє', 'трьох', 3], ['чотири', 'четверо', 'чотирьох', 4], ["п'ять", "п'ятеро", "п'ятьох", 5], ['шість', 'шестеро', 'шістьох', 6],
];
const UK_DAY: [string, string][] = [['у понеділок', '2024-03-04'], ['у вівторок', '2024-03-05'], ['вчора', '2024-03-06'], ['у неділю', '2024-03-03'], ['4 березня', '2024-03-04']];

export function ukCases(): Case[] {
  const out: Case[] = [];
  for (let i = 0; i < 5; i++) {
    const [gen, name] = UK_GEN[i];
    const [loc] = UK_LOC[i];
    const [, coll, genN, n] = UK_N[i];
    const [day, iso] = UK_DAY[i];
    const Day = day[0].toUpperCase() + day.slice(1);
    const next = UK_N[(i + 1) % 5];
    out.push(
      { text: `${Day} внаслідок обстрілу ${gen} загинули ${coll} людей.`, killed: n, injured: null, date: iso, place: name, type: 'shelling_artillery_missile_attack' },
      { text: `${Day} у ${loc} внаслідок атаки дронів загинули ${coll} цивільних, ще ${next[1]} поранені.`, killed: n, injured: next[3], date: iso, place: name, type: 'air_drone_strike' },
      { text: `${Day} ворог обстріляв ${['Харків', 'Херсон', 'Запоріжжя', 'Одесу', 'Суми'][i]}: поранені ${coll} людей, повідомляє ОВА.`, killed: 0, injured: n, date: iso },
      { text: `За даними ОВА, ${day} внаслідок ракетного удару по ${loc.replace(/і$/, 'у').replace(/ах$/, 'ах')} загинула одна людина.`, killed: 1, injured: null, date: iso },
      { text: `${Day} у ${loc} пролунав вибух. Постраждали ${coll}, загиблих немає.`, killed: 0, injured: n, date: iso, place: name },
      { text: `Кількість загиблих унаслідок атаки ${day} зросла до ${genN} осіб.`, killed: n, injured: null, date: iso },
      { text: `${Day} у ${loc} загинув чоловік, ще ${coll} отримали поранення.`, killed: 1, injured: n, date: iso, place: name },
      { text: `Загибель ${genN} людей під час обстрілу ${gen} ${day} підтвердили в міськраді.`, killed: n, injured: null, date: iso, place: name },
      { text: `${Day} у ${loc} внаслідок обстрілу поранені ${n} осіб.`, killed: 0, injured: n, date: iso, place: name },
      { text: `Як повідомляє Генштаб, ${day} поблизу ${gen} загинули ${n} військових.`, killed: n, injured: null, date: iso },
      { text: `${Day} обстріл ${gen} обійшовся без жертв.`, killed: 0, injured: null, date: iso, place: name },
      { text: `Терміново! ${Day} у ${loc} вбиті ${coll}, поранені ${UK_N[(i + 2) % 5][1]}.`, killed: n, injured: UK_N[(i + 2) % 5][3], date: iso, place: name },
    );
  }
  return out;
}

const AR_PLACE: [string, string][] = [['إدلب', 'Idlib'], ['حلب', 'Aleppo'], ['دمشق', 'Damascus'], ['الرقة', 'Ar Raqqah'], ['درعا', 'Dar‘ā']];
const AR_N: [string, number][] = [['سبعة', 7], ['ثلاثة', 3], ['أربعة', 4], ['خمسة', 5], ['ستة', 6]];
const AR_DAY: [string, string][] = [['يوم الاثنين', '2024-03-04'], ['يوم الثلاثاء', '2024-03-05'], ['أمس', '2024-03-06'], ['يوم الأحد', '2024-03-03'], ['في ٤ آذار', '2024-03-04']];

export function arCases(): Case[] {
  const out: Case[] = [];
  for (let i = 0; i < 5; i++) {
    const [place, name] = AR_PLACE[i];
    const [nw, n] = AR_N[i];
    const [day, iso] = AR_DAY[i];
    const [nw2, n2] = AR_N[(i + 1) % 5];
    const digits = String(n).replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]);
    out.push(
      { text: `قتل ${nw} أشخاص ${day} في قصف على ${place}.`, killed: n, injured: null, date: iso, place: name, type: 'shelling_artillery_missile_attack' },
      { text: `مقتل ${nw} مدنيين وإصابة ${nw2} آخرين في غارة جوية على ${place} ${day}.`, killed: n, injured: n2, date: iso, place: name, type: 'air_drone_strike' },
      { text: `أصيب ${nw} أشخاص ${day} جراء قصف مدفعي استهدف أحياء في ${place}، وفقا لمصادر محلية.`, killed: 0, injured: n, date: iso, place: name },
      { text: `${day} قتل ${digits} أشخاص بانفجار عبوة ناسفة في ${place}.`, killed: n, injured: null, date: iso, place: name },
      { text: `سقط قتيل ${day} في قصف على ${place} بحسب الدفاع المدني.`, killed: 1, injured: null, date: iso, place: name },
      { text: `${day} استهدفت طائرة مسيرة سيارة في ${place} دون وقوع إصابات.`, killed: 0, injured: null, date: iso, place: name, type: 'air_drone_strike' },
      { text: `ارتفع عدد ضحايا القصف على ${place} ${day} إلى ${nw} قتلى.`, killed: n, injured: null, date: iso, place: name },
      { text: `عاجل | ${day} مقتل ${n} عناصر من قوات النظام في اشتباكات بريف ${place}.`, killed: n, injured: null, date: iso, type: 'armed_clash' },
      { text: `أفادت مصادر محلية بإصابة ${nw} مدنيين ${day} إثر سقوط قذائف على ${place}.`, killed: 0, injured: n, date: iso, place: name },
      { text: `${day} لقي ${nw} أشخاص حتفهم وأصيب ${nw2} آخرون في قصف صاروخي على ${place}.`, killed: n, injured: n2, date: iso, place: name },
      { text: `استشهد ${nw} مدنيين ${day} في غارات على ${place}، حسب المرصد.`, killed: n, injured: null, date: iso, place: name },
      { text: `قتل ${digits} وأصيب ${n2} في هجوم مسلح على حاجز في ${place} ${day}.`, killed: n, injured: n2, date: iso, place: name },
    );
  }
  return out;
}
