package fr.infocentre.warehouse.publication;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Counts the bytes written through it, so that a table's place in its level file is known.
 * {@link #flush()} only empties the writer above it into this count: it does not push the
 * buffer below to the file (that would cost a write per table); {@link #close()} does.
 */
final class CountingOutputStream extends FilterOutputStream {

    private long count;

    CountingOutputStream(OutputStream out) {
        super(out);
    }

    long count() {
        return count;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        count += len;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
