package io.m365platform.localstack;

import io.m365platform.localstack.console.Console;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local-stack/target/local-stack.jar [options]} (what ./run-local.sh runs): starts the local
 * stack, prints the summary and runs until Ctrl-C. Exit codes: 0 fine; 1 the stack could not start; 2 with
 * {@code --exit-after-demo}, the demo sync did not complete; 64 bad options.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        LocalStackOptions options;
        try {
            options = LocalStackOptions.parse(args, System.getenv(), LocalStackOptions.locateRepository(launcherLocation()));
        } catch (IllegalArgumentException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.exit(64);
            return;
        }
        if (options.help()) {
            System.out.print(LocalStackOptions.USAGE);
            return;
        }
        if (options.simulatorOnly().enabled()) {
            SimulatorOnly.run(options, System.out);
            return;
        }
        Console console = Console.system();
        LocalStack stack = new LocalStack(options, console);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            console.section("Stopping");
            stack.stop();
            console.raw("Stopped.");
            stopped.countDown();
        }, "local-stack-stop");
        Runtime.getRuntime().addShutdownHook(hook);

        LocalStack.Started started;
        try {
            started = stack.start();
        } catch (LocalStack.Stopped e) {
            return; // Ctrl-C during the start: the hook stops what was started
        } catch (LocalStack.StartFailure e) {
            console.error(e.getMessage());
            System.exit(1); // the hook stops what was started
            return;
        } catch (Exception | Error e) {
            if (stack.stopping()) {
                return; // Ctrl-C during the start: the hook is stopping what was started
            }
            // Kafka's threads would keep the JVM alive: exit explicitly so that the hook stops everything.
            console.error("the local stack failed: " + e);
            e.printStackTrace(System.err);
            System.exit(1);
            return;
        }
        console.raw("");
        // stable: "Local stack is up" (LocalStackIT waits for it)
        console.raw(String.format(Locale.ROOT, "Local stack is up (started in %.1f s). Press Ctrl-C to stop.",
                started.startup().toMillis() / 1000.0));
        if (options.exitAfterDemo()) {
            System.exit(!options.demo() || started.demo().syncCompleted() ? 0 : 2);
        }
        stopped.await();
    }

    private static Path launcherLocation() {
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (Exception e) {
            return Path.of("").toAbsolutePath();
        }
    }
}
