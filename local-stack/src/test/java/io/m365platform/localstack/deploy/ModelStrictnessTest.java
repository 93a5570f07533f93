package io.m365platform.localstack.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema check of DeployManifestsTest catches what a plain parse lets through. */
class ModelStrictnessTest {

    private static HasMetadata parse(String yaml) throws Exception {
        return RenderedManifests.typed(RenderedManifests.documents(yaml).get(0));
    }

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: x
            spec:
              selector:
                matchLabels: {app: x}
              template:
                metadata:
                  labels: {app: x}
                spec:
                  containers:
                    - name: app
                      image: x:1
                      %s
            """;

    @Test
    void aValidDeploymentHasNoProblems() throws Exception {
        assertEquals(List.of(), ModelStrictness.unknownFields(parse(DEPLOYMENT.formatted("imagePullPolicy: Always"))));
    }

    @Test
    void aMisspelledFieldIsReportedWithItsPath() throws Exception {
        List<String> problems = ModelStrictness.unknownFields(parse(DEPLOYMENT.formatted("readinessprobe: {}")));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("containers[0]") && problems.get(0).contains("readinessprobe"), problems.get(0));
    }

    @Test
    void aValueOfTheWrongShapeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> parse(DEPLOYMENT.formatted("ports: {containerPort: 8080}")));
    }
}
