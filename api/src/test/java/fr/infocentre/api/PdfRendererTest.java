package fr.infocentre.api;

import fr.infocentre.api.render.PdfRenderer;
import fr.infocentre.api.render.XlsxRenderer;
import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;


import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PDF and XLSX renderers on a hand-written table longer than a page, with long labels, masked cells and
 * figures that do not exist (no real rapport of the catalogue is that long): the table goes on over several
 * pages, its header drawn again at the top of each, and every figure reads back where it belongs.
 */
class PdfRendererTest {

    private static final int LINES = 70;
    private static final List<Column> COLUMNS = List.of(
            new Column("categorie", "Catégorie de ménage", Column.Type.LABEL),
            new Column("effectif", "Effectif", Column.Type.COUNT),
            new Column("part", "Part (%)", Column.Type.PART),
            new Column("mutation", "Mutation (déjà locataire HLM)", Column.Type.COUNT),
            new Column("pression", "Pression (demandes pour une attribution)", Column.Type.VALUE));

    @Test
    void aLongTableGoesOnOverPagesWithItsHeaderOnEach() {
        RapportTable table = longTable();
        List<String> categories = table.lines().stream().map(l -> (String) l.get("categorie")).toList();

        PdfTable pdf = PdfTable.read(new PdfRenderer().bytes(table), COLUMNS.stream().map(Column::label).toList(),
                categories, true);

        assertEquals(List.of(), pdf.inconsistencies());
        assertTrue(pdf.pages() >= 3, "pages: " + pdf.pages());
        Set<Integer> tablePages = new HashSet<>();
        pdf.table().forEach(l -> tablePages.add(l.page()));
        assertTrue(tablePages.size() >= 2, "the table spans pages " + tablePages);
        assertEquals(tablePages.size(), pdf.headerRepeats(), "the header on each page of the table");
        assertEquals(LINES, pdf.chart().size());
        assertEquals(LINES + 1, pdf.table().size());
        for (int i = 0; i < LINES; i++) {
            assertEquals(expected(i), pdf.table().get(i).cells(), "line " + i);
            assertEquals(expected(i).get(0), pdf.chart().get(i).cells().get(0), "bar " + i);
        }
        assertEquals(List.of("s", "s", "s", "1,4"), pdf.table().get(LINES).cells(), "total");
        for (int k = 1; k <= pdf.pages(); k++) {
            assertTrue(pdf.footers().get(k - 1).endsWith("page " + k + " / " + pdf.pages()), pdf.footers().toString());
        }
    }

    @Test
    void theXlsxOfALongTableHoldsEveryLine() {
        RapportTable table = longTable();
        XlsxTable xlsx = XlsxTable.read(new XlsxRenderer().bytes(table), COLUMNS.stream().map(Column::label).toList());

        assertEquals(List.of(), xlsx.inconsistencies());
        assertEquals(LINES + 1, xlsx.lines().size());
        for (int i = 0; i < LINES; i++) {
            List<String> texts = xlsx.lines().get(i).cells().subList(1, COLUMNS.size()).stream()
                    .map(XlsxTable.Read::text).toList();
            assertEquals(expected(i).stream().map(t -> t.replace("\u202f", "").replace(',', '.')).toList(), texts, "line " + i);
        }
    }

    /** Line i: effectif 100 × i + 11 (masked when i % 7 == 3), part i,5 %, mutation masked when i % 5 == 0, pression none when i % 4 == 1. */
    private static List<String> expected(int i) {
        return List.of(i % 7 == 3 ? "s" : String.format(Locale.ROOT, "%,d", 100L * i + 11).replace(",", "\u202f"),
                i % 7 == 3 ? "s" : i + ",5", i % 5 == 0 ? "s" : String.valueOf(i + 11), i % 4 == 1 ? "" : "1,2");
    }

    private static RapportTable longTable() {
        List<Map<String, Object>> lines = new ArrayList<>();
        List<RapportTable.Mask> masks = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            String key = "c" + i;
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("cle", key);
            line.put("categorie", i % 9 == 2 ? "Catégorie " + i + " au libellé assez long pour aller sur deux lignes du"
                    + " tableau et du graphique, avec des accents : éèàçœ «»" : "Catégorie " + i);
            line.put("effectif", i % 7 == 3 ? null : 100L * i + 11);
            line.put("part", i % 7 == 3 ? null : i + 0.5);
            line.put("mutation", i % 5 == 0 ? null : (long) i + 11);
            line.put("pression", i % 4 == 1 ? null : 1.2);
            if (i % 7 == 3) {
                masks.add(new RapportTable.Mask(key, "effectif"));
                masks.add(new RapportTable.Mask(key, "part"));
            }
            if (i % 5 == 0) {
                masks.add(new RapportTable.Mask(key, "mutation"));
            }
            lines.add(line);
        }
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("cle", "total");
        total.put("categorie", "Total");
        total.put("effectif", null);
        total.put("part", null);
        total.put("mutation", null);
        total.put("pression", 1.4);
        masks.add(new RapportTable.Mask("total", "effectif"));
        masks.add(new RapportTable.Mask("total", "part"));
        masks.add(new RapportTable.Mask("total", "mutation"));
        Rapport rapport = new Rapport("TAB99-01", "99", "Un rapport écrit à la main, plus long qu'une page",
                "Description du rapport.", "categorie-menage", List.of(Level.DEPARTEMENT), "bar");
        return new RapportTable(rapport, new Territoire(Level.DEPARTEMENT, "48", "Lozère"), 2024, COLUMNS, lines, total,
                masks, List.of("Demandes actives au 31 décembre 2024.", "Source : SNE, extraction du 28/12/2025."));
    }
}
