/**
 * A text made into a valid Excel sheet name: the characters Excel forbids in one
 * ([ ] : * ? / \) become '-', and it is cut to Excel's 31 characters.
 * @example safeSheetName('对账单 C:001') // '对账单 C-001'
 */
export function safeSheetName(text: string): string {
  return text.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
}
