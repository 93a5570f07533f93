package io.m365platform.localstack.services;

import io.m365platform.contracts.topics.TopicCatalog;
import io.m365platform.contracts.topics.TopicSpec;
import io.m365platform.localstack.LocalStackOptions;
import io.m365platform.localstack.RepositoryPaths;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every topic a service's channels name is in the AsyncAPI catalogue. The local broker, like a production cluster,
 * does not create topics on first use, so a channel naming any other topic would fail at run time.
 */
class ServiceTopicsTest {

    @Test
    void servicesUseOnlyCatalogueTopics() throws IOException {
        Set<String> catalogue = TopicCatalog.all().stream().map(TopicSpec::name).collect(Collectors.toSet());
        List<String> unknown = new ArrayList<>();
        for (String service : LocalStackOptions.DEFAULT_SERVICE_PORTS.keySet()) {
            Path file = RepositoryPaths.root().resolve(service).resolve("src/main/resources/application.properties");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            for (String key : properties.stringPropertyNames()) {
                String value = properties.getProperty(key).trim();
                if (key.startsWith("mp.messaging.") && key.endsWith(".topic") && !value.contains("${")
                        && !catalogue.contains(value)) {
                    unknown.add(service + ": " + key + "=" + value);
                }
            }
        }
        assertEquals(List.of(), unknown, "topics not in the AsyncAPI catalogue");
    }
}
