package fr.infocentre.etl.generator;

import java.time.LocalDate;

/**
 * Dates as epoch days (int) during the simulation, with a cache of their {@code yyyy-MM-dd}
 * text so that writing millions of rows does not format dates again and again.
 */
final class Dates {

    private static final int FIRST = (int) LocalDate.of(2000, 1, 1).toEpochDay();
    private static final int LAST = (int) LocalDate.of(2040, 12, 31).toEpochDay();
    private static final String[] TEXT = new String[LAST - FIRST + 1];
    private static final short[] YEAR = new short[LAST - FIRST + 1];
    private static final byte[] MONTH = new byte[LAST - FIRST + 1];

    static {
        for (int d = FIRST; d <= LAST; d++) {
            LocalDate date = LocalDate.ofEpochDay(d);
            TEXT[d - FIRST] = date.toString();
            YEAR[d - FIRST] = (short) date.getYear();
            MONTH[d - FIRST] = (byte) date.getMonthValue();
        }
    }

    private Dates() {
    }

    static int of(LocalDate date) {
        return (int) date.toEpochDay();
    }

    static String text(int epochDay) {
        if (epochDay < FIRST || epochDay > LAST) {
            return LocalDate.ofEpochDay(epochDay).toString();
        }
        return TEXT[epochDay - FIRST];
    }

    static LocalDate date(int epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }

    static int year(int epochDay) {
        if (epochDay < FIRST || epochDay > LAST) {
            return LocalDate.ofEpochDay(epochDay).getYear();
        }
        return YEAR[epochDay - FIRST];
    }

    /** Month of the year, 1 to 12. */
    static int month(int epochDay) {
        if (epochDay < FIRST || epochDay > LAST) {
            return LocalDate.ofEpochDay(epochDay).getMonthValue();
        }
        return MONTH[epochDay - FIRST];
    }
}
