// The receiver's pages print times in UTC (a server does not know its
// reader's time zone). This shows each <time datetime> in the reader's
// local time, written as the page's language writes dates, keeping the UTC
// text in its title.
const lang = document.documentElement.lang || undefined;
for (const t of document.querySelectorAll("time[datetime]")) {
  const at = new Date(t.dateTime);
  if (Number.isNaN(at.getTime())) continue;
  t.title = t.textContent;
  t.textContent = at.toLocaleString(lang, { dateStyle: "medium", timeStyle: "short" });
  t.classList.add("local");
}
