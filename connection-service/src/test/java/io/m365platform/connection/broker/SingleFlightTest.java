package io.m365platform.connection.broker;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SingleFlightTest {

    private final ExecutorService work = Executors.newFixedThreadPool(2);
    private final ExecutorService callers = Executors.newFixedThreadPool(4);
    private final SingleFlight<String, String> flight = new SingleFlight<>(work);
    private final AtomicInteger runs = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        work.shutdownNow();
        callers.shutdownNow();
    }

    private String slowWork() {
        runs.incrementAndGet();
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "token-" + runs.get();
    }

    @Test
    void callersAskingMeanwhileShareTheOneRequestInFlight() throws Exception {
        List<Future<String>> answers = new ArrayList<>();
        CountDownLatch arrived = new CountDownLatch(4);
        for (int i = 0; i < 4; i++) {
            answers.add(callers.submit(() -> {
                arrived.countDown();
                return flight.get("connection", this::slowWork, Duration.ofSeconds(10));
            }));
        }
        assertTrue(arrived.await(10, TimeUnit.SECONDS));
        Thread.sleep(300); // every caller is waiting on the one request by now (it cannot finish before release)
        release.countDown();
        for (Future<String> answer : answers) {
            assertEquals("token-1", answer.get(10, TimeUnit.SECONDS));
        }
        assertEquals(1, runs.get(), "one request for all four callers");
        assertEquals(0, flight.inFlight(), "finished work is forgotten");
    }

    @Test
    void aCallerWaitsNoLongerThanTheDeadlineAndTheWorkGoesOn() throws Exception {
        long started = System.nanoTime();
        assertThrows(TimeoutException.class, () -> flight.get("connection", this::slowWork, Duration.ofMillis(200)));
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2), "answered at the deadline");
        assertEquals(1, flight.inFlight(), "the request goes on");
        // A caller arriving meanwhile joins it instead of starting another.
        Future<String> later = callers.submit(() -> flight.get("connection", this::slowWork, Duration.ofSeconds(10)));
        Thread.sleep(100);
        release.countDown();
        assertEquals("token-1", later.get(10, TimeUnit.SECONDS));
        assertEquals(1, runs.get());
        // Once it finished, the next call starts anew.
        assertEquals("token-2", flight.get("connection", this::slowWork, Duration.ofSeconds(10)));
    }

    @Test
    void aFailureReachesEveryWaitingCallerAndIsNotKept() throws Exception {
        assertThrows(IllegalStateException.class, () -> flight.get("connection", () -> {
            throw new IllegalStateException("refused");
        }, Duration.ofSeconds(5)));
        assertEquals(0, flight.inFlight());
        assertEquals("fine", flight.get("connection", () -> "fine", Duration.ofSeconds(5)));
    }

    @Test
    void differentKeysDoNotWaitForEachOther() throws Exception {
        Future<String> slow = callers.submit(() -> flight.get("slow", this::slowWork, Duration.ofSeconds(10)));
        assertEquals("fast", flight.get("other", () -> "fast", Duration.ofSeconds(5)));
        release.countDown();
        assertEquals("token-1", slow.get(10, TimeUnit.SECONDS));
    }
}
