package fr.infocentre.api.render;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Text in the PDF downloads (a rapport's table, the gestionnaire's bilan): one font, Liberation
 * Sans as PDFBox ships it, drawn, measured and wrapped the same way in both.
 */
public final class PdfText {

    /** Where PDFBox keeps its Liberation Sans (it uses it as its own fallback font). */
    static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final byte[] FONT = readFont();

    private final PDFont font;

    private PdfText(PDFont font) {
        this.font = font;
    }

    /** Reads PDFBox's font now: a server fails at start-up, not at its first PDF download, when it is missing. */
    public static void requireFont() {
        if (FONT.length == 0) {
            throw new IllegalStateException("PDF downloads: the font " + FONT_RESOURCE + " is empty");
        }
    }

    /** The font embedded (subset) in {@code document}. */
    public static PdfText in(PDDocument document) throws IOException {
        return new PdfText(PDType0Font.load(document, new ByteArrayInputStream(FONT), true));
    }

    private static byte[] readFont() {
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("PDF downloads: the font " + FONT_RESOURCE + " is not in PDFBox's jar"
                        + " (did a PDFBox upgrade move it?): give PdfText another Unicode TrueType font");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text at a baseline; bold is drawn by stroking the outline too (the one font has no bold face). */
    public void draw(PDPageContentStream content, String s, float x, float baseline, float size, boolean bold,
                     Color color) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.setNonStrokingColor(color);
        if (bold) {
            content.setRenderingMode(RenderingMode.FILL_STROKE);
            content.setStrokingColor(color);
            content.setLineWidth(size / 28);
        } else {
            content.setRenderingMode(RenderingMode.FILL);
        }
        content.newLineAtOffset(x, baseline);
        content.showText(printable(s));
        content.endText();
    }

    /** A horizontal line. */
    public static void rule(PDPageContentStream content, float x0, float x1, float at, Color color, float lineWidth)
            throws IOException {
        content.setStrokingColor(color);
        content.setLineWidth(lineWidth);
        content.moveTo(x0, at);
        content.lineTo(x1, at);
        content.stroke();
    }

    public float width(String s, float size) throws IOException {
        return font.getStringWidth(printable(s)) / 1000 * size;
    }

    /** Words laid in lines no wider than {@code width}; a word wider than a line stands alone on its line. */
    public List<String> wrap(String s, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && width(candidate, size) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** The text with any character the font cannot draw replaced by "?" (Liberation Sans covers French). */
    public String printable(String s) throws IOException {
        try {
            font.encode(s);
            return s;
        } catch (IllegalArgumentException e) {
            StringBuilder out = new StringBuilder();
            s.codePoints().forEach(cp -> {
                String c = new String(Character.toChars(cp));
                try {
                    font.encode(c);
                    out.append(c);
                } catch (IllegalArgumentException | IOException missing) {
                    out.append('?');
                }
            });
            return out.toString();
        }
    }

    /** The sum of column widths. */
    public static float sum(float[] widths) {
        float s = 0;
        for (float w : widths) {
            s += w;
        }
        return s;
    }
}
