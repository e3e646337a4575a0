package fr.infocentre.etl.extract;

/**
 * Checks a byte stream is well-formed UTF-8 (Unicode, table 3-7: no overlong form, no surrogate,
 * nothing above U+10FFFF), one byte at a time, without decoding it. Fed byte by byte in
 * {@link FileScan}'s pass, so that it knows where the invalid bytes are in the file. It finds a
 * malformed sequence where the JDK's decoder does (same start offset).
 */
final class Utf8Check {

    /** Continuation bytes still expected. */
    private int pending;
    /** Bounds of the next continuation byte. */
    private int low = 0x80;
    private int high = 0xBF;
    /** Offset of the sequence being read. */
    private long start;

    /** Whether the next byte must be looked at even when it is ASCII (a sequence is under way). */
    boolean pending() {
        return pending > 0;
    }

    /**
     * Takes the byte at {@code offset}.
     *
     * @return the offset of the malformed sequence this byte ends or reveals, or -1
     */
    long accept(int b, long offset) {
        if (pending > 0) {
            if (b >= low && b <= high) {
                pending--;
                low = 0x80;
                high = 0xBF;
                return -1;
            }
            long malformed = start;
            pending = 0;
            low = 0x80;
            high = 0xBF;
            lead(b, offset);
            return malformed;
        }
        return lead(b, offset) ? -1 : offset;
    }

    /** At the end of the stream: the offset of a sequence left incomplete, or -1. */
    long end() {
        return pending > 0 ? start : -1;
    }

    /** A byte that starts a sequence; false when no sequence may start with it. */
    private boolean lead(int b, long offset) {
        if (b < 0x80) {
            return true;
        }
        if (b < 0xC2 || b > 0xF4) {
            return false;
        }
        start = offset;
        if (b < 0xE0) {
            pending = 1;
        } else if (b < 0xF0) {
            pending = 2;
            low = b == 0xE0 ? 0xA0 : 0x80;
            high = b == 0xED ? 0x9F : 0xBF;
        } else {
            pending = 3;
            low = b == 0xF0 ? 0x90 : 0x80;
            high = b == 0xF4 ? 0x8F : 0xBF;
        }
        return true;
    }
}
