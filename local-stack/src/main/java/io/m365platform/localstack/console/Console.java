package io.m365platform.localstack.console;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * What a newcomer sees: one line per step ("> Starting Kafka ... ok (2.4 s)"), the elapsed time of a running step
 * (redrawn in place on a terminal; a dot every 5 s otherwise), warnings that say what to do. Only this class writes
 * to the terminal; the services, the broker and the simulator log to files under the data directory.
 */
public final class Console {

    /** ANSI "erase to end of line": a redrawn line leaves nothing of a longer earlier one. */
    private static final String CLEAR_TO_END = "\u001B[K";
    private static final long FIVE_SECONDS = 5_000_000_000L;

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
        return new Step(what);
    }

    private void closeLine() {
        if (lineOpen.getAndSet(false)) {
            out.println();
        }
    }

    /** Polls {@code done} until it is true or {@code timeout} passes; returns whether it became true. */
    public boolean await(Step step, Duration timeout, Duration poll, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(poll.toMillis());
            step.tick();
        }
        return true;
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /**
     * A running step. On a terminal a daemon thread redraws its line with the elapsed time (and the latest
     * progress) until it ends, so that even a step that blocks (the broker's start) shows it is alive.
     */
    public final class Step {
        private final String what;
        private final long started = System.nanoTime();
        private volatile String progress = "";
        private volatile boolean ended;
        private long lastMark = started;
        private String lastPrinted = "";

        private Step(String what) {
            this.what = what;
            if (interactive) {
                Thread.ofVirtual().name("progress").start(this::redrawUntilEnded);
            }
        }

        public Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - started);
        }

        /** How far the step got (shown on the next redraw; otherwise printed when it changed, at most every 5 s). */
        public void update(String text) {
            progress = text;
            if (!interactive) {
                synchronized (Console.this) {
                    if (lineOpen.get() && !ended && !text.equals(lastPrinted) && System.nanoTime() - lastMark > FIVE_SECONDS) {
                        out.print(" [" + text + "]");
                        out.flush();
                        lastPrinted = text;
                        lastMark = System.nanoTime();
                    }
                }
            }
        }

        /** Without a terminal: a dot every 5 s of waiting. */
        void tick() {
            if (!interactive) {
                synchronized (Console.this) {
                    if (lineOpen.get() && !ended && System.nanoTime() - lastMark > FIVE_SECONDS) {
                        out.print(".");
                        out.flush();
                        lastMark = System.nanoTime();
                    }
                }
            }
        }

        private void redrawUntilEnded() {
            try {
                while (!ended) {
                    Thread.sleep(250);
                    synchronized (Console.this) {
                        if (!ended && lineOpen.get()) {
                            String shown = progress.isEmpty() ? seconds(elapsed()) : progress + " (" + seconds(elapsed()) + ")";
                            out.print("\r > " + what + " ... " + shown + CLEAR_TO_END);
                            out.flush();
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
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
                ended = true;
                String timed = outcome + " (" + seconds(elapsed()) + ")";
                if (lineOpen.getAndSet(false)) {
                    out.println(interactive ? "\r > " + what + " ... " + timed + CLEAR_TO_END : " " + timed);
                } else {
                    out.println(" > " + what + " ... " + timed);
                }
                out.flush();
            }
        }
    }
}
