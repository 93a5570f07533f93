package io.m365platform.localstack.services;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One service as a child process: {@code java -jar <module>/target/quarkus-app/quarkus-run.jar} with its
 * configuration in environment variables (the same variables docker-compose.yml and deploy/ set), its output in
 * {@code <logs>/<service>.log}, its pid in {@code <run>/<service>.pid} so that a later run can clean up after a
 * launcher that was killed without a chance to stop its children.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Path jar;
    private final Path logFile;
    private final Path pidFile;
    private Process process;

    public ServiceProcess(String name, Path jar, Path logDirectory, Path runDirectory) {
        this.name = name;
        this.jar = jar;
        this.logFile = logDirectory.resolve(name + ".log");
        this.pidFile = runDirectory.resolve(name + ".pid");
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * Stops a process left by an earlier run that was killed, if its pid file points at a live process running
     * this very jar (never anything else). Returns its pid when it did.
     */
    public Optional<Long> stopLeftover(Duration grace) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (NumberFormatException e) {
            Files.deleteIfExists(pidFile);
            return Optional.empty();
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().map(cmd -> cmd.contains(jar.toString())).orElse(false));
        Files.deleteIfExists(pidFile);
        if (handle.isEmpty()) {
            return Optional.empty();
        }
        stop(handle.get(), grace);
        return Optional.of(pid);
    }

    /** Starts the service; its output goes to the log file (the previous run's log is kept as .log.1). */
    public void start(List<String> jvmOptions, Map<String, String> environment) throws IOException {
        Files.createDirectories(logFile.getParent());
        Files.createDirectories(pidFile.getParent());
        if (Files.exists(logFile)) {
            Files.move(logFile, logFile.resolveSibling(name + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        Files.writeString(pidFile, Long.toString(process.pid()), StandardCharsets.US_ASCII);
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** Exit code once it died, for the message. */
    public Optional<Integer> exitCode() {
        return process == null || process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    /** The last lines of the service's log: what a newcomer needs when it did not start. */
    public List<String> logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
    }

    /** Asks the service to stop (SIGTERM: Quarkus shuts down gracefully), then kills it after {@code grace}. */
    public void stop(Duration grace) {
        if (process != null) {
            stop(process.toHandle(), grace);
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // A stale pid file is harmless: the next run checks the command line before acting on it.
            }
        }
    }

    private static void stop(ProcessHandle handle, Duration grace) {
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // Nothing more can be done than SIGKILL.
            }
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }
}
