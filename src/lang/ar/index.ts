/**
 * Arabic: wire and channel phrasing ("قصف", "غارة", "مقتل ثلاثة أشخاص"). Words carry proclitics
 * (و ف ب ل ك and the article ال), so every word is also tried without them; there are no capital
 * letters to tell a name, so place names are looked up word by word and a stop list keeps
 * function words out. chrono's `ar` locale reads Arabic-Indic digits and both the Gregorian
 * (مارس) and the Levantine (آذار) month names.
 */
import * as chrono from 'chrono-node';
import { stemmer } from '@orama/stemmers/arabic';
import { probed } from '../chrono.js';
import type { Lexicon, LexiconTrigger } from '../index.js';
import { BAT, EXP, STR, VAC, demonymTable, joinTriggers, withYears, numberTable, placeTable, stems, trigger } from '../rows.js';
import { stopwordsOf } from '../stopwords.js';

const LEAD = '(?:[وف]?[بلك]?(?:ال)?)';

/** A rough Latin spelling, enough to compare a name across languages by its consonants. */
const ROMAN: Record<string, string> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's',
  ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: '', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', و: 'w',
  ي: 'y', ى: 'a', ة: 'a', ء: '', ؤ: 'w', ئ: 'y',
};

const TRIGGERS: LexiconTrigger[] = [
    trigger('طائرة مسيرة|طائرات مسيرة|مسيرة|مسيّرة|مسيرات|درون|طائرة بدون طيار', EXP, 'air_drone_strike', ['drone'], 0.85, LEAD),
    trigger('غارة|غارات|قصف جوي|القصف الجوي|الطيران الحربي|طائرات حربية|الطائرات الحربية|براميل متفجرة', EXP, 'air_drone_strike', ['air_strike'], 0.9, LEAD),
    trigger('قصف|صاروخ|صواريخ|قذيفة|قذائف|هاون|مدفعي|راجمات', EXP, 'shelling_artillery_missile_attack', [], 0.9, LEAD),
    trigger('انتحاري|انتحارية|حزام ناسف', EXP, 'suicide_bomb', [], 0.9, LEAD),
    trigger('عبوة ناسفة|عبوات ناسفة|لغم|ألغام|سيارة مفخخة|مفخخة', EXP, 'remote_explosive_landmine_ied', [], 0.85, LEAD),
    trigger('انفجار|تفجير', EXP, 'remote_explosive_landmine_ied', [], 0.5, LEAD),
    trigger('اشتباك|اشتباكات|معارك|معركة|مواجهات', BAT, 'armed_clash', [], 0.8, LEAD),
    trigger('هدنة|وقف إطلاق النار|وقف اطلاق النار|اتفاق|تبادل الأسرى', STR, 'agreement', ['agreement'], 0.8, LEAD),
    trigger('اختطاف|خطف|اختطف', VAC, 'abduction_forced_disappearance', ['abduction'], 0.8, LEAD),
    trigger('اعتقال|اعتقل|اعتقلت|توقيف|القبض على', STR, 'arrests', ['arrest'], 0.7, LEAD),
    trigger('مظاهرة|مظاهرات|تظاهرة|احتجاج|احتجاجات|وقفة احتجاجية', 'protests', 'peaceful_protest', ['protest'], 0.7, LEAD),
    trigger('اغتيال|إطلاق نار|اطلاق نار|أطلق النار|هجوم مسلح', VAC, 'attack', [], 0.6, LEAD),
    trigger('مقتل|قتل|استشهاد', VAC, 'attack', [], 0.3, LEAD),
];

/** Relative date words (`Lexicon.relativeDate`): unanchored, so a date's text that holds one makes its sentence hold it too. */
const RELATIVE_DATE = /(?:أمس|اليوم|الليلة|الماضي|الماضية|الفائت|الفائتة|فجر|صباح|مساء|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد)/u;

