import { CURRENCY_NAMES, ORDINAL_NAMES } from './concepts.ts';
import { FoldedPhrases, foldedSet } from './normalize.ts';

/**
 * Function words and chat filler in the three languages, folded. Question words ("when", "сколько",
 * "қанша") are deliberately absent: they tell which fact a question wants.
 */
export const STOPWORDS = foldedSet(`
  a an the is are was were be been being am do does did of in on at to for from by with about as into and or but
  it its it's this that these those there their they them he she his her we our you your i me my mine
  can could would should will shall may might must please pls plz tell say know let us
  hey hi hello hiya howdy yo ok okay so well btw quick question one bot buddy pal guys thanks thank just really actually also
  any some
  а и в во на с со к ко по о об от до из за у же ли бы то это этот эта эти тот та те как так вот ну да нет или
  мне меня мы вы ты он она они его ее её их нам вам им
  привет здравствуй здравствуйте здрасте салют слушай скажи скажите подскажи подскажите пожалуйста плиз пж бот вопрос быстрый кстати знаешь хочу узнать интересно
  а ал және мен да де та те ғой ше шы ші ау ей маған саған бізге айтшы айтыңызшы білесің білесіз ба бе па пе ма ме
  сұрақ бот өтінемін рақмет туралы бір айтып берші беріңізші сәлем сәлеметсіз сәлеметсің салем ассалаумағалейкум өзі
`);

/** Words that make a message a greeting when nothing else is said. */
export const GREETINGS = foldedSet(`
  hi hello hey hiya howdy greetings good morning afternoon evening how are you doing what's up sup yo
  привет здравствуй здравствуйте здрасте добрый день утро вечер доброе как дела поживаешь хай салют
  сәлем не сәлеметсіз бе сәлеметсің салем салеметсиз қалайсыз қалайсың қалың қалыңыз не істеп isteip жатырсың жатырсыз қайырлы таң кеш күн армысыз
  ассалаумағалейкум
`);

/**
 * Words that frame a question rather than name its subject ("when", "сколько", "қай жылы", "took place").
 * They still help pick a fact, but count little towards deciding whether a fact explains the question.
 */
export const FRAMING_WORDS = foldedSet(`
  how many much when where which who whom whose what why kind type sort year years date time day number amount
  held hold holds take takes took taken place happen happened happens located locate opened open founded appeared
  established created set up launched start started called name named mean means does did do done get got
  city town place mentioned mention mentions text according
  сколько когда где какой какая какое какие каким каком какую какого каких какими какому кто что чем кем чему зачем
  почему куда откуда чей чья чьи кого каков какова каковы
  который которая которое которые году год года годах число количество количеством был была было были
  прошёл прошла прошло прошли проходит проходил проходила состоялся состоялась состоялось проводился проводилась
  провели открыли открылся открылась открыт открыта создан создана создали основан основана основали находится
  появился появилась появилось появились
  расположен расположена такое называется значит есть ли город городе месте упоминается упомянут упомянутый текст
  тексте согласно
  қанша неше нешінші қашан қайда қай қайсы қайсысы қандай кім кімдер кімге кімді не неге нені қалай жылы жылдары
  жылғы саны өтті өткен өтеді
  болды болған ашылды ашылған ашты құрылды құрылған құрды орналасқан деген дегеніміз бар қала қалада жерде
  аталған аталады айтылған мәтін мәтінде сәйкес пайда
  ${CURRENCY_NAMES.join(' ')}
  ${ORDINAL_NAMES.slice(1).join(' ')}
`);

/**
 * What people ask about that the article never records: prices, contacts, opening hours, birth dates and ages,
 * populations, weather, exchange rates, who designed or heads an institution, budgets, staff, headquarters,
 * print runs, sizes and distances, academic degrees. A question about any of these is declined even when the rest
 * of it matches a fact ("how much does an HSK exam cost in Astana").
 */
export const UNCOVERED_ATTRIBUTES = foldedSet(`
  price prices cost costs costing pay paid fee fees ticket tickets buy sell salary money
  address phone telephone website hours schedule
  born died death age inhabitants live weather temperature rain degrees celsius
  rector designed designer architect sculptor budget staff employees headquarters headquartered deadline
  tuition tall height distance kilometres kilometers phd professor
  цена цены стоимость стоила платить плата билет билеты билета купить продать зарплата деньги
  адрес телефон телефона сайт часы расписание родился родилась родились рождения возраст умер умерла умерли смерти
  смерть живет живут столица столицей столицы погода погоду температура градус градуса
  градусов ректор ректором архитектор скульптор спроектировал бюджет бюджета сотрудников сотрудники тираж
  тиража тиражом дедлайн высота высоту расстояние километров звание звания профессор
  баға бағасы бағамы төлейді ақша билет билеті сатып жалақы мекенжай мекенжайы телефон телефоны сайты сағат
  сағатта кестесі туған туды туылған жасы жаста қайтыс тұрғындары температура градус ректор ректоры сәулетші
  мүсінші елорда елордасы бюджет бюджеті қызметкерлер қызметкерлері таралым таралымы таралыммен биіктігі
  қашықтық қашықтығы профессор
`);

/**
 * Phrases that ask what the article never records, where a single word would be ambiguous: besides
 * attributes, requests it cannot serve (the time of day, directions, advice on learning, book tips, sizes).
 */
export const UNCOVERED_PHRASES = new FoldedPhrases([
  'birth year', 'year of birth', 'how old', 'population of', 'capital of', 'exchange rate', 'год рождения', 'туған жылы',
  'население города', 'штаб пәтері', 'ауа райы', 'academic degree', 'учёная степень', 'ученую степень',
  'ученой степени', 'ғылыми дәреже', 'ғылыми дәрежесі', 'курс валют', 'курс доллара', 'курс юаня', 'курс евро',
  'what time is it', 'который час', 'сколько времени', 'сағат неше', 'how big', 'how large', 'stand for',
  'расшифровывается', 'how to get', 'how do i get', 'how can i get', 'как добраться', 'как доехать', 'қалай баруға',
  'қалай жетуге', 'how to learn', 'how do i learn', 'как выучить', 'как учить', 'қалай үйренуге', 'recommend a',
  'recommend me', 'посоветуй', 'посоветуйте', 'кеңес беріңіз',
]);
