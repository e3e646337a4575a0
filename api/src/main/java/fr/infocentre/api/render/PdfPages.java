package fr.infocentre.api.render;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.awt.Color;
import java.io.IOException;
import java.util.List;

/**
 * A PDF document laid out top to bottom, A4 page after A4 page (a rapport's table, the
 * gestionnaire's bilan): the page being written, how far down it is, and text and rules drawn on
 * it with {@link PdfText}.
 */
public abstract class PdfPages {

    /** The top of a page's text, from its bottom edge. */
    protected static final float TOP = PDRectangle.A4.getHeight() - 48f;
    /** The lowest a line of text may go before the page footer. */
    protected static final float BOTTOM = 56f;

    protected final PDDocument document;
    protected final PdfText pdf;
    /** The page being written. */
    protected PDPageContentStream content;
    /** How far down the page being written is filled, from its bottom edge. */
    protected float y;

    protected PdfPages(PDDocument document, PdfText pdf) {
        this.document = document;
        this.pdf = pdf;
    }

    /** Closes the page being written, if any, and starts a new one at its top. */
    protected void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = TOP;
    }

    protected void text(String s, float x, float baseline, float size, boolean bold, Color color) throws IOException {
        pdf.draw(content, s, x, baseline, size, bold, color);
    }

    protected void rule(float x0, float x1, float at, Color color, float lineWidth) throws IOException {
        PdfText.rule(content, x0, x1, at, color, lineWidth);
    }

    protected float width(String s, float size) throws IOException {
        return pdf.width(s, size);
    }

    protected List<String> wrap(String s, float size, float width) throws IOException {
        return pdf.wrap(s, size, width);
    }
}
