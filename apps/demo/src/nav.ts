// The demo site's navigation, the same on every page; the current page is marked for screen readers.
const PAGES = [
  ["/", "Dashboard"],
  ["/storefront", "Storefront"],
  ["/react", "React"],
  ["/vue", "Vue"],
  ["/svelte", "Svelte"],
  ["/storybook/", "Storybook"],
  ["/docs", "API docs"],
] as const;

const nav = document.getElementById("site-nav");
if (nav) {
  nav.setAttribute("aria-label", "KPI Kit demo");
  const here = location.pathname.replace(/\.html$/, "").replace(/\/index$/, "/");
  for (const [href, label] of PAGES) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = label;
    if (href === here) a.setAttribute("aria-current", "page");
    nav.append(a);
  }
}
