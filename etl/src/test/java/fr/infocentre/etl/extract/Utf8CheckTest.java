package fr.infocentre.etl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Utf8Check finds the first malformed sequence where the JDK's own UTF-8 decoder finds it. */
class Utf8CheckTest {

    /** Bytes around every boundary of UTF-8's table of well-formed sequences. */
    private static final int[] EDGES = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
        0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFF};

    @Test
    void examplesWorkedOutByHand() {
        assertEquals(-1, firstMalformed(bytes(0x63, 0x61, 0x66, 0xC3, 0xA9)), "café");
        assertEquals(3, firstMalformed(bytes(0x63, 0x61, 0x66, 0xE9, 0x3B)), "café in Latin-1: the é byte");
        assertEquals(1, firstMalformed(bytes(0x41, 0xE2, 0x82, 0x3B)), "€ cut short: where it starts");
        assertEquals(0, firstMalformed(bytes(0xC0, 0xAF)), "overlong /");
        assertEquals(0, firstMalformed(bytes(0xED, 0xA0, 0x80)), "a surrogate");
        assertEquals(0, firstMalformed(bytes(0xF4, 0x90, 0x80, 0x80)), "beyond U+10FFFF");
        assertEquals(-1, firstMalformed(bytes(0xF0, 0x9F, 0x98, 0x80)), "an emoji");
        assertEquals(2, firstMalformed(bytes(0x41, 0x42, 0xF0, 0x9F, 0x98)), "an emoji cut by the end of the file");
    }

    @Test
    void findsWhatTheJdkDecoderFinds() {
        SplittableRandom rng = new SplittableRandom(20261122);
        for (int n = 0; n < 200_000; n++) {
            byte[] b = new byte[1 + rng.nextInt(10)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (rng.nextInt(4) == 0 ? rng.nextInt(256) : EDGES[rng.nextInt(EDGES.length)]);
            }
            assertEquals(jdk(b), firstMalformed(b), HexFormat.ofDelimiter(" ").formatHex(b));
        }
    }

    private static long firstMalformed(byte[] b) {
        Utf8Check check = new Utf8Check();
        for (int i = 0; i < b.length; i++) {
            if (b[i] < 0 || check.pending()) {
                long bad = check.accept(b[i] & 0xFF, i);
                if (bad >= 0) {
                    return bad;
                }
            }
        }
        return check.end();
    }

    /** Where the JDK's decoder, told to report, finds the first malformed input, or -1. */
    private static long jdk(byte[] b) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(2 * b.length), true);
        return result.isError() ? in.position() : -1;
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
