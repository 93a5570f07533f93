package io.m365platform.connection.crypto;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Builds the {@link SecretSealer} at startup, so a missing or broken keyset stops the service before it accepts a
 * single request (see {@link KeysetSource}).
 */
public class CryptoProducer {

    private static final Logger LOG = Logger.getLogger(CryptoProducer.class);

    @Produces
    @Singleton
    @Startup
    SecretSealer sealer(CryptoSettings settings) {
        SecretSealer sealer = new SecretSealer(KeysetSource.load(settings));
        LOG.infof("Credential encryption ready: %d key(s), primary key %d", sealer.keyCount(), sealer.primaryKeyId());
        return sealer;
    }
}
