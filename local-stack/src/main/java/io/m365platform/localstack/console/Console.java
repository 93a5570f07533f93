package io.m365platform.localstack.console;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * What a newcomer sees: one line per step ("▸ Starting Kafka … ok (2.4 s)"), elapsed seconds while a long step
 * waits, warnings that say what to do. Only this class writes to the terminal; the services, the broker and the
 * simulator log to files under the data directory.
 */
public final class Console {

    private final PrintStream out;
    private final boolean interactive;
    private final AtomicBoolean lineOpen = new AtomicBoolean();

    public Console(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    /** A console on standard output; progress is redrawn in place only when a terminal is attached. */
    public static Console system() {
        return new Console(System.out, System.console() != null);
    }

    public synchronized void section(String title) {
        closeLine();
        out.println();
        out.println("== " + title);
    }

    public synchronized void info(String message) {
        closeLine();
        out.println("   " + message);
    }

    public synchronized void raw(String line) {
        closeLine();
        out.println(line);
    }

    public synchronized void warn(String message) {
        closeLine();
        out.println(" ! " + message);
    }

    public synchronized void error(String message) {
        closeLine();
        out.println(" x " + message);
    }

    /** Starts a step; finish it with the returned handle. */
    public synchronized Step step(String what) {
        closeLine();
        out.print(" > " + what + " ...");
        out.flush();
        lineOpen.set(true);
        return new Step(what, System.nanoTime());
    }

    private void closeLine() {
        if (lineOpen.getAndSet(false)) {
            out.println();
        }
    }

    /**
     * Waits until {@code done} is true or {@code timeout} passes, showing the elapsed time (redrawn in place on a
     * terminal, a dot every 5 s otherwise). Returns whether {@code done} became true.
     */
    public boolean await(Step step, Duration timeout, Duration poll, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastMark = System.nanoTime();
        while (true) {
            if (done.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(poll.toMillis());
            synchronized (this) {
                if (interactive && lineOpen.get()) {
                    out.print("\r > " + step.what + " ... " + seconds(step.elapsed()));
                    out.flush();
                } else if (lineOpen.get() && System.nanoTime() - lastMark > 5_000_000_000L) {
                    out.print(".");
                    out.flush();
                    lastMark = System.nanoTime();
                }
            }
        }
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** A running step. */
    public final class Step {
        private final String what;
        private final long started;
        private long lastUpdate;
        private String lastProgress = "";

        private Step(String what, long started) {
            this.what = what;
            this.started = started;
            this.lastUpdate = started;
        }

        public Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - started);
        }

        /** Shows how far the step got (redrawn in place on a terminal; otherwise when it changed, at most every 5 s). */
        public void update(String progress) {
            synchronized (Console.this) {
                if (!lineOpen.get()) {
                    return;
                }
                if (interactive) {
                    out.print("\r > " + what + " ... " + progress + " (" + seconds(elapsed()) + ")   ");
                    out.flush();
                } else if (!progress.equals(lastProgress) && System.nanoTime() - lastUpdate > 5_000_000_000L) {
                    out.print(" [" + progress + "]");
                    out.flush();
                    lastUpdate = System.nanoTime();
                    lastProgress = progress;
                }
            }
        }

        public void ok(String detail) {
            end("ok" + (detail == null || detail.isBlank() ? "" : ", " + detail));
        }

        public void ok() {
            ok(null);
        }

        public void skipped(String why) {
            end("skipped: " + why);
        }

        public void failed(String why) {
            end("FAILED: " + why);
        }

        private void end(String outcome) {
            synchronized (Console.this) {
                String line = " > " + what + " ... " + outcome + " (" + seconds(elapsed()) + ")";
                if (lineOpen.getAndSet(false)) {
                    out.println(interactive ? "\r" + line : " " + outcome + " (" + seconds(elapsed()) + ")");
                } else {
                    out.println(line);
                }
                out.flush();
            }
        }
    }
}
