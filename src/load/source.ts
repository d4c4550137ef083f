import type { MessageOf } from '../rules/rule';
import type fileUnreadable from '../rules/file-unreadable';

/** What the loader hands to the parser: one input file's text, or why it has none. */
export interface SourceFile {
  /** Path as shown to the user: relative to the working directory when inside it, `<stdin>` for `-`. */
  path: string;
  /** Absolute path on disk, or null for stdin and in-memory sources. */
  absPath: string | null;
  text: string;
}

/** A file the loader found but could not turn into text (unreadable, binary, too large, not UTF-8). */
export interface UnreadableFile {
  path: string;
  /** The file-unreadable message and its data: what the reason and hint were made from. */
  problem: MessageOf<typeof fileUnreadable.meta.messages>;
  reason: string;
  hint: string;
  /** 1-based position of the offending byte, when there is one (NUL byte, invalid UTF-8). */
  line?: number;
  column?: number;
}
