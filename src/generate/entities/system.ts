/**
 * Realistic values for system entities (numbers, dates, emails, money...). Each generator draws from small
 * curated vocabularies and formats that real users type, so a classifier sees the shapes it will meet
 * ("next Friday", "March 3rd", "$5.50", "john.doe@example.com"). Every draw goes through the seeded Rng.
 */
import type {EntitySpec} from '../../spec/spec.js';
import type {Rng} from '../rng.js';

/** The system types spec.schema.json allows (the schema is the one list). */
export type SystemType = NonNullable<EntitySpec['system']>;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SMALL_NUMBERS = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'fifteen',
  'twenty',
  'thirty',
];
const ORDINAL_WORDS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'last',
];
const FIRST_NAMES = [
  'John',
  'Mary',
  'Ahmed',
  'Li',
  'Sofia',
  'Carlos',
  'Priya',
  'Emma',
  'Oliver',
  'Fatima',
  'Yuki',
  'Lucas',
  'Chloe',
  'Noah',
  'Amara',
  'Ivan',
];
const LAST_NAMES = [
  'Smith',
  'Garcia',
  'Nguyen',
  'Kowalski',
  'Okafor',
  'Müller',
  'Rossi',
  'Patel',
  'Johnson',
  'Kim',
  'Silva',
  'Brown',
  'Dubois',
  'Tanaka',
];
const CITIES = [
  'London',
  'New York',
  'Paris',
  'Berlin',
  'Madrid',
  'Tokyo',
  'Toronto',
  'Sydney',
  'Chicago',
  'Mumbai',
  'São Paulo',
  'Cape Town',
  'Dublin',
  'Seattle',
  'Amsterdam',
  'Boston',
];
const COUNTRIES = [
  'France',
  'Germany',
  'Canada',
  'Japan',
  'Brazil',
  'India',
  'Spain',
  'Italy',
  'Mexico',
  'Kenya',
];
const EMAIL_DOMAINS = ['example.com', 'mail.com', 'gmail.com', 'outlook.com', 'company.org', 'yahoo.com'];
const URL_HOSTS = [
  'example.com',
  'shop.example.org',
  'www.mysite.net',
  'docs.example.io',
  'blog.company.com',
];
const URL_PATHS = ['', '/help', '/orders/123', '/account/settings', '/products?id=42', '/contact-us'];

