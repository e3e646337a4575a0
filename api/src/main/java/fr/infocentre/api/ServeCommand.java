package fr.infocentre.api;

import fr.infocentre.warehouse.Warehouse;
import fr.infocentre.warehouse.Warehouses;
import io.javalin.Javalin;

import java.nio.file.Path;

/**
 * Serves the Statistiques site and its API: {@code --warehouse DIR [--port 7070]}; once it
 * listens, prepares the rapports of the last millésime in the background ({@link Prechauffage}).
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
                case "--warehouse" -> warehouseDir = Path.of(valeur(args, ++i));
                case "--port" -> port = port(valeur(args, ++i));
                default -> arreter("option inconnue : " + args[i]);
            }
        }
        if (warehouseDir == null) {
            arreter("--warehouse est obligatoire");
        }
        Warehouse warehouse = Warehouses.open(warehouseDir);
        Javalin app = InfocentreApp.create(warehouse).start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            warehouse.close();
        }));
        System.out.println("Infocentre: http://localhost:" + app.port() + "/");
        Prechauffage.demarrer(warehouse, System.out::println);
    }

    private static String valeur(String[] args, int i) {
        if (i >= args.length) {
            arreter("valeur manquante après " + args[i - 1]);
        }
        return args[i];
    }

    private static int port(String texte) {
        try {
            return Integer.parseInt(texte);
        } catch (NumberFormatException e) {
            arreter("port invalide : " + texte);
            return -1;
        }
    }

    private static void arreter(String message) {
        System.err.println(message);
        System.err.println(USAGE);
        System.exit(2);
    }
}