/** Built when a document of this language first asks (lexiconFor): the patterns, chrono's included, cost start-up time. */
export const ar = (): Lexicon => Object.freeze({
  code: 'ar',
  script: 'Arabic',
  native: true,
  abbreviations: new Set(['د', 'م', 'ه', 'ص', 'ق']),
  stem: stemmer,
  caseEndings: [],
  firstNames: new Set<string>(),
  // common nouns that are also the Arabic names of small towns somewhere (Merefa, Djamaa, El Kseur)
  stopwords: stopwordsOf('ar', 'صور بالصور وصور الصور البلد بلد هالبلد كورونا وكورونا لكورونا بكورونا بيان البيان إنه انه قادر فإن بلا دوله الألم والألم البور المبنى السيول سيول كورنيش الكورنيش ميدان الميدان جامعة الجامعة مستشفى المستشفى مرفأ المرفأ ميناء الميناء مطار المطار قصر القصر شارع الشارع طريق الطريق جسر الجسر مسجد المسجد كنيسة الكنيسة مدرسة المدرسة معهد المعهد سوق السوق ساحة الساحة مركز المركز مبنى المبنى برج البرج حديقة فندق بنك وزارة الوزارة سفارة السفارة مجلس المجلس الروم المملكة الدولة دولة العاصمة البلاد قال قالت أفاد أفادت ذكر ذكرت أعلن أعلنت مصادر مصدر وكالة اليوم أمس يوم صباح مساء شمال جنوب شرق غرب شمالي جنوبي شرقي غربي مدينة بلدة قرية محافظة منطقة ريف حي أحد الاحد السبت الجمعة الخميس الاربعاء الثلاثاء الاثنين قوات الجيش الأمن جيش'),
  numbers: numberTable({
    'واحد واحدة': 1,
    'اثنان اثنين اثنتان اثنتين إثنين': 2,
    'ثلاثة ثلاث': 3, 'أربعة أربع اربعة اربع': 4, 'خمسة خمس': 5, 'ستة ست': 6, 'سبعة سبع': 7, 'ثمانية ثماني ثمان': 8,
    'تسعة تسع': 9, 'عشرة عشر': 10, 'عشرون عشرين': 20, 'ثلاثون ثلاثين': 30, 'أربعون أربعين اربعين': 40, 'خمسون خمسين': 50,
    'ستون ستين': 60, 'سبعون سبعين': 70, 'ثمانون ثمانين': 80, 'تسعون تسعين': 90, 'مئة مائة': 100,
  }),
  notPeople: stems(
    'ساع|دقيق|دقائق|كيلومتر|كم$|متر|أمتار|عام|أعوام|سنوات|سنة|يوم|أيام|أسبوع|أسابيع|شهر|أشهر|صاروخ|صواريخ|طائر|مسير|قذيف|قذائف|غار|دباب|' +
      'منزل|منازل|مبن|مبان|بالمئة|بالمائة|مليون|ملايين|مليار|ألف|آلاف|دولار|ليرة|دينار|مرات|مرة|قرية|قرى|بلدة|بلدات|سيار|آلي|عربة|عربات|' +
      'يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين',
  ),
  casualtyWords: [
    { pattern: /^(?:قتل|مقتل|قتلى|قتيل|قتيلا|قتيلاً|قتلت|يقتل|مصرع|استشهاد|استشهد|استشهدت|شهيد|شهيدا|شهيداً|شهداء|وفاة|توفي|توفيت|حتفه|حتفهم|حتفها|ضحايا|ضحية|جثث|جثة|جثامين)$/u, field: 'fatalities' },
    { pattern: /^(?:إصابة|اصابة|أصيب|اصيب|أصيبوا|اصيبوا|أصيبت|إصابات|اصابات|مصاب|مصابين|مصابون|مصابا|مصاباً|جريح|جرحى|جريحا|جريحاً|إصابته|إصابتهم|جرح|جروح)$/u, field: 'injured' },
  ],
  tally: /^(?:عدد|حصيلة)$/u,
  singular: /^(?:قتيل|جريح|شهيد|استشهد|توفي|مصرع|إصابته|حتفه)$/u,
  noCasualties: /(?:دون|بدون|دونما) (?:وقوع |أي |تسجيل )?(?:إصابات|اصابات|خسائر بشرية|ضحايا)|لم (?:تسجل|تقع|يسفر عن|تسفر عن|ترد أنباء عن) (?:أي |أية )?(?:إصابات|اصابات|ضحايا|خسائر بشرية)/u,

  triggers: TRIGGERS,
  triggerScan: joinTriggers(TRIGGERS),
  prepositions: new Map([
    ['في', 'in'], ['ب', 'in'], ['قرب', 'near'], ['بالقرب', 'near'], ['قرب', 'near'], ['محيط', 'near'], ['أطراف', 'near'], ['ضواحي', 'near'],
    ['من', 'from'], ['على', 'on'], ['إلى', 'to'], ['الى', 'to'], ['شمال', 'north'], ['جنوب', 'south'], ['شرق', 'east'], ['غرب', 'west'],
    ['شمالي', 'north'], ['جنوبي', 'south'], ['شرقي', 'east'], ['غربي', 'west'], ['ريف', 'near'],
  ]),
  actionNoun: /^(?:قصف|غارة|غارات|هجوم|استهداف|تفجير|انفجار|مدينة|بلدة|قرية|محافظة|منطقة|مخيم|حي|مدينتي)$/u,
  regionNoun: /(?!)/u,
  regionSuffix: /(?!)/u,
  attribution: [
    /(?:وفقا|وفقاً|طبقا|طبقاً)\s+(?:لـ\s*|ل)([^،,.؛:«»"()\n]{2,80}?)(?=[،,.؛:«»"()\n]|$)/u,
    /(?<!\p{L})(?:حسب|بحسب|نقلا عن|نقلاً عن)\s+([^،,.؛:«»"()\n]{2,80}?)(?=[،,.؛:«»"()\n]|$)/u,
    /(?<!\p{L})(?:قال|قالت|أفاد|أفادت|ذكر|ذكرت|أعلن|أعلنت|أكد|أكدت)\s+([^،,.؛:«»"()\n]{2,60}?)(?=[،,.؛:«»"()\n]| إن | أن | بأن |$)/u,
  ],
  // the clock parser ("10:30", "الساعة 3") alone yields times the date stage drops, unless a relative-date word stands in them
  dates: probed(withYears(chrono.ar.casual, 'عام|العام|سنة|في|منذ|حتى', 'م|للميلاد'), { clock: 'ARTimeExpressionParser', clockKept: RELATIVE_DATE }),
  dateHint: /[0-9\u0660-\u0669]|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد|أمس|امس|اليوم|الليلة|الماضي|فجر|صباح|مساء|أسبوع|شهر|عام/u,
  relativeDate: RELATIVE_DATE,
  transliterate: (t: string) => {
    let out = '';
    for (const ch of t) out += ROMAN[ch] ?? (/\s/.test(ch) ? ' ' : '');
    return out;
  },
  ...demonymTable('السوري SY, السورية SY, سوري SY, سورية SY, العراقي IQ, العراقية IQ, اللبناني LB, اللبنانية LB, الأردني JO, الأردنية JO, المصري EG, المصرية EG, السعودي SA, السعودية SA, الكويتي KW, الكويتية KW, الإسرائيلي IL, الإسرائيلية IL, الإيراني IR, الإيرانية IR, التركي TR, التركية TR, الروسي RU, الروسية RU, الأمريكي US, الأمريكية US, الأميركي US, الأميركية US, الفلسطيني PS, الفلسطينية PS, اليمني YE, اليمنية YE, الليبي LY, الليبية LY'),
  // regions the gazetteer names only in English (its Arabic names are of towns), and a few countries' short names
  places: placeTable(
    'أمريكا US, امريكا US, أميركا US, الولايات المتحدة US, بريطانيا GB, المملكة المتحدة GB, الاتحاد الأوروبي Europe, أوروبا Europe, الشرق الأوسط Middle East, ' +
      'حضرموت Hadhramaut, مأرب Marib, أبين Abyan, شبوة Shabwah, الحديدة Al Hudaydah, صعدة Saada, لحج Lahij, ذمار Dhamar, إب Ibb, حجة Hajjah, ' +
      'ريف دمشق Rif Dimashq, دير الزور Deir ez-Zor, الحسكة Al Hasakah, نينوى Nineveh, الأنبار Al Anbar, ديالى Diyala, صلاح الدين Saladin, كركوك Kirkuk, ' +
      'الجيزة Giza, الشرقية Sharqia, المملكة الأردنية JO, المملكة الأردنية الهاشمية JO, المملكة المغربية MA, مملكة البحرين BH, سلطنة عمان OM',
    stemmer,
  ),
  siteNoun: /^(?:ال)?(?:مستشفى|مستشفي|معهد|مطار|ميناء|مرفأ|جامعة|كلية|مسجد|جامع|كنيسة|سوق|شارع|طريق|ميدان|كورنيش|جسر|كوبري|نفق|دوار|منطقة|حي|ضاحية|مبنى|محطة|فندق|مدرسة|سفارة|مجمع|مخيم|ساحة|حديقة|وادي|سد|ملعب|مخرج|دائري)$/u,
  proclitics: ['وبال', 'فبال', 'وال', 'فال', 'بال', 'لل', 'كال', 'وب', 'ول', 'فب', 'ال', 'و', 'ف', 'ب', 'ل'],
}) as Lexicon;
