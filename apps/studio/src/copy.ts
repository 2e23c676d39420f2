// Copying to the clipboard, which a browser may refuse (an insecure origin, a denied permission):
// the caller then tells the person to select the text themselves.
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
