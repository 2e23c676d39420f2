// A page origin as the API's settings take it: http(s), a host and maybe a port, nothing more.
export function originOf(text: string): string | null {
  try {
    const url = new URL(text.trim());
    return /^https?:$/.test(url.protocol) && url.host ? url.origin : null;
  } catch {
    return null;
  }
}
