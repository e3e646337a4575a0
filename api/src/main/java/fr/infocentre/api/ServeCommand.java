package fr.infocentre.api;

import fr.infocentre.warehouse.Warehouse;
import fr.infocentre.warehouse.serving.Warehouses;


import io.javalin.Javalin;

import java.nio.file.Path;

/**
 * Serves the <i>Statistiques</i> site and its API: {@code --warehouse DIR [--port 7070]}; once it
 * listens, prepares the rapports of the last millésime in the background ({@link Preparation}).
 */
public final class ServeCommand {

    private static final String USAGE = "usage: ServeCommand --warehouse DIR [--port 7070]";

    private ServeCommand() {
    }

    public static void main(String[] args) throws Exception {
        Path warehouseDir = null;
        int port = 7070;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--warehouse" -> warehouseDir = Path.of(value(args, ++i));
                case "--port" -> port = port(value(args, ++i));
                default -> stop("option inconnue : " + args[i]);
            }
        }
        if (warehouseDir == null) {
            stop("--warehouse est obligatoire");
        }
        Warehouse warehouse = Warehouses.open(warehouseDir);
        Javalin app = InfocentreApp.create(warehouse).start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            warehouse.close();
        }));
        System.out.println("Infocentre: http://localhost:" + app.port() + "/");
        Preparation.start(warehouse, System.out::println);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            stop("valeur manquante après " + args[i - 1]);
        }
        return args[i];
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            stop("port invalide : " + text);
            return -1;
        }
    }

    private static void stop(String message) {
        System.err.println(message);
        System.err.println(USAGE);
        System.exit(2);
    }
}
