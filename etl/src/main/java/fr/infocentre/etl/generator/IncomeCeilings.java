package fr.infocentre.etl.generator;

import org.apache.commons.csv.CSVRecord;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Income ceilings (PLAI, PLUS, PLS) by year, zone and household category, from
 * plafonds-ressources.csv. Years outside 2015–2026 use the nearest year of the table.
 * <p>
 * Some PLAI cells are missing in the reference file (2015, part of 2016, part of 2025, 2026:
 * see ref/PLAFONDS.md). A missing PLAI ceiling falls back to the nearest year that has it for
 * the same zone and category; if none has it, to PLUS × 0.55, the usual PLAI/PLUS ratio.
 */
final class IncomeCeilings {

    /** Ceiling zones of the arrêté. */
    enum Zone { PARIS_LIMITROPHES, IDF_HORS_PARIS, AUTRES_REGIONS }

    /** Financing types that have ceilings. */
    enum Level { PLAI, PLUS, PLS }

    private static final int CATEGORIES = 7; // 1..6 and SUPP (index 6)
    private static final double PLAI_OVER_PLUS = 0.55;

    /** Resolved ceilings: [level][zone][category 0..6][year - firstYear], fallbacks applied. */
    private final int[][][][] table;
    private final int firstYear;
    private final int lastYear;

    private IncomeCeilings(List<CSVRecord> rows) {
        Map<String, Integer> cells = new HashMap<>();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (CSVRecord r : rows) {
            int year = Integer.parseInt(r.get("annee"));
            String category = r.get("categorie");
            int c = "SUPP".equals(category) ? 6 : Integer.parseInt(category) - 1;
            cells.put(key(Level.valueOf(r.get("financement")), Zone.valueOf(r.get("zone")), c, year),
                    Integer.parseInt(r.get("plafond_euros")));
            first = Math.min(first, year);
            last = Math.max(last, year);
        }
        firstYear = first;
        lastYear = last;
        table = new int[Level.values().length][Zone.values().length][CATEGORIES][last - first + 1];
        for (Level level : new Level[]{Level.PLUS, Level.PLS, Level.PLAI}) { // PLAI last: it may fall back to PLUS
            for (Zone zone : Zone.values()) {
                for (int c = 0; c < CATEGORIES; c++) {
                    for (int year = first; year <= last; year++) {
                        table[level.ordinal()][zone.ordinal()][c][year - first] = resolve(cells, level, zone, c, year);
                    }
                }
            }
        }
    }

    private static String key(Level level, Zone zone, int c, int year) {
        return level + "/" + zone + "/" + c + "/" + year;
    }

    static IncomeCeilings from(List<CSVRecord> rows) {
        return new IncomeCeilings(rows);
    }

    /** The cell itself, else the nearest year for the same zone and category, else (PLAI only) PLUS × 0.55. */
    private int resolve(Map<String, Integer> cells, Level level, Zone zone, int c, int year) {
        for (int distance = 0; distance <= lastYear - firstYear; distance++) {
            Integer below = cells.get(key(level, zone, c, year - distance));
            if (below != null) {
                return below;
            }
            Integer above = cells.get(key(level, zone, c, year + distance));
            if (above != null) {
                return above;
            }
        }
        if (level == Level.PLAI) {
            return (int) Math.round(table[Level.PLUS.ordinal()][zone.ordinal()][c][year - firstYear] * PLAI_OVER_PLUS);
        }
        throw new IllegalStateException("no " + level + " ceiling for " + zone + " category " + (c + 1));
    }

    /**
     * Ceiling in euros for a household category 1..6, or above 6 (SUPP added per extra person).
     */
    int ceiling(Level level, int year, Zone zone, int category) {
        int y = Math.max(firstYear, Math.min(lastYear, year));
        if (category <= 6) {
            return cell(level, y, zone, category - 1);
        }
        return cell(level, y, zone, 5) + (category - 6) * cell(level, y, zone, 6);
    }

    private int cell(Level level, int year, Zone zone, int c) {
        return table[level.ordinal()][zone.ordinal()][c][year - firstYear];
    }
}
