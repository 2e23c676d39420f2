// The secret key lives in this tab's sessionStorage only: never in a URL, a cookie, localStorage or a
// log, and gone when the tab closes or the person signs out.
const KEY = "kpikit.studio.secretKey";

export const session = {
  read: (): string | null => sessionStorage.getItem(KEY),
  store: (key: string) => sessionStorage.setItem(KEY, key),
  clear: () => sessionStorage.removeItem(KEY),
};
