import stringWidth = require("string-width");
export function displayWidth(text: string): number {
  return stringWidth(text);
}
