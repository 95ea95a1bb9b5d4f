/** The journal commands the pane uses, gathered into one lazily loaded chunk. */
export { recordEntry, type EntryDraft } from '../../../analytics/journal/record-entry';
export { reverseEntry } from '../../../analytics/journal/reverse-entry';