function ordinalSuffix(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function number(rng: Rng): string {
  switch (rng.int(5)) {
    case 0:
      return rng.pick(SMALL_NUMBERS);
    case 1:
      return String(1 + rng.int(10));
    case 2:
      return String(10 + rng.int(90));
    case 3:
      return String(100 + rng.int(4900));
    default:
      return `${rng.int(100)}.${rng.int(10)}`;
  }
}

function ordinal(rng: Rng): string {
  if (rng.chance(0.5)) return rng.pick(ORDINAL_WORDS);
  const n = 1 + rng.int(31);
  return `${n}${ordinalSuffix(n)}`;
}

function date(rng: Rng): string {
  const day = 1 + rng.int(28);
  const month = rng.int(12);
  switch (rng.int(9)) {
    case 0:
      return rng.pick(['today', 'tomorrow', 'the day after tomorrow', 'yesterday']);
    case 1:
      return `next ${rng.pick(WEEKDAYS)}`;
    case 2:
      return `this ${rng.pick(WEEKDAYS)}`;
    case 3:
      return rng.pick(WEEKDAYS);
    case 4:
      return `${MONTHS[month]} ${day}${ordinalSuffix(day)}`;
    case 5:
      return `${day} ${MONTHS[month]}`;
    case 6:
      return `the ${day}${ordinalSuffix(day)} of ${MONTHS[month]}`;
    case 7:
      return `${MONTHS_SHORT[month]} ${day}`;
    default:
      return rng.chance(0.5)
        ? `${month + 1}/${day}/${2025 + rng.int(3)}`
        : `${2025 + rng.int(3)}-${twoDigits(month + 1)}-${twoDigits(day)}`;
  }
}

function time(rng: Rng): string {
  const hour12 = 1 + rng.int(12);
  switch (rng.int(6)) {
    case 0:
      return `${hour12} ${rng.pick(['am', 'pm'])}`;
    case 1:
      return `${hour12}${rng.pick(['am', 'pm'])}`;
    case 2:
      return `${hour12}:${rng.pick(['00', '15', '30', '45'])} ${rng.pick(['am', 'pm', 'AM', 'PM'])}`;
    case 3:
      return `${twoDigits(rng.int(24))}:${rng.pick(['00', '10', '20', '30', '40', '50'])}`;
    case 4:
      return rng.pick(['noon', 'midnight', 'this evening', 'tonight', 'this afternoon', 'in the morning']);
    default:
      return `${rng.pick(['half past', 'quarter past', 'quarter to'])} ${rng.pick(SMALL_NUMBERS.slice(0, 12))}`;
  }
}

function duration(rng: Rng): string {
  const unit = rng.pick(['minute', 'hour', 'day', 'week', 'month']);
  if (rng.chance(0.2)) return rng.pick(['an hour', 'half an hour', 'a day', 'a week', 'a couple of days']);
  const n = 2 + rng.int(10);
  return rng.chance(0.5) ? `${n} ${unit}s` : `${SMALL_NUMBERS[n - 1] ?? n} ${unit}s`;
}

function person(rng: Rng): string {
  switch (rng.int(3)) {
    case 0:
      return rng.pick(FIRST_NAMES);
    case 1:
      return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    default:
      return `${rng.pick(['Mr.', 'Ms.', 'Dr.'])} ${rng.pick(LAST_NAMES)}`;
  }
}

function email(rng: Rng): string {
  const first = rng
    .pick(FIRST_NAMES)
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
  const last = rng
    .pick(LAST_NAMES)
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
  const local = [`${first}.${last}`, `${first}${rng.int(100)}`, `${first[0]}${last}`, first][rng.int(4)]!;
  return `${local}@${rng.pick(EMAIL_DOMAINS)}`;
}

function phone(rng: Rng): string {
  const digits = (n: number) => Array.from({length: n}, () => String(rng.int(10))).join('');
  switch (rng.int(4)) {
    case 0:
      return `(${2 + rng.int(8)}${digits(2)}) ${digits(3)}-${digits(4)}`;
    case 1:
      return `+44 20 ${digits(4)} ${digits(4)}`;
    case 2:
      return `${2 + rng.int(8)}${digits(2)}-${digits(3)}-${digits(4)}`;
    default:
      return `+1 ${2 + rng.int(8)}${digits(2)} ${digits(3)} ${digits(4)}`;
  }
}

function money(rng: Rng): string {
  const whole = rng.pick([5, 10, 12, 20, 25, 49, 50, 99, 100, 150, 200, 500, 1200]);
  const cents = rng.chance(0.4) ? `.${twoDigits(rng.int(100))}` : '';
  switch (rng.int(5)) {
    case 0:
      return `$${whole}${cents}`;
    case 1:
      return `${whole}${cents} dollars`;
    case 2:
      return `€${whole}${cents}`;
    case 3:
      return `${whole} euros`;
    default:
      return `£${whole}${cents}`;
  }
}

const GENERATORS: Record<SystemType, (rng: Rng) => string> = {
  number,
  ordinal,
  date,
  time,
  datetime: (rng) => (rng.chance(0.5) ? `${date(rng)} at ${time(rng)}` : `${time(rng)} ${date(rng)}`),
  duration,
  email,
  url: (rng) => `${rng.pick(['https://', 'http://', ''])}${rng.pick(URL_HOSTS)}${rng.pick(URL_PATHS)}`,
  phone,
  money,
  percentage: (rng) => (rng.chance(0.7) ? `${rng.int(101)}%` : `${rng.int(101)} percent`),
  temperature: (rng) =>
    rng.chance(0.5) ? `${15 + rng.int(15)} degrees` : `${rng.int(100)}°${rng.pick(['F', 'C'])}`,
  age: (rng) => {
    const years = 1 + rng.int(90);
    return rng.chance(0.6) ? `${years} years old` : `${years}`;
  },
  person,
  location: (rng) => (rng.chance(0.75) ? rng.pick(CITIES) : rng.pick(COUNTRIES)),
};

export function systemValueGenerator(type: string): ((rng: Rng) => string) | undefined {
  return (GENERATORS as Record<string, (rng: Rng) => string>)[type];
}
