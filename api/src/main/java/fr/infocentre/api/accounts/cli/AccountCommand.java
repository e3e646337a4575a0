package fr.infocentre.api.accounts.cli;

import fr.infocentre.api.accounts.Account;
import fr.infocentre.api.accounts.AccountException;
import fr.infocentre.api.accounts.Accounts;
import fr.infocentre.api.accounts.AccountsDatabase;
import fr.infocentre.api.accounts.AuditEntry;
import fr.infocentre.api.accounts.Geography;
import fr.infocentre.api.accounts.LoginThrottle;
import fr.infocentre.api.accounts.PasswordPolicy;
import fr.infocentre.api.accounts.Role;
import fr.infocentre.api.accounts.Scope;
import fr.infocentre.api.accounts.SessionStore;
import fr.infocentre.warehouse.format.ProjectVersion;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The accounts of the espace gestionnaire, {@code ./infocentre account create|list|disable|enable|reset-password}:
 * the only way to create one. Passwords are read from the terminal (twice, without echo) or from the first line of
 * the standard input, never from the command line, and never printed. Each change is recorded in the audit log as
 * {@code cli:<user>}. Exit status 0 done, 1 refused or failed, 2 usage error.
 */
@Command(name = "infocentre account", separator = " ", mixinStandardHelpOptions = true, versionProvider = AccountCommand.Version.class,
        sortOptions = false, subcommands = {AccountCommand.Create.class, AccountCommand.ListAccounts.class,
        AccountCommand.Disable.class, AccountCommand.Enable.class, AccountCommand.ResetPassword.class},
        description = "Manages the accounts of the espace gestionnaire (docs/gestion.md) in an account store file.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done", "1:refused (an account that exists or does not, a weak password) or failed",
                "2:usage error (an option missing or malformed, an unknown territory code)"})
public final class AccountCommand implements Callable<Integer> {

    private static final DateTimeFormatter LISTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Europe/Paris"));

    @Spec
    private CommandSpec spec;

    private final PasswordSource passwords;
    private final Clock clock;

    private AccountCommand(PasswordSource passwords, Clock clock) {
        this.passwords = passwords;
        this.clock = clock;
    }

    public static void main(String[] args) {
        int status = commandLine(PasswordSource.standard(), Clock.systemUTC()).execute(args);
        System.exit(status);
    }

    /** The command line, reading passwords from that source (tests give a stream). */
    public static CommandLine commandLine(PasswordSource passwords, Clock clock) {
        CommandLine commandLine = new CommandLine(new AccountCommand(passwords, clock));
        commandLine.setParameterExceptionHandler(AccountCommand::usageError);
        return commandLine;
    }

