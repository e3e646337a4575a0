package fr.infocentre.etl.extract;

import java.util.List;
import java.util.Locale;

/**
 * What the records {@link FileScan} found faulty (invalid UTF-8, oversized) make of a file. A
 * faulty header refuses it; so do faulty records beyond {@link FileScan#MAX_FAULTS} or making up
 * more than half of its data records: such a file is not in UTF-8, or is badly damaged. Otherwise
 * each faulty record is quarantined and the others load.
 */
final class FaultyRecords {

    private FaultyRecords() {
    }

    /** Refuses a file whose header holds invalid UTF-8 or is oversized. */
    static void refuseFaultyHeader(String name, FileScan scan) {
        if (!scan.invalidUtf8().isEmpty() && scan.invalidUtf8().get(0).ligne() == 0) {
            FileScan.InvalidUtf8 u = scan.invalidUtf8().get(0);
            throw new ExtractRefused(String.format(Locale.ROOT, "%s: line 1 (header), column %d: invalid UTF-8 at"
                    + " byte %,d — the extract's files must be UTF-8; nothing loaded", name, u.field() + 1, u.offset()));
        }
        if (!scan.oversized().isEmpty() && scan.oversized().get(0).ligne() == 0) {
            throw new ExtractRefused(name + ": line 1 (header): " + size(scan.oversized().get(0))
                    + " — nothing loaded");
        }
    }

    /** Refuses a file of which too many records are faulty, naming the first. */
    static void refuseMostlyFaulty(String name, FileScan scan, List<String> header) {
        long faulty = scan.faultyRecords();
        if (faulty > FileScan.MAX_FAULTS || 2 * faulty > scan.dataRows()) {
            throw new ExtractRefused(String.format(Locale.ROOT, "%s: %,d of its %,d data records hold invalid UTF-8"
                            + " or are oversized, the first %s — not an extract file in UTF-8, or a damaged one;"
                            + " nothing loaded", name, faulty, scan.dataRows(), first(scan, header)));
        }
    }

    private static String first(FileScan scan, List<String> header) {
        FileScan.InvalidUtf8 u = scan.invalidUtf8().isEmpty() ? null : scan.invalidUtf8().get(0);
        FileScan.OversizedRecord o = scan.oversized().isEmpty() ? null : scan.oversized().get(0);
        if (o != null && (u == null || o.ligne() <= u.ligne())) {
            return String.format(Locale.ROOT, "line %,d (record %,d): %s", o.line(), o.ligne(), size(o));
        }
        String field = u.field() < header.size() ? "field " + header.get(u.field()) : "field " + (u.field() + 1);
        return String.format(Locale.ROOT, "line %,d (record %,d), %s: invalid UTF-8 at byte %,d", u.line(), u.ligne(),
                field, u.offset());
    }

    private static String size(FileScan.OversizedRecord o) {
        return String.format(Locale.ROOT, "%,d bytes and %,d fields, more than a record may hold (%,d bytes, %,d fields)",
                o.bytes(), o.fields(), FileScan.MAX_RECORD_BYTES, FileScan.MAX_FIELDS);
    }
}
