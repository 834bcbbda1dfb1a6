package app.carepanel.support;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The packaged app ({@code target/quarkus-app/quarkus-run.jar}) started as its own process, the way it runs in
 * production, with the environment a test gives it. The database comes from the surrounding
 * {@code QUARKUS_DATASOURCE_*} variables when CI sets them (PostgreSQL), else an H2 file of the test's own.
 */
public final class PackagedApp implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /** A data key for the packaged app under test (made with openssl rand -base64 32; it protects nothing). */
    public static final String DATA_KEY = "5R0cJQnb6kbRcdTtmr8rBgQ+3Nl2Ce7B1Ehgi2GDyN8=";

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static PackagedApp start(Map<String, String> environment, Path h2File) throws IOException {
        PackagedApp app = launch(environment, h2File);
        app.awaitReady(Duration.ofSeconds(60));
        return app;
    }

    /** Starts the app with a configuration it must refuse; returns what it printed before exiting. */
    public static String failsToStart(Map<String, String> environment, Path h2File) throws IOException, InterruptedException {
        PackagedApp app = launch(environment, h2File);
        if (!app.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            app.kill();
            throw new AssertionError("the app did not exit:\n" + app.log());
        }
        if (app.process.exitValue() == 0) {
            throw new AssertionError("the app exited with 0:\n" + app.log());
        }
        return app.log();
    }

    /** Asks the app to stop, as a deployment does (SIGTERM: shutdown hooks run), and waits for it. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private static PackagedApp launch(Map<String, String> environment, Path h2File) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: integration tests run after 'package'");
        }
        int port = freePort();
        Path log = Files.createTempFile("care-panel-it", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("INTERCOM_") || k.startsWith("PLATFORM_") || k.startsWith("SYNC_")
                || k.startsWith("SIDEBAR_") || k.startsWith("DATA_"));
        // The packaged app refuses to start without a data key; a test gives none only to see that refusal.
        env.put("DATA_ENCRYPTION_KEY", DATA_KEY);
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null) {
            // As the app's own default: commits reach the file at once, so a killed process loses nothing.
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:h2:file:" + h2File.toAbsolutePath()
                    + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        }
        // On a busy machine the database's 1 s acquisition timeout can fail the start (Flyway's first connection).
        env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "10S");
        env.putAll(new HashMap<>(environment));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        // Never outlives the tests, even when one fails before stopping it: it would take up the next test's work.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new PackagedApp(process, port, log);
    }

    /**
     * On a shared database (CI's PostgreSQL), the queue a test leaves behind (contacts handed back at a stop, say)
     * would be taken up by the next test's app before its own work: each packaged-app test calls this before it
     * starts its first app. An H2 file is each test's own. Before the first start there are no tables yet.
     */
    public static void emptyTheSharedQueue() {
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null) {
            return;
        }
        try (java.sql.Connection connection = database(null); java.sql.Statement statement = connection.createStatement()) {
            for (String table : new String[] { "sync_tag_removal", "sync_job", "webhook_delivery" }) {
                statement.executeUpdate("delete from " + table);
            }
        } catch (java.sql.SQLException noTablesYet) {
            // Flyway creates them at the app's first start.
        }
    }

    /** A connection to the database a packaged app started with {@code h2File} used: CI's PostgreSQL, else the file. */
    public static java.sql.Connection database(Path h2File) throws java.sql.SQLException {
        String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (url == null) {
            return java.sql.DriverManager.getConnection("jdbc:h2:file:" + h2File.toAbsolutePath(), "", "");
        }
        return java.sql.DriverManager.getConnection(url, System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", ""),
                System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", ""));
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Ends the process at once, as a crash or an OOM kill would: no shutdown hooks, no draining. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    private void awaitReady(Duration within) throws IOException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited while starting:\n" + log());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL().openConnection();
                connection.setConnectTimeout(500);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the app was not ready within " + within + ":\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
