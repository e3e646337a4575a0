package fr.infocentre.api.accounts.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where the command line reads a password: the terminal, without echo and twice, when there is one; otherwise
 * the first line of the standard input (a pipe, a file). Never an option or an argument: those are seen by
 * every user of the machine ({@code ps}) and kept in the shell's history.
 */
public interface PasswordSource {

    /**
     * @param prompt what to ask, on the terminal
     * @throws IllegalArgumentException (message in English) when no password can be read or the two typed differ
     */
    char[] read(String prompt);

    /** The terminal when the process has one, else the standard input. */
    static PasswordSource standard() {
        Console console = System.console();
        return console != null ? terminal(console) : lines(System.in);
    }

    static PasswordSource terminal(Console console) {
        return prompt -> {
            char[] first = console.readPassword("%s", prompt);
            char[] second = console.readPassword("%s", "Type it again: ");
            if (first == null || second == null) {
                throw new IllegalArgumentException("no password typed");
            }
            try {
                if (!Arrays.equals(first, second)) {
                    throw new IllegalArgumentException("the two passwords typed differ");
                }
                return first;
            } finally {
                Arrays.fill(second, '\0');
            }
        };
    }

    /** The first line of a stream (standard input), without its line end. */
    static PasswordSource lines(InputStream in) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return prompt -> {
            try {
                String line = reader.readLine();
                if (line == null || line.isEmpty()) {
                    throw new IllegalArgumentException("no password on the standard input (give it on the first line)");
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
