package io.m365platform.contracts.bench;

import io.m365platform.contracts.EventType;
import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.SampleEvents;
import io.m365platform.contracts.cloudevents.CloudEventReader;
import io.m365platform.contracts.cloudevents.CloudEventWriter;
import io.m365platform.contracts.cloudevents.OutgoingEvent;
import io.m365platform.contracts.cloudevents.ReadResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Throughput of the codec on one core (not a test): writing (serialise + validate + headers) and reading
 * (parse + validate + map) a user.synced event, the most frequent and one of the largest. Run with
 * {@code java -cp <test classpath> io.m365platform.contracts.bench.CodecBenchmark [iterations]}; prints the
 * figures and writes them to target/benchmarks/codec.txt.
 */
public final class CodecBenchmark {

    private CodecBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        PlatformEvent event = SampleEvents.all().get(EventType.USER_SYNCED);
        CloudEventWriter writer = new CloudEventWriter("/m365platform/benchmark");
        CloudEventReader reader = new CloudEventReader();
        OutgoingEvent sample = writer.prepare(event);

        run(writer, reader, event, sample, iterations / 10); // warm-up
        double[] rates = run(writer, reader, event, sample, iterations);

        String report = String.format(Locale.ROOT, "codec benchmark, user.synced (%d bytes), %d iterations%n"
                        + "write (serialise + validate + headers): %,.0f events/s%n"
                        + "read (parse + validate + map):          %,.0f events/s%n",
                sample.payload().length, iterations, rates[0], rates[1]);
        System.out.print(report);
        Path out = Path.of("target", "benchmarks", "codec.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static double[] run(CloudEventWriter writer, CloudEventReader reader, PlatformEvent event,
                                OutgoingEvent sample, int iterations) {
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            writer.prepare(event, "id");
        }
        double writeRate = iterations / ((System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            if (!(reader.read(sample.topic(), sample.key(), sample.kafkaHeaders(), sample.payload())
                    instanceof ReadResult.Accepted)) {
                throw new IllegalStateException("sample rejected");
            }
        }
        double readRate = iterations / ((System.nanoTime() - start) / 1e9);
        return new double[] {writeRate, readRate};
    }
}
