// The receiver's pages print times in UTC (a server does not know its
// reader's time zone). This shows each <time datetime> in the reader's
// local time instead, keeping the UTC text in its title.
for (const t of document.querySelectorAll("time[datetime]")) {
  const at = new Date(t.dateTime);
  if (Number.isNaN(at.getTime())) continue;
  t.title = t.textContent;
  t.textContent = at.toLocaleString();
  t.classList.add("local");
}
