package io.m365platform.localstack.services;

import io.m365platform.localstack.console.Console;
import io.m365platform.localstack.http.JsonHttp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The services of the stack as child processes: started together (they start faster side by side than one after
 * the other, even on two cores), each reported ready when {@code /q/health/ready} answers 200, stopped together.
 * A service whose jar is not built, that dies or that is not ready in time is reported with what to do, and the
 * others carry on: the stack is useful with whatever works.
 */
public final class ServiceFleet implements AutoCloseable {

    /** How a service's start went. */
    public enum State { READY, NOT_BUILT, DIED, NOT_READY, SKIPPED }

    public record Outcome(String service, State state, String detail) {
        public boolean ready() {
            return state == State.READY;
        }
    }

    private final Path repository;
    private final Path logDirectory;
    private final Path runDirectory;
    private final Console console;
    private final java.util.function.BooleanSupplier stopping;
    private final JsonHttp http = new JsonHttp(null, null);
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();

    /** {@code stopping}: true once Ctrl-C began stopping the stack; the waits end without reporting then. */
    public ServiceFleet(Path repository, Path logDirectory, Path runDirectory, Console console,
                        java.util.function.BooleanSupplier stopping) {
        this.repository = repository;
        this.logDirectory = logDirectory;
        this.runDirectory = runDirectory;
        this.console = console;
        this.stopping = stopping;
    }

    /** Where a service's runnable jar is after {@code mvn package}. */
    public Path jar(String service) {
        return repository.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Starts every named service and waits (at most {@code timeout} in all) until each is ready or failed. */
    public List<Outcome> start(List<String> services, ServiceEnvironment environment,
                               java.util.function.Function<String, List<String>> jvmOptions,
                               Map<String, Integer> ports, Duration timeout) throws IOException, InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, ServiceProcess> started = new LinkedHashMap<>();
        for (String service : services) {
            Path jar = jar(service);
            if (!Files.isRegularFile(jar)) {
                outcomes.add(new Outcome(service, State.NOT_BUILT, "no " + repository.relativize(jar)
                        + " (build it: ./mvnw -pl " + service + " -am package -DskipTests)"));
                continue;
            }
            ServiceProcess process = new ServiceProcess(service, jar, logDirectory, runDirectory);
            Optional<Long> leftover = process.stopLeftover(Duration.ofSeconds(10));
            leftover.ifPresent(pid -> console.warn("stopped " + service + " (pid " + pid + ") left running by an"
                    + " earlier run that did not shut down"));
            process.start(jvmOptions.apply(service), environment.forService(service));
            running.put(service, process);
            started.put(service, process);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Map.Entry<String, ServiceProcess> entry : started.entrySet()) {
            String service = entry.getKey();
            ServiceProcess process = entry.getValue();
            String health = "http://localhost:" + ports.get(service) + "/q/health/ready";
            Console.Step step = console.step("Starting " + service + " on port " + ports.get(service));
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            boolean ready = console.await(step, left, Duration.ofMillis(250), () -> stopping.getAsBoolean()
                    || !process.alive() || http.probe(health).map(JsonHttp.Reply::ok).orElse(false));
            if (stopping.getAsBoolean()) {
                step.skipped("stopping");
                return outcomes;
            }
            if (ready && process.alive()) {
                step.ok("pid " + process.pid());
                outcomes.add(new Outcome(service, State.READY, "pid " + process.pid()));
            } else if (!process.alive()) {
                step.failed("exited with code " + process.exitCode().orElse(-1));
                outcomes.add(new Outcome(service, State.DIED, "exited with code " + process.exitCode().orElse(-1)
                        + "; log: " + process.logFile()));
                printTail(process);
                running.remove(service);
            } else {
                String why = http.probe(health).map(JsonHttp.Reply::explanation).orElse("nothing answers on the port");
                step.failed("not ready after " + timeout.toSeconds() + " s (" + why + ")");
                outcomes.add(new Outcome(service, State.NOT_READY, why + "; log: " + process.logFile()));
                printTail(process);
            }
        }
        return outcomes;
    }

    private void printTail(ServiceProcess process) {
        console.info("last lines of " + process.logFile() + ":");
        for (String line : process.logTail(25)) {
            console.raw("     | " + line);
        }
    }

    public Map<String, ServiceProcess> running() {
        return running;
    }

    /** Stops every service (in parallel: SIGTERM, then SIGKILL after the grace period). */
    @Override
    public void close() {
        List<Thread> stoppers = new ArrayList<>();
        for (ServiceProcess process : running.values()) {
            stoppers.add(Thread.ofPlatform().name("stop-" + process.name()).start(() -> process.stop(Duration.ofSeconds(20))));
        }
        for (Thread t : stoppers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running.clear();
    }
}