    /**
     * A usage error, as picocli prints it, but an argument it does not know is never echoed (it may be a password
     * typed on the command line): only the unknown options' names are.
     */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        if (e instanceof UnmatchedArgumentException unmatched) {
            List<String> options = unmatched.getUnmatched().stream().filter(a -> a.startsWith("-"))
                    .map(a -> "'" + a.split("=", 2)[0] + "'").toList();
            int others = unmatched.getUnmatched().size() - options.size();
            String arguments = others + " argument" + (others > 1 ? "s" : "");
            String message = options.isEmpty() ? "Unexpected arguments (" + arguments + ", not shown)"
                    : (options.size() > 1 ? "Unknown options: " : "Unknown option: ") + String.join(", ", options)
                    + (others > 0 ? " (and " + arguments + ", not shown)" : "");
            err.println(message);
            if (options.stream().anyMatch(o -> o.contains("pass") || o.contains("mot"))) {
                err.println("Passwords are read from the terminal or the first line of the standard input, never from the command line.");
            }
        } else {
            err.println(e.getMessage());
        }
        command.usage(err);
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The project version. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return ProjectVersion.lines();
        }
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand (create, list, disable, enable,"
                + " reset-password)");
    }

    /** The option every subcommand takes. */
    static final class StoreOption {
        @Option(names = "--accounts", required = true, paramLabel = "FILE", description = "The account store (SQLite file).")
        Path file;
    }

    /** What the subcommands share: the store, the output, the audit of what they change. */
    abstract static class Subcommand implements Callable<Integer> {
        @ParentCommand
        AccountCommand parent;
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;

        @Override
        public final Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                return run(out);
            } catch (AccountException | IllegalStateException e) {
                err.println("error: " + e.getMessage());
                return 1;
            } catch (PasswordPolicy.WeakPassword e) {
                err.println("error: password refused: " + e.getMessage());
                return 1;
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return 1;
            }
        }

        abstract Integer run(PrintWriter out);

        Accounts open(boolean create) {
            AccountsDatabase db = create ? AccountsDatabase.openOrCreate(store.file) : AccountsDatabase.open(store.file);
            return Accounts.open(db, parent.clock, SessionStore.Policy.DEFAULT, LoginThrottle.Policy.DEFAULT);
        }

        /** Records a change in the audit log, as the operating-system user who ran the command. */
        void audit(Accounts accounts, String action, Map<String, List<String>> parameters) {
            accounts.audit().record(new AuditEntry(parent.clock.instant(), "cli:" + System.getProperty("user.name", "?"),
                    action, "account " + spec.name(), parameters, null, null, null));
        }

        ParameterException usage(String message) {
            return new ParameterException(spec.commandLine(), message);
        }
    }

    @Command(name = "create", separator = " ", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
            description = "Creates an enabled account; reads its password from the terminal (twice) or the first line"
                    + " of the standard input. Creates the store file (owner-only permissions) if it does not exist.")
    static final class Create extends Subcommand {

        @Option(names = "--login", required = true, paramLabel = "LOGIN",
                description = "Identifier: 3 to 64 characters among a-z, 0-9, '.', '_', '-'.")
        String login;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Name shown to users, e.g. \"Jeanne Dupont\".")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "gestionnaire (one or more départements), etat (a région or France), administrateur (France).")
        String role;

        @ArgGroup(exclusive = true)
        Territory territory;

        /** The account's territories: one of three forms. */
        static final class Territory {
            @Option(names = "--departements", split = ",", paramLabel = "CODES", required = true,
                    description = "Départements of a gestionnaire, comma-separated INSEE codes, e.g. 06,83.")
            List<String> departements;

            @Option(names = "--region", paramLabel = "CODE", required = true, description = "Région of an État account, e.g. 93.")
            String region;

            @Option(names = "--france", required = true, description = "The whole of France (État, administrateur).")
            boolean france;
        }

        @Override
        Integer run(PrintWriter out) {
            if (!Account.validLogin(login)) {
                throw usage("Invalid value for option '--login': '" + login + "' (3 to 64 characters among a-z, 0-9,"
                        + " '.', '_', '-', starting with a letter or digit)");
            }
            if (!Account.validDisplayName(name)) {
                throw usage("Invalid value for option '--name': 1 to " + Account.NAME_MAX
                        + " characters, without control characters");
            }
            Role r = Role.byKey(role).orElseThrow(() -> usage("Invalid value for option '--role': '" + role
                    + "' (gestionnaire, etat, administrateur)"));
            Scope scope = scope(r, Geography.france());
            try (var ignored = new Cleared(parent.passwords.read("Password for " + login + ": "))) {
                PasswordPolicy.refusal(login, ignored.password).ifPresent(reason -> {
                    throw new PasswordPolicy.WeakPassword(reason);
                });
                Accounts accounts = open(true);
                Account account = accounts.store().create(login, name, r, scope, ignored.password);
                audit(accounts, "création de compte", parameters(account));
                out.println("Account '" + account.login() + "' created: " + r.key() + ", " + describe(scope) + ".");
            }
            return 0;
        }

        private Scope scope(Role r, Geography geography) {
            boolean departements = territory != null && territory.departements != null;
            boolean region = territory != null && territory.region != null;
            boolean france = territory != null && territory.france;
            switch (r) {
                case GESTIONNAIRE -> {
                    if (!departements) {
                        throw usage("Missing required option for role gestionnaire: '--departements CODES'");
                    }
                    List<String> codes = territory.departements.stream().map(String::strip).toList();
                    for (String code : codes) {
                        if (geography.departement(code).isEmpty()) {
                            throw usage("Invalid value for option '--departements': unknown département code '" + code
                                    + "' (INSEE codes: 01…95, 2A, 2B, 971…976)");
                        }
                    }
                    return Scope.departements(geography, codes);
                }
                case ETAT -> {
                    if (region) {
                        if (geography.region(territory.region).isEmpty()) {
                            throw usage("Invalid value for option '--region': unknown région code '" + territory.region + "'");
                        }
                        return Scope.region(geography, territory.region);
                    }
                    if (!france) {
                        throw usage("Missing required option for role etat: '--region CODE' or '--france'");
                    }
                    return Scope.france(geography);
                }
                default -> {
                    if (departements || region) {
                        throw usage("Option '" + (departements ? "--departements" : "--region")
                                + "' is not for role administrateur, whose account covers the whole of France");
                    }
                    return Scope.france(geography);
                }
            }
        }
    }

    @Command(name = "list", separator = " ", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Lists the accounts: login, name, role, territories, enabled, created, updated (never a password).")
    static final class ListAccounts extends Subcommand {
        @Override
        Integer run(PrintWriter out) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"LOGIN", "NAME", "ROLE", "TERRITORIES", "ENABLED", "CREATED", "UPDATED"});
            for (Account a : open(false).store().list()) {
                rows.add(new String[] {a.login(), a.displayName(), a.role().key(), describe(a.scope()),
                        a.enabled() ? "yes" : "no", LISTED.format(a.created()), LISTED.format(a.updated())});
            }
            int[] widths = new int[rows.get(0).length];
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.length; i++) {
                    line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
                }
                out.println(line.toString().stripTrailing());
            }
            out.println((rows.size() - 1) + " account" + (rows.size() == 2 ? "" : "s") + ".");
            return 0;
        }
    }

    /** Disabling and enabling: one login. */
    abstract static class OneAccount extends Subcommand {
        @Option(names = "--login", required = true, paramLabel = "LOGIN", description = "The account's login.")
        String login;
    }

    @Command(name = "disable", separator = " ", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Disables an account: it can no longer log in, and its open sessions are closed at once"
                    + " (the server checks the account at every request).")
    static final class Disable extends OneAccount {
        @Override
        Integer run(PrintWriter out) {
            Accounts accounts = open(false);
            accounts.store().setEnabled(login, false);
            audit(accounts, "désactivation de compte", Map.of("login", List.of(login)));
            out.println("Account '" + login + "' disabled; its sessions are closed.");
            return 0;
        }
    }

    @Command(name = "enable", separator = " ", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Enables a disabled account again.")
    static final class Enable extends OneAccount {
        @Override
        Integer run(PrintWriter out) {
            Accounts accounts = open(false);
            accounts.store().setEnabled(login, true);
            audit(accounts, "réactivation de compte", Map.of("login", List.of(login)));
            out.println("Account '" + login + "' enabled.");
            return 0;
        }
    }

    @Command(name = "reset-password", separator = " ", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Sets a new password, read from the terminal (twice) or the first line of the standard input;"
                    + " closes the account's open sessions.")
    static final class ResetPassword extends OneAccount {
        @Override
        Integer run(PrintWriter out) {
            Accounts accounts = open(false);
            if (accounts.store().find(login).isEmpty()) {
                throw new AccountException("no account named '" + login + "'");
            }
            try (var typed = new Cleared(parent.passwords.read("New password for " + login + ": "))) {
                accounts.store().resetPassword(login, typed.password);
            }
            audit(accounts, "réinitialisation du mot de passe", Map.of("login", List.of(login)));
            out.println("Password of '" + login + "' reset; its sessions are closed.");
            return 0;
        }
    }

    /** A password read, wiped from memory when done. */
    private static final class Cleared implements AutoCloseable {
        final char[] password;

        Cleared(char[] password) {
            this.password = password;
        }

        @Override
        public void close() {
            Arrays.fill(password, '\0');
        }
    }

    static String describe(Scope scope) {
        return switch (scope.kind()) {
            case FRANCE -> "France";
            case REGION -> "région " + scope.codes().get(0);
            case DEPARTEMENTS -> (scope.codes().size() > 1 ? "départements " : "département ") + String.join(",", scope.codes());
        };
    }

    private static Map<String, List<String>> parameters(Account account) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("login", List.of(account.login()));
        parameters.put("role", List.of(account.role().key()));
        parameters.put("territoires", List.of(describe(account.scope())));
        return parameters;
    }
}
