// Calendar days (yyyy-MM-dd, Jiaxing dates) in words, and days off gathered into the holiday blocks of a notice.
import { isEnglish, pick } from '../i18n.js';

const noon = date => new Date(`${date}T12:00:00+08:00`);

/** "10月1日 周三" / "Wed 1 Oct": a calendar day with its weekday. */
export function dayText(date) {
  return new Intl.DateTimeFormat(isEnglish() ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', month: 'short', day: 'numeric', weekday: 'short' })
    .format(noon(date));
}

/** A block's first and last day, or the one day. */
export const rangeText = (from, to) => (from === to ? dayText(from) : `${dayText(from)} – ${dayText(to)}`);

const nextDay = date => new Date(noon(date).getTime() + 24 * 3600 * 1000).toISOString().slice(0, 10);

/** Consecutive days off with the same name as blocks { name, nameEn, from, to, days }, in date order. */
export function blocksOf(daysOff) {
  const blocks = [];
  for (const day of [...daysOff].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = blocks.at(-1);
    if (last && last.name === day.name && nextDay(last.to) === day.date) {
      last.to = day.date;
      last.days += 1;
    } else {
      blocks.push({ name: day.name, nameEn: day.nameEn ?? '', from: day.date, to: day.date, days: 1 });
    }
  }
  return blocks;
}

/** The name of a day or block in the current language. */
export const dayName = day => pick(day.name, day.nameEn);
