package io.m365platform.connection.capability;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The catalogue is read once at startup; a broken catalogue file stops the service instead of serving wrong tables. */
public class CapabilityProducer {

    @Produces
    @Singleton
    CapabilityCatalogue catalogue() {
        return CapabilityCatalogue.load();
    }

    @Produces
    @Singleton
    CapabilityEvaluator evaluator(CapabilityCatalogue catalogue) {
        return new CapabilityEvaluator(catalogue);
    }
}
